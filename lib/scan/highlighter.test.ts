import { describe, expect, it } from 'vitest';
import { highlightCss, highlightName } from './highlighter';

describe('highlightCss', () => {
  it('draws a per-type underline by default', () => {
    const css = highlightCss();
    expect(css).toContain(`::highlight(${highlightName('person')})`);
    expect(css).toContain('text-decoration: underline solid');
    expect(css).not.toContain('background-color');
  });

  it('tints the background when the reader chooses it', () => {
    const css = highlightCss('background');
    expect(css).toContain('background-color: rgba(255, 183, 0, 0.22)');
    expect(css).not.toContain('text-decoration');
  });

  it('leaves printed pages alone', () => {
    for (const style of ['underline', 'background'] as const) {
      const css = highlightCss(style);
      expect(css.startsWith('@media not print {')).toBe(true);
      expect(css.trim().endsWith('}')).toBe(true);
      expect(css.indexOf('::highlight(')).toBeGreaterThan(css.indexOf('@media not print'));
    }
  });

  it('draws nothing for "none" (cards then open by keyboard)', () => {
    expect(highlightCss('none')).toBe('');
  });

  it('names the generic style for unknown types', () => {
    expect(highlightName(undefined)).toBe('backstory-entity');
  });
});
