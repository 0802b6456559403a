/**
 * TextQuoteSelector: a passage as its exact text plus some context, and the search that
 * finds it again in changed text (exact first, then approximate with approx-string-match).
 */
import search from 'approx-string-match';
import type { TextIndex } from './page-text';
import type { TextQuoteSelector } from './types';
import { collapse, collapseWhitespace, originalRange } from './whitespace';

/** Characters of context kept before and after the quote (white space runs count as one). */
export const CONTEXT_LENGTH = 32;
/** Most raw characters of context stored (the message validator's limit). */
const MAX_CONTEXT_RAW = 200;

/** Quotes shorter than this (white space collapsed) are only found exactly: a few errors in a short text could be any text. */
export const MIN_FUZZY_LENGTH = 12;

/** How many raw characters from `from`, stepping by `step`, hold CONTEXT_LENGTH characters once white space is collapsed. */
function contextSpan(text: string, from: number, step: 1 | -1): number {
  let raw = 0;
  let counted = 0;
  for (let i = step === 1 ? from : from - 1; i >= 0 && i < text.length && counted < CONTEXT_LENGTH && raw < MAX_CONTEXT_RAW; i += step, raw++) {
    const prev = text[i - step];
    if (!(/\s/u.test(text[i]!) && prev !== undefined && /\s/u.test(prev))) counted++;
  }
  return raw;
}

/** Describes the text of [start, end) in the page text, with about CONTEXT_LENGTH characters of context each side. */
export function describeTextQuote(index: TextIndex, start: number, end: number): TextQuoteSelector {
  const { text } = index;
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(start - contextSpan(text, start, -1), start),
    suffix: text.slice(end, end + contextSpan(text, end, 1)),
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
  /** Lowest quote similarity an approximate match may have (default 0.9). */
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

/** Approximate matches of `quote` in text[from, to), with offsets into the whole text. */
function approx(text: string, quote: string, maxErrors: number, opts: MatchQuoteOptions, from = 0, to = text.length): QuoteMatch[] {
  return search(text.slice(from, to), quote, maxErrors).map((m) => {
    const quoteSimilarity = 1 - m.errors / quote.length;
    const start = from + m.start;
    const end = from + m.end;
    return { start, end, quoteSimilarity, score: score(text, start, end, quoteSimilarity, opts) };
  });
}

/**
 * Finds the best place for `quote` in `text`. White space runs count as one space throughout.
 * Candidates are the exact occurrences, and approximate matches (quote similarity at least
 * `minQuoteSimilarity`) near the position hint, or anywhere when there is no exact
 * occurrence; the one whose quote, context and position fit best wins, so an edited passage
 * near its old place beats a copy of its old text elsewhere whose context does not fit.
 * Offsets returned are into `text`. Null when nothing qualifies.
 */
export function matchQuote(text: string, quote: string, opts: MatchQuoteOptions = {}): QuoteMatch | null {
  const page = collapse(text);
  const q = collapseWhitespace(quote);
  if (q.trim().length === 0) return null;
  const c: MatchQuoteOptions = {
    prefix: opts.prefix === undefined ? undefined : collapseWhitespace(opts.prefix),
    suffix: opts.suffix === undefined ? undefined : collapseWhitespace(opts.suffix),
    hint: opts.hint === undefined ? undefined : collapsedOffset(page.startOf, opts.hint),
  };
  const candidates: QuoteMatch[] = [];
  for (let i = page.text.indexOf(q); i !== -1; i = page.text.indexOf(q, i + 1)) {
    candidates.push({ start: i, end: i + q.length, quoteSimilarity: 1, score: score(page.text, i, i + q.length, 1, c) });
  }
  let found = best(candidates);
  // The quote is there with its context: no need for approximate search.
  if (!(found && found.score >= 0.95)) {
    const minQuoteSimilarity = opts.minQuoteSimilarity ?? 0.9;
    const maxErrors = Math.floor(q.length * (1 - minQuoteSimilarity));
    if (q.length >= MIN_FUZZY_LENGTH && maxErrors >= 1) {
      if (c.hint !== undefined) {
        const slack = q.length + 100;
        candidates.push(...approx(page.text, q, maxErrors, c, Math.max(0, c.hint - slack), Math.min(page.text.length, c.hint + q.length + slack)));
      }
      if (!found) candidates.push(...approx(page.text, q, maxErrors, c));
      found = best(candidates);
    }
  }
  if (!found) return null;
  return { ...found, ...originalRange(page, found.start, found.end, text.length) };
}

/** The collapsed offset of original offset `offset` (binary search in `startOf`). */
function collapsedOffset(startOf: Int32Array, offset: number): number {
  let lo = 0;
  let hi = startOf.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
