/**
 * Drawing marks with the CSS Custom Highlight API: one `Highlight` per entity type, registered
 * in `CSS.highlights` as `backstory-<type>`, styled by a constructed stylesheet adopted by the
 * document (and by open shadow roots that hold marks). The page's DOM is never changed.
 */
import type { EntityType } from '../dataset/types';
import type { HighlightStyle } from '../settings/site-rules';

/** What the annotator needs from a highlight registry (injectable for tests). */
export interface Highlighter {
  /** Shows `ranges` in the style of `type` (undefined: a generic entity style). */
  addAll(ranges: readonly AbstractRange[], type: EntityType | undefined): void;
  /** Stops showing `range`. */
  delete(range: AbstractRange, type: EntityType | undefined): void;
  /** Makes the styles apply inside `root` (a shadow root holding marks). */
  adopt(root: DocumentOrShadowRoot): void;
  /** Removes every highlight; the styles stay, so switching back on costs no style recalculation. */
  clear(): void;
  /** Removes every highlight and the styles (a later `add` brings them back). */
  dispose(): void;
  /** Switches how marks look (the reader's setting); optional for test highlighters. */
  setStyle?(style: HighlightStyle): void;
}

/** Highlight name for an entity type: `backstory-person`, ..., `backstory-entity` when unknown. */
export function highlightName(type: EntityType | undefined): string {
  return `backstory-${type ?? 'entity'}`;
}

/**
 * Per-type styles. A translucent tint keeps the page's own text colour, so marks stay readable on
 * light and dark pages; the underline style differs per type for readers who cannot tell colours apart.
 */
export const HIGHLIGHT_STYLES: Record<EntityType | 'entity', { tint: string; line: string; style: string }> = {
  person: { tint: 'rgba(255, 183, 0, 0.22)', line: 'rgba(214, 140, 0, 0.9)', style: 'solid' },
  organization: { tint: 'rgba(64, 140, 255, 0.2)', line: 'rgba(40, 110, 230, 0.9)', style: 'solid' },
  place: { tint: 'rgba(40, 190, 110, 0.2)', line: 'rgba(20, 150, 80, 0.9)', style: 'dashed' },
  term: { tint: 'rgba(170, 100, 255, 0.18)', line: 'rgba(140, 80, 220, 0.9)', style: 'dotted' },
  event: { tint: 'rgba(255, 90, 90, 0.18)', line: 'rgba(220, 60, 60, 0.9)', style: 'dotted' },
  entity: { tint: 'rgba(128, 128, 128, 0.2)', line: 'rgba(128, 128, 128, 0.9)', style: 'dotted' },
};

/**
 * The `::highlight()` rules for every type, as stylesheet text, in the reader's style: an
 * underline per type, a background tint, or nothing visible (cards then open by keyboard only).
 * Marks are for reading on screen: a printed article comes out as the page printed it. Under
 * forced colours (high contrast) a tint would be painted over with the page's own background, so
 * every style becomes an underline in the system's highlight colour, still dashed or dotted per type.
 */
export function highlightCss(style: HighlightStyle = 'underline'): string {
  if (style === 'none') return '';
  const underline = (line: string, color: string) =>
    `text-decoration: underline ${line} ${color}; text-decoration-thickness: 2px; text-underline-offset: 2px;`;
  const rules = (look: (s: (typeof HIGHLIGHT_STYLES)[keyof typeof HIGHLIGHT_STYLES]) => string) =>
    Object.entries(HIGHLIGHT_STYLES)
      .map(([type, s]) => `  ::highlight(${highlightName(type as EntityType)}) { ${look(s)} }`)
      .join('\n');
  const screen = rules((s) => (style === 'background' ? `background-color: ${s.tint};` : underline(s.style, s.line)));
  const forced = rules((s) => `background-color: transparent; ${underline(s.style, 'Highlight')}`);
  // (`not` negates a whole media query, so the forced-colours rules nest inside the screen ones.)
  return `@media not print {\n${screen}\n  @media (forced-colors: active) {\n${forced}\n  }\n}`;
}

interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): unknown;
}

/** True when the browser supports CSS Custom Highlights. */
export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof (globalThis as { Highlight?: unknown }).Highlight === 'function';
}

/**
 * The real highlighter over `CSS.highlights` for `doc`. Its stylesheet is adopted at once:
 * adopting a sheet restyles the whole page, so do it early (ideally before the page renders).
 */
export function cssHighlighter(doc: Document, style: HighlightStyle = 'underline'): Highlighter {
  const view = doc.defaultView as (Window & typeof globalThis & { Highlight: new () => HighlightLike }) | null;
  const registry = (view?.CSS as unknown as { highlights: Map<string, HighlightLike> }).highlights;
  const HighlightCtor = view!.Highlight;
  const sheet = new view!.CSSStyleSheet();
  sheet.replaceSync(highlightCss(style));
  const adopted = new Set<DocumentOrShadowRoot>();
  /** Highlights by entity type (keyed by type, not name, so adding a mark builds no string). */
  const byType = new Map<EntityType | undefined, HighlightLike>();

  const get = (type: EntityType | undefined) => {
    let h = byType.get(type);
    if (!h) {
      adopt(doc);
      h = new HighlightCtor();
      byType.set(type, h);
      registry.set(highlightName(type), h);
    }
    return h;
  };
  const adopt = (root: DocumentOrShadowRoot) => {
    if (adopted.has(root)) return;
    adopted.add(root);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  };
  adopt(doc);
  return {
    addAll(ranges, type) {
      if (!ranges.length) return;
      const h = get(type);
      const name = highlightName(type);
      // A registered highlight schedules a repaint at every range added: off the registry while
      // a batch goes in, it costs half (and the page cannot paint in between anyway).
      const swap = ranges.length > 16 && registry.get(name) === h;
      if (swap) registry.delete(name);
      for (const range of ranges) h.add(range);
      if (swap) registry.set(name, h);
    },
    delete: (range, type) => void byType.get(type)?.delete(range),
    adopt,
    clear() {
      // Emptied, not unregistered: registry changes restyle the whole page, emptying does not.
      for (const h of byType.values()) (h as HighlightLike & { clear(): void }).clear();
    },
    dispose() {
      for (const [type, h] of byType) if (registry.get(highlightName(type)) === h) registry.delete(highlightName(type));
      byType.clear();
      for (const root of adopted) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      adopted.clear();
    },
    setStyle(next) {
      sheet.replaceSync(highlightCss(next));
    },
  };
}
