/**
 * Sentence segmentation for news English. A sentence ends at . ! ? (or an ellipsis) followed,
 * after any closing quotation marks or brackets, by white space and something that can start a
 * sentence. Block boundaries always end a sentence. Abbreviations ("Mr.", "U.S.", initials) do
 * not end one unless the next word clearly starts a new sentence.
 */
import type { PlacedBlock } from './article';

/** A sentence span in the plain text. */
export interface SentenceSpan {
  start: number;
  end: number;
  /** Index of the block (paragraph) it belongs to. */
  block: number;
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'rep', 'sen', 'gov', 'pres', 'st', 'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'fig', 'approx']);
/** Words that, capitalised after an abbreviation, still show a new sentence begins. */
const STARTERS = new Set(['the', 'he', 'she', 'it', 'they', 'we', 'i', 'but', 'and', 'in', 'on', 'a', 'an', 'this', 'that', 'there', 'his', 'her', 'their', 'its', 'our', 'meanwhile', 'however']);

const CLOSERS = /["'”’)\]»]/u;
const OPENERS = /["'“‘([«\p{Lu}\p{N}]/u;

/** True when the period at `dot` belongs to an abbreviation, not a sentence end. */
function isAbbreviation(text: string, dot: number, blockStart: number): boolean {
  let i = dot;
  while (i > blockStart && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot);
  if (TITLES.has(word.toLowerCase())) return true;
  // Initials and dotted acronyms: "J.", "U.S", "U.N".
  return /^(?:\p{Lu}\.?)+$/u.test(word) && word.replace(/\./gu, '').length <= 3 && (word.length === 1 || word.includes('.'));
}

/** Splits each block into sentences. Spans exclude surrounding white space. */
export function segmentSentences(text: string, blocks: readonly PlacedBlock[]): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  blocks.forEach((block, b) => {
    let start = block.start;
    const push = (end: number) => {
      while (start < end && /\s/u.test(text[start]!)) start++;
      let e = end;
      while (e > start && /\s/u.test(text[e - 1]!)) e--;
      if (e > start) out.push({ start, end: e, block: b });
    };
    for (let i = block.start; i < block.end; i++) {
      const c = text[i]!;
      if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
      let j = i + 1;
      while (j < block.end && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
      // An ellipsis inside a sentence ("the friendliest ... approach") is not an end.
      if (j - i >= 3 || c === '…') {
        let k = j;
        while (k < block.end && text[k] === ' ') k++;
        if (k < block.end && /\p{Ll}/u.test(text[k]!)) {
          i = j - 1;
          continue;
        }
      }
      while (j < block.end && CLOSERS.test(text[j]!)) j++;
      if (j >= block.end) break;
      if (!/\s/u.test(text[j]!)) continue;
      let k = j;
      while (k < block.end && /\s/u.test(text[k]!)) k++;
      if (k >= block.end || !OPENERS.test(text[k]!)) continue;
      if (c === '.' && j === i + 1 && isAbbreviation(text, i, block.start)) {
        const next = /^\p{L}+/u.exec(text.slice(k, k + 20))?.[0]?.toLowerCase() ?? '';
        if (!STARTERS.has(next)) continue;
      }
      push(j);
      start = j;
      i = j - 1;
    }
    push(block.end);
  });
  return out;
}
