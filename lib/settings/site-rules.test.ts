import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isEnabledFor, normalizeSettings, siteOf, withSite } from './site-rules';

describe('site rules', () => {
  it('names a site by host without www', () => {
    expect(siteOf('https://www.Example.org/news?id=1')).toBe('example.org');
    expect(siteOf('http://localhost:8080/a')).toBe('localhost');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });

  it('runs on http(s) pages unless switched off globally or for the site', () => {
    expect(isEnabledFor(DEFAULT_SETTINGS, 'https://sputniknews.com/a')).toBe(true);
    expect(isEnabledFor(DEFAULT_SETTINGS, 'about:blank')).toBe(false);
    expect(isEnabledFor({ ...DEFAULT_SETTINGS, enabled: false }, 'https://sputniknews.com/a')).toBe(false);
    const off = withSite(DEFAULT_SETTINGS, 'example.org', false);
    expect(isEnabledFor(off, 'https://www.example.org/a')).toBe(false);
    expect(isEnabledFor(off, 'https://news.example.org/a')).toBe(false);
    expect(isEnabledFor(off, 'https://example.com/a')).toBe(true);
  });

  it('switches a site back on, including when a parent domain was off', () => {
    const off = withSite(withSite(DEFAULT_SETTINGS, 'example.org', false), 'other.net', false);
    expect(off.disabledSites).toEqual(['example.org', 'other.net']);
    const on = withSite(off, 'news.example.org', true);
    expect(on.disabledSites).toEqual(['other.net']);
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
  });

  it('normalizes stored values', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ enabled: 'yes', disabledSites: ['B.org', 3, 'a.org', 'a.org'], highlightStyle: 'blink', dwellMs: 99999 })).toEqual({
      enabled: true,
      disabledSites: ['a.org', 'b.org'],
      highlightStyle: 'underline',
      dwellMs: 2000,
    });
    expect(normalizeSettings({ dwellMs: 10, highlightStyle: 'none' })).toMatchObject({ dwellMs: 100, highlightStyle: 'none' });
  });
});
