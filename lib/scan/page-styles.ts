/**
 * Names and text of the stylesheet every Backstory highlight is drawn with (page-styles.css).
 * The manifest injects that file into every page before it is parsed; shadow roots that hold
 * marks adopt the same text as a constructed sheet (see highlighter.ts).
 */
import type { EntityType } from '../dataset/types';
import type { HighlightStyle } from '../settings/site-rules';
import css from './page-styles.css?inline';

/** The page styles as text, for adopting into shadow roots (and into pages in the benchmark). */
export const PAGE_STYLES_CSS: string = css;

/** Name of the highlight that marks noted passages in `CSS.highlights`. */
export const NOTE_HIGHLIGHT = 'backstory-note';

const SUFFIX: Record<HighlightStyle, string> = { underline: '', background: '-tint', none: '-plain' };

/**
 * Highlight name for an entity type in a style: `backstory-person` (underline, the default),
 * `backstory-person-tint` (background), `backstory-person-plain` (none: registered but never
 * drawn, so cards still open by keyboard); `backstory-entity…` when the type is unknown.
 */
export function highlightName(type: EntityType | undefined, style: HighlightStyle = 'underline'): string {
  return `backstory-${type ?? 'entity'}${SUFFIX[style]}`;
}

/** Adopts `sheet` into `root` unless it is there already. */
export function adoptSheet(root: DocumentOrShadowRoot, sheet: CSSStyleSheet): void {
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** Removes `sheet` from `root`. */
export function dropSheet(root: DocumentOrShadowRoot, sheet: CSSStyleSheet): void {
  if (root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
}
