import { describe, expect, it } from 'vitest';
import { highlightCss, highlightName } from './highlighter';

/** The rules for ordinary screens (before the forced-colours block). */
const screenRules = (css: string) => css.split('@media (forced-colors: active)')[0]!;

describe('highlightCss', () => {
  it('draws a per-type underline by default', () => {
    const css = screenRules(highlightCss());
    expect(css).toContain(`::highlight(${highlightName('person')})`);
    expect(css).toContain('text-decoration: underline solid');
    expect(css).not.toContain('background-color');
  });

  it('tints the background when the reader chooses it', () => {
    const css = screenRules(highlightCss('background'));
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

  it('turns every style into an underline in the system highlight colour under forced colours', () => {
    for (const style of ['underline', 'background'] as const) {
      const forced = highlightCss(style).split('@media (forced-colors: active) {')[1]!;
      expect(forced).toContain(`::highlight(${highlightName('place')}) { background-color: transparent; text-decoration: underline dashed Highlight;`);
      expect(forced).not.toContain('rgba');
    }
  });

  it('draws nothing for "none" (cards then open by keyboard)', () => {
    expect(highlightCss('none')).toBe('');
  });

  it('names the generic style for unknown types', () => {
    expect(highlightName(undefined)).toBe('backstory-entity');
  });
});
