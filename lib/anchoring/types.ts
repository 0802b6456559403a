/**
 * W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors)
 * as Backstory stores them for passage notes.
 */

/** The passage's exact text with a little text before and after it, to find it again. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** The passage's offsets in the page text (see `pageText`), a hint that breaks when the page changes. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Where a passage note points: a quote (always) and a position (when known). */
export interface PassageSelectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}
