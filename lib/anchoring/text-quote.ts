/**
 * TextQuoteSelector: a passage as its exact text plus some context, and the search that
 * finds it again in changed text (exact first, then approximate with approx-string-match).
 */
import search from 'approx-string-match';
import type { TextIndex } from './page-text';
import type { TextQuoteSelector } from './types';

/** Characters of context kept before and after the quote. */
export const CONTEXT_LENGTH = 32;

/** Quotes shorter than this are only found exactly: a few errors in a short text could be any text. */
export const MIN_FUZZY_LENGTH = 12;

/** Describes the text of [start, end) in `text` with up to CONTEXT_LENGTH characters of context. */
export function describeTextQuote(index: TextIndex, start: number, end: number): TextQuoteSelector {
  const { text } = index;
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, Math.min(text.length, end + CONTEXT_LENGTH)),
  };
}

/** Where a quote was found and how well it fits. */
export interface QuoteMatch {
  start: number;
  end: number;
  /** 1 for an exact match; 1 - edits / quote length for an approximate one. */
  quoteSimilarity: number;
  /** Quote, context and position evidence combined, from 0 to 1. */
  score: number;
}

/** Options for `matchQuote`. */
export interface MatchQuoteOptions {
  prefix?: string;
  suffix?: string;
  /** Where the quote is expected to start (from a TextPositionSelector). */
  hint?: number;
  /** Lowest quote similarity an approximate match may have (default 0.8). */
  minQuoteSimilarity?: number;
}

// Relative weight of each piece of evidence, as in Hypothesis's matcher: the quote itself counts most.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

/** How similar `str` is to the best match of it within `text`, from 0 to 1. */
function similarity(text: string, str: string): number {
  if (str.length === 0) return 1;
  if (text.length === 0) return 0;
  const matches = search(text, str, str.length);
  const errors = matches.reduce((min, m) => Math.min(min, m.errors), str.length);
  return 1 - errors / str.length;
}

function score(text: string, start: number, end: number, quoteSimilarity: number, opts: MatchQuoteOptions): number {
  let total = QUOTE_WEIGHT * quoteSimilarity;
  let weights = QUOTE_WEIGHT;
  // Context that was empty when described (passage at the start or end of the page) is no evidence either way.
  if (opts.prefix) {
    total += PREFIX_WEIGHT * similarity(text.slice(Math.max(0, start - opts.prefix.length), start), opts.prefix);
    weights += PREFIX_WEIGHT;
  }
  if (opts.suffix) {
    total += SUFFIX_WEIGHT * similarity(text.slice(end, end + opts.suffix.length), opts.suffix);
    weights += SUFFIX_WEIGHT;
  }
  if (opts.hint !== undefined && text.length > 0) {
    total += POSITION_WEIGHT * (1 - Math.min(1, Math.abs(start - opts.hint) / text.length));
    weights += POSITION_WEIGHT;
  }
  return total / weights;
}

function best(matches: QuoteMatch[]): QuoteMatch | null {
  let top: QuoteMatch | null = null;
  for (const m of matches) if (!top || m.score > top.score) top = m;
  return top;
}

/**
 * Finds the best place for `quote` in `text`: among exact occurrences the one whose
 * context fits best; when there is none, the best approximate match whose quote
 * similarity reaches `minQuoteSimilarity`. Null when nothing qualifies.
 */
export function matchQuote(text: string, quote: string, opts: MatchQuoteOptions = {}): QuoteMatch | null {
  if (quote.length === 0) return null;
  const exact: QuoteMatch[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
    exact.push({ start: i, end: i + quote.length, quoteSimilarity: 1, score: score(text, i, i + quote.length, 1, opts) });
  }
  if (exact.length > 0) return best(exact);
  if (quote.length < MIN_FUZZY_LENGTH) return null;
  const minQuoteSimilarity = opts.minQuoteSimilarity ?? 0.8;
  const maxErrors = Math.floor(quote.length * (1 - minQuoteSimilarity));
  if (maxErrors < 1) return null;
  const approx = search(text, quote, maxErrors).map((m) => {
    const quoteSimilarity = 1 - m.errors / quote.length;
    return { start: m.start, end: m.end, quoteSimilarity, score: score(text, m.start, m.end, quoteSimilarity, opts) };
  });
  return best(approx);
}
