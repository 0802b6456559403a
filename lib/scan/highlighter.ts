/**
 * Drawing marks with the CSS Custom Highlight API: one `Highlight` per entity type, registered
 * in `CSS.highlights` under its name in the reader's style (`backstory-person`, ...), styled by
 * the page styles (page-styles.css: injected into the document by the manifest, adopted by open
 * shadow roots that hold marks). The page's DOM is never changed.
 */
import type { EntityType } from '../dataset/types';
import type { HighlightStyle } from '../settings/site-rules';
import { adoptSheet, dropSheet, highlightName, PAGE_STYLES_CSS } from './page-styles';

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
  /** Removes every highlight, and the styles it adopted into shadow roots (the document's come from the manifest). */
  dispose(): void;
  /** Switches how marks look (the reader's setting); optional for test highlighters. */
  setStyle?(style: HighlightStyle): void;
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
 * The real highlighter over `CSS.highlights` for `doc`. The document has the page styles already
 * (the manifest injects them before the page is parsed); shadow roots adopt them when marks
 * appear there. Switching style moves the highlights to other names and never touches a
 * stylesheet, so it costs no restyle of the page.
 */
export function cssHighlighter(doc: Document, style: HighlightStyle = 'underline'): Highlighter {
  const view = doc.defaultView as (Window & typeof globalThis & { Highlight: new () => HighlightLike }) | null;
  const registry = (view?.CSS as unknown as { highlights: Map<string, HighlightLike> }).highlights;
  const HighlightCtor = view!.Highlight;
  /** One constructed copy of the page styles for every shadow root of this document. */
  let sheet: CSSStyleSheet | undefined;
  const adopted = new Set<DocumentOrShadowRoot>();
  /** Highlights by entity type (keyed by type, not name, so adding a mark builds no string). */
  const byType = new Map<EntityType | undefined, HighlightLike>();

  const get = (type: EntityType | undefined) => {
    let h = byType.get(type);
    if (!h) {
      h = new HighlightCtor();
      byType.set(type, h);
      registry.set(highlightName(type, style), h);
    }
    return h;
  };
  return {
    addAll(ranges, type) {
      if (!ranges.length) return;
      const h = get(type);
      const name = highlightName(type, style);
      // A registered highlight schedules a repaint at every range added: off the registry while
      // a batch goes in, it costs half (and the page cannot paint in between anyway).
      const swap = ranges.length > 16 && registry.get(name) === h;
      if (swap) registry.delete(name);
      for (const range of ranges) h.add(range);
      if (swap) registry.set(name, h);
    },
    delete: (range, type) => void byType.get(type)?.delete(range),
    adopt(root) {
      // Made with the page window's own constructor: an adopted sheet must belong to the document.
      if (!sheet) {
        sheet = new view!.CSSStyleSheet();
        sheet.replaceSync(PAGE_STYLES_CSS);
      }
      adopted.add(root);
      adoptSheet(root, sheet);
    },
    clear() {
      // Emptied, not unregistered: the highlights stay ready for the next marks.
      for (const h of byType.values()) (h as HighlightLike & { clear(): void }).clear();
    },
    dispose() {
      for (const [type, h] of byType) if (registry.get(highlightName(type, style)) === h) registry.delete(highlightName(type, style));
      byType.clear();
      for (const root of adopted) dropSheet(root, sheet!);
      adopted.clear();
    },
    setStyle(next) {
      if (next === style) return;
      for (const [type, h] of byType) {
        if (registry.get(highlightName(type, style)) === h) registry.delete(highlightName(type, style));
        registry.set(highlightName(type, next), h);
      }
      style = next;
    },
  };
}
