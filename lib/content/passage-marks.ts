/**
 * Passage notes on the page: finding their passages again with one shared text index, drawing
 * the found ones in their own highlight (`backstory-note`), and reading the reader's selection.
 * Orphans are reported, never drawn: a note must not attach to the wrong text.
 */
import { anchor } from '../anchoring/anchor';
import { TextIndex } from '../anchoring/page-text';
import type { PassageSelectors } from '../anchoring/types';
import { NOTE_HIGHLIGHT } from '../scan/page-styles';

/** What placing needs of a note. */
export interface PassageNoteLike {
  id: string;
  target?: PassageSelectors;
}

/** Passage notes placed on the page. */
export interface PlacedPassages {
  anchored: { id: string; range: Range }[];
  /** Ids of passage notes whose passage is not on the page (or not confidently). */
  orphans: string[];
}

/** Anchors every passage note (article notes are skipped) against one index of `root`'s text. */
export function placePassages(root: Node, notes: readonly PassageNoteLike[]): PlacedPassages {
  const passages = notes.filter((n): n is Required<PassageNoteLike> => n.target !== undefined);
  const placed: PlacedPassages = { anchored: [], orphans: [] };
  if (passages.length === 0) return placed;
  const index = new TextIndex(root);
  for (const note of passages) {
    const result = anchor(root, note.target, { index });
    if (result.status === 'anchored') placed.anchored.push({ id: note.id, range: result.range });
    else placed.orphans.push(note.id);
  }
  return placed;
}

const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false" i])';

/**
 * The reader's selection as a Range worth offering "Add note" for: not collapsed, holding
 * visible text, and neither in an editable field nor inside `ownUi` (the extension's own UI).
 */
export function noteableRange(selection: Selection | null, isOwnUi: (node: Node) => boolean = () => false): Range | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (range.toString().trim() === '') return null;
  for (const node of [range.startContainer, range.endContainer, range.commonAncestorContainer]) {
    if (isOwnUi(node)) return null;
    const el = node instanceof Element ? node : node.parentElement;
    if (el?.closest(EDITABLE)) return null;
  }
  return range;
}

/** The `backstory-note` highlight of one document. */
export interface NoteHighlights {
  /** Shows exactly these ranges (the previous ones are dropped). */
  set(ranges: readonly AbstractRange[]): void;
  /** Removes the highlight. */
  dispose(): void;
}

interface HighlightLike {
  add(range: AbstractRange): unknown;
  clear(): void;
  priority: number;
}

/** Draws noted passages with the CSS Custom Highlight API; the page's DOM is never changed. */
export function noteHighlights(doc: Document): NoteHighlights {
  const view = doc.defaultView as (Window & typeof globalThis & { Highlight: new () => HighlightLike }) | null;
  if (!view || !('highlights' in view.CSS) || typeof view.Highlight !== 'function') return { set: () => {}, dispose: () => {} };
  const registry = (view.CSS as unknown as { highlights: Map<string, HighlightLike> }).highlights;
  // Made with the first noted passage: most pages have none. Its style is in the page styles,
  // which the manifest injects (page-styles.css).
  let highlight: HighlightLike | undefined;
  return {
    set(ranges) {
      if (ranges.length > 0 && !highlight) {
        highlight = new view.Highlight();
        // Above entity marks, so a noted passage reads as one stretch.
        highlight.priority = 1;
      }
      if (!highlight) return;
      highlight.clear();
      for (const range of ranges) highlight.add(range);
      if (ranges.length > 0) registry.set(NOTE_HIGHLIGHT, highlight);
      else if (registry.get(NOTE_HIGHLIGHT) === highlight) registry.delete(NOTE_HIGHLIGHT);
    },
    dispose() {
      if (!highlight) return;
      highlight.clear();
      if (registry.get(NOTE_HIGHLIGHT) === highlight) registry.delete(NOTE_HIGHLIGHT);
      highlight = undefined;
    },
  };
}
