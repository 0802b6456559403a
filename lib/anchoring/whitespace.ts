/**
 * Page text with every run of white space collapsed to one space, and the way back to the
 * original offsets. Quotes are matched in collapsed text: pages indent their markup heavily,
 * and a passage that is half indentation would otherwise look similar to any other.
 */

/** Collapsed text with, for each of its characters, the original range it stands for. */
export interface CollapsedText {
  text: string;
  /** `startOf[i]`: original offset of collapsed character i. */
  startOf: Int32Array;
  /** `endOf[i]`: original offset just after collapsed character i (a space stands for its whole run). */
  endOf: Int32Array;
}

const WHITESPACE = /\s+/gu;

/** `s` with each run of white space replaced by one space. */
export function collapseWhitespace(s: string): string {
  return s.replace(WHITESPACE, ' ');
}

let last: { source: string; collapsed: CollapsedText } | null = null;

/** Collapses `source`, remembering the last result (anchoring many notes reuses one page text). */
export function collapse(source: string): CollapsedText {
  if (last?.source === source) return last.collapsed;
  const startOf = new Int32Array(source.length);
  const endOf = new Int32Array(source.length);
  const parts: string[] = [];
  let n = 0;
  let from = 0;
  const keep = (to: number) => {
    for (let i = from; i < to; i++, n++) {
      startOf[n] = i;
      endOf[n] = i + 1;
    }
    parts.push(source.slice(from, to));
  };
  for (const m of source.matchAll(WHITESPACE)) {
    keep(m.index);
    startOf[n] = m.index;
    endOf[n] = m.index + m[0].length;
    n++;
    parts.push(' ');
    from = m.index + m[0].length;
  }
  keep(source.length);
  const collapsed = { text: parts.join(''), startOf: startOf.subarray(0, n), endOf: endOf.subarray(0, n) };
  last = { source, collapsed };
  return collapsed;
}

/** The original range of collapsed range [start, end). */
export function originalRange(c: CollapsedText, start: number, end: number, originalLength: number): { start: number; end: number } {
  const from = start < c.startOf.length ? c.startOf[start]! : originalLength;
  const to = end > start ? c.endOf[end - 1]! : from;
  return { start: from, end: to };
}
