import { describe, expect, it } from 'vitest';
import { formatDate, formatRelative, outletSlot, safeHref, truncate, typeLabel } from './format';

describe('formatDate', () => {
  it('keeps the calendar day the outlet printed, whatever its offset', () => {
    expect(formatDate('2021-08-19T09:36:00+08:00')).toBe('19 Aug 2021');
    expect(formatDate('2021-08-19T23:30:00-05:00')).toBe('19 Aug 2021');
  });
  it('returns an empty string for nonsense', () => {
    expect(formatDate('yesterday-ish')).toBe('');
  });
});

describe('formatRelative', () => {
  const now = Date.UTC(2021, 7, 22, 12);
  it('speaks like a person', () => {
    expect(formatRelative(now - 10_000, now)).toBe('just now');
    expect(formatRelative(now - 3 * 3600_000, now)).toBe('3 hours ago');
    expect(formatRelative(now - 24 * 3600_000, now)).toBe('yesterday');
    expect(formatRelative(now - 14 * 24 * 3600_000, now)).toBe('2 weeks ago');
  });
});

describe('safeHref', () => {
  it('allows http and https only', () => {
    expect(safeHref('https://example.org/a?b#c')).toBe('https://example.org/a?b#c');
    expect(safeHref('http://example.org/')).toBe('http://example.org/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<b>x</b>')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });
});

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('short', 10)).toEqual({ text: 'short', truncated: false });
  });
  it('cuts at a word boundary with an ellipsis', () => {
    const result = truncate('We have not made any official proposals yet, but the effectiveness', 30);
    expect(result.truncated).toBe(true);
    expect(result.text).toBe('We have not made any official…');
    expect(result.text.length).toBeLessThanOrEqual(31);
  });
});

describe('labels', () => {
  it('names entity types and gives outlets stable colour slots', () => {
    expect(typeLabel('organization')).toBe('Organization');
    expect(outletSlot('Sputnik')).toBe(outletSlot('Sputnik'));
    expect(outletSlot('China Daily')).toBeGreaterThanOrEqual(0);
    expect(outletSlot('China Daily')).toBeLessThan(6);
  });
});
