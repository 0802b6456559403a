import { describe, expect, it } from 'vitest';
import type { EntityType } from '../dataset/types';
import { adoptSheet, dropSheet, highlightName, NOTE_HIGHLIGHT, PAGE_STYLES_CSS } from './page-styles';

const TYPES: (EntityType | undefined)[] = ['person', 'organization', 'place', 'term', 'event', undefined];
/** The stylesheet without comments. */
const css = PAGE_STYLES_CSS.replace(/\/\*[\s\S]*?\*\//g, '');
/** The rules for ordinary screens, before the forced-colours block. */
const [notes, screenAndForced] = css.split('@media not print {') as [string, string];
const [screen, forced] = screenAndForced.split('@media (forced-colors: active) {') as [string, string];
/** The declarations of the rule whose selector list includes `::highlight(name)`. */
const rule = (block: string, name: string) => new RegExp(`::highlight\\(${name}\\)[^{]*\\{([^}]*)\\}`).exec(block)?.[1] ?? null;

describe('highlightName', () => {
  it('names each type in each style, the default underline without a suffix', () => {
    expect(highlightName('person')).toBe('backstory-person');
    expect(highlightName('place', 'background')).toBe('backstory-place-tint');
    expect(highlightName('term', 'none')).toBe('backstory-term-plain');
    expect(highlightName(undefined)).toBe('backstory-entity');
  });
});

describe('page styles', () => {
  it('draw every type as an underline under the default names, solid, dashed or dotted', () => {
    for (const type of TYPES) {
      const declarations = rule(screen, highlightName(type))!;
      expect(declarations, String(type)).toMatch(/text-decoration: underline (solid|dashed|dotted) rgba/);
      expect(declarations).not.toContain('background-color');
    }
    expect(rule(screen, highlightName('place'))).toContain('underline dashed');
  });

  it('tint the background under the -tint names', () => {
    for (const type of TYPES) {
      const declarations = rule(screen, highlightName(type, 'background'))!;
      expect(declarations, String(type)).toMatch(/^\s*background-color: rgba\([^)]*\);\s*$/);
    }
    expect(rule(screen, highlightName('person', 'background'))).toContain('rgba(255, 183, 0, 0.22)');
  });

  it('have no rule for the -plain names (registered, never drawn)', () => {
    expect(css).not.toContain('-plain');
  });

  it('leave printed pages alone, except for the reader’s noted passages', () => {
    expect(rule(notes, NOTE_HIGHLIGHT)).toContain('background-color');
    expect(notes).not.toContain('backstory-person');
  });

  it('turn every style into an underline in the system highlight colour under forced colours', () => {
    for (const type of TYPES) {
      for (const style of ['underline', 'background'] as const) {
        const declarations = rule(forced, highlightName(type, style))!;
        expect(declarations, `${type} ${style}`).toContain('background-color: transparent');
        expect(declarations).toMatch(/text-decoration: underline (solid|dashed|dotted) Highlight/);
      }
    }
    expect(forced).not.toContain('rgba');
  });
});

describe('adoptSheet / dropSheet', () => {
  it('adopt a sheet once, after the root’s own, and drop only it', () => {
    const own = {} as CSSStyleSheet;
    const ours = {} as CSSStyleSheet;
    const root = { adoptedStyleSheets: [own] } as unknown as DocumentOrShadowRoot;
    adoptSheet(root, ours);
    adoptSheet(root, ours);
    expect(root.adoptedStyleSheets).toEqual([own, ours]);
    dropSheet(root, ours);
    expect(root.adoptedStyleSheets).toEqual([own]);
  });
});
