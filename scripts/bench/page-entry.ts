// Browser bundle for the benchmark page: the project's matcher and annotator, plus a bare text walk.
import { compileMatcher } from '../../lib/matcher';
import { createAnnotator } from '../../lib/scan/annotator';
import { cssHighlighter } from '../../lib/scan/highlighter';
import { adoptSheet, PAGE_STYLES_CSS } from '../../lib/scan/page-styles';
import { yieldToPage } from '../../lib/scan/yield';

/** The floor: visit every text node of the body once and read its text. */
function bareWalk(doc: Document): number {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
  return chars;
}

/**
 * What the extension's manifest does before the page is parsed: give the document the page styles
 * (`css`: as the build ships them; by default as written).
 */
function adoptPageStyles(doc: Document, css: string = PAGE_STYLES_CSS): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  adoptSheet(doc, sheet);
}

(globalThis as Record<string, unknown>).backstoryBench = { compileMatcher, createAnnotator, cssHighlighter, adoptPageStyles, yieldToPage, bareWalk };
