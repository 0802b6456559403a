// Browser bundle for the benchmark page: the project's matcher and annotator, plus a bare text walk.
import { compileMatcher } from '../../lib/matcher';
import { createAnnotator } from '../../lib/scan/annotator';
import { cssHighlighter } from '../../lib/scan/highlighter';
import { yieldToPage } from '../../lib/scan/yield';

/** The floor: visit every text node of the body once and read its text. */
function bareWalk(doc: Document): number {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
  return chars;
}

(globalThis as Record<string, unknown>).backstoryBench = { compileMatcher, createAnnotator, cssHighlighter, yieldToPage, bareWalk };
