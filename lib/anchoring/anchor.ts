/**
 * Passage notes: a DOM Range becomes W3C selectors (`describe`), and selectors become a
 * Range again on a later visit (`anchor`), or an orphan when the passage cannot be found
 * with enough confidence. Never a guess: a note must not attach to the wrong text.
 */
import { TextIndex } from './page-text';
import { describeTextQuote, matchQuote } from './text-quote';
import { describeTextPosition, textAtPosition } from './text-position';
import type { PassageSelectors } from './types';

/** Lowest combined score (quote, context, position) an approximate match needs. */
export const DEFAULT_MIN_SCORE = 0.75;

/** A passage found again. */
export interface Anchored {
  status: 'anchored';
  range: Range;
  start: number;
  end: number;
  /** position: the stored offsets still hold the quote; quote: found exactly elsewhere; fuzzy: found approximately. */
  method: 'position' | 'quote' | 'fuzzy';
  /** Confidence from 0 to 1. */
  score: number;
}

/** A passage that is no longer on the page (or not confidently). */
export interface Orphan {
  status: 'orphan';
  /** The score of the best candidate that was refused, or null when there was none. */
  bestScore: number | null;
}

/** The outcome of anchoring one passage. */
export type AnchorResult = Anchored | Orphan;

/** Options for `anchor`. */
export interface AnchorOptions {
  /** Lowest combined score for an approximate match (default DEFAULT_MIN_SCORE). */
  minScore?: number;
  /** A prebuilt index of the page text, to anchor many notes without walking the DOM each time. */
  index?: TextIndex;
}

/**
 * The selectors for `range`, measured against the readable text of `root`.
 * Null when the range holds no readable text (an empty or whitespace-only selection).
 */
export function describe(root: Node, range: Range, index: TextIndex = new TextIndex(root)): PassageSelectors | null {
  const position = describeTextPosition(index, range);
  if (index.text.slice(position.start, position.end).trim() === '') return null;
  return { quote: describeTextQuote(index, position.start, position.end), position };
}

/** Finds a passage again in the current page: exact by position, exact by quote, then approximate. */
export function anchor(root: Node, selectors: PassageSelectors, opts: AnchorOptions = {}): AnchorResult {
  const index = opts.index ?? new TextIndex(root);
  const { quote, position } = selectors;
  if (position && textAtPosition(index, position) === quote.exact) {
    return { status: 'anchored', range: index.rangeOf(position.start, position.end), start: position.start, end: position.end, method: 'position', score: 1 };
  }
  const match = matchQuote(index.text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start });
  if (!match) return { status: 'orphan', bestScore: null };
  const method = match.quoteSimilarity === 1 ? 'quote' : 'fuzzy';
  if (method === 'fuzzy' && match.score < (opts.minScore ?? DEFAULT_MIN_SCORE)) return { status: 'orphan', bestScore: match.score };
  return { status: 'anchored', range: index.rangeOf(match.start, match.end), start: match.start, end: match.end, method, score: match.score };
}
