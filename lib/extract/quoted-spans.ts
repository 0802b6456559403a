/**
 * Finds text between quotation marks: straight and curly double quotes, and single quotes
 * (told apart from apostrophes: "It's", "troops' withdrawal"). A double quote left open at the
 * end of a paragraph runs to the paragraph's end (the convention for quotes continued in the
 * next paragraph, which reopens with a quotation mark).
 */
import type { PlacedBlock } from './article';

/** A quoted span: `start`/`end` delimit the text inside the marks. */
export interface QuotedSpan {
  start: number;
  end: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark (= end when the quote runs to the paragraph end). */
  close: number;
  mark: 'double' | 'single';
  /** True when the paragraph ended before a closing mark. */
  unclosed: boolean;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function doubleQuotes(text: string, block: PlacedBlock): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let open = -1;
  for (let i = block.start; i < block.end; i++) {
    const c = text[i]!;
    if (c !== '"' && c !== '“' && c !== '”' && c !== '«' && c !== '»') continue;
    const opening = c === '“' || c === '«' || (c === '"' && open < 0);
    if (open < 0 && opening) open = i;
    else if (open >= 0 && !opening) {
      out.push({ start: open + 1, end: i, open, close: i + 1, mark: 'double', unclosed: false });
      open = -1;
    } else if (open >= 0 && opening) {
      // A new opening mark before a close: the earlier quote ran on; restart here.
      open = i;
    }
  }
  if (open >= 0 && block.end - open > 1) out.push({ start: open + 1, end: block.end, open, close: block.end, mark: 'double', unclosed: true });
  return out;
}

function singleQuotes(text: string, block: PlacedBlock, inside: QuotedSpan[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  for (let i = block.start; i < block.end; i++) {
    const c = text[i]!;
    if (c !== "'" && c !== '‘') continue;
    if (inside.some((q) => i >= q.open && i < q.close)) continue;
    const prev = i > block.start ? text[i - 1] : undefined;
    // An opening single quote follows a space or the paragraph start and precedes a word.
    if ((prev !== undefined && !/[\s([—–-]/u.test(prev)) || !isWordChar(text[i + 1])) continue;
    const limit = Math.min(block.end, i + 160);
    for (let j = i + 2; j < limit; j++) {
      const d = text[j]!;
      if (d === '\n') break;
      if (d !== "'" && d !== '’') continue;
      if (isWordChar(text[j + 1])) continue; // an apostrophe inside a word
      if (/\s/u.test(text[j - 1]!)) continue;
      out.push({ start: i + 1, end: j, open: i, close: j + 1, mark: 'single', unclosed: false });
      i = j;
      break;
    }
  }
  return out;
}

/** All quoted spans in the blocks, in text order. */
export function findQuotedSpans(text: string, blocks: readonly PlacedBlock[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  for (const block of blocks) {
    const doubles = doubleQuotes(text, block);
    out.push(...doubles, ...singleQuotes(text, block, doubles));
  }
  return out.sort((a, b) => a.start - b.start);
}
