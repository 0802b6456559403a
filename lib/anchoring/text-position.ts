/** TextPositionSelector: a passage as offsets into the page text. */
import type { TextIndex } from './page-text';
import type { TextPositionSelector } from './types';

/** The offsets of `range` in the page text. */
export function describeTextPosition(index: TextIndex, range: Range): TextPositionSelector {
  const start = index.offsetOf(range.startContainer, range.startOffset);
  const end = index.offsetOf(range.endContainer, range.endOffset);
  return { type: 'TextPositionSelector', start, end: Math.max(start, end) };
}

/** The text at a position selector, or null when the page text is now shorter. */
export function textAtPosition(index: TextIndex, selector: TextPositionSelector): string | null {
  if (selector.start < 0 || selector.end > index.text.length || selector.end < selector.start) return null;
  return index.text.slice(selector.start, selector.end);
}
