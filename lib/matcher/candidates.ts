/**
 * Where a match may start, as one RegExp: the matcher lets the RegExp engine skip the text
 * between candidates (native code, many times faster than a loop over the characters in
 * JavaScript) and walks its trie only from the positions it finds.
 *
 * The expression works on UTF-16 code units (no `u` flag: property escapes are an order of
 * magnitude slower) with classes listed unit by unit from the matcher's own tables, so it finds
 * a superset of the word starts a match can begin at: every candidate is checked again by the
 * matcher, and no real start is ever missed. Every alternative consumes exactly one unit (the
 * rest is lookahead), so `lastIndex - 1` is where the candidate starts.
 */
import { LOWER, WORD, type CharTables } from './char-classes';

/** Characters after a candidate's first that its lookahead may read. */
export const LOOKAHEAD = 2;
/** Widest gap joined between two ranges of capitals. */
const MAX_GAP = 16;
/** Above this many distinct lower-case prefixes, lower-case candidates are told by their first letter only. */
const MAX_PREFIXES = 64;

/**
 * The candidate expression (global flag: search with `test` and read `lastIndex`).
 *
 * - Any word character that is not lower case and folds to the first character of some term
 *   (capitals, digits, scripts without case): names start there. Close ranges are joined over
 *   gaps without lower-case letters; far ones are not, since the engine's quick skip table folds
 *   code units modulo 128, and a wide range would make it stop and look at every character.
 * - A lower-case letter starting one of `lowerPrefixes` (folded, at most 1 + LOOKAHEAD
 *   characters, no spaces): the start of a term that may be written in lower case. ASCII ones
 *   only after an ASCII word boundary, which every real word start is.
 *
 * @param rootChild folded character -> trie node of the terms starting with it (0: none)
 * @param lowerPrefixes folded beginnings of the terms that can match a lower-case word
 */
export function candidateStarts({ fold, cls }: CharTables, rootChild: Int32Array, lowerPrefixes: Iterable<string>): RegExp {
  let prefixes = [...new Set(lowerPrefixes)].filter((p) => p.length > 0);
  if (prefixes.length > MAX_PREFIXES) prefixes = [...new Set(prefixes.map((p) => p[0]!))];
  // The code units folding to each character the prefixes use, found in one pass over the table.
  const wanted = new Map<number, number[]>();
  for (const p of prefixes) for (let k = 0; k < p.length; k++) wanted.set(p.charCodeAt(k), []);
  // Capitals as ranges, each widened over the gaps to the next that hold no lower-case letter:
  // a few more candidates (checked again anyway), far fewer ranges, and a much faster search.
  const capitals: number[] = [];
  let lowerSince = true;
  for (let c = 0; c < 65536; c++) {
    const f = fold[c] || c;
    wanted.get(f)?.push(c);
    const cc = cls[c]!;
    if (cc & LOWER) lowerSince = true;
    else if (cc & WORD && rootChild[f] !== 0) {
      const last = capitals.length ? capitals[capitals.length - 1]! : -1;
      if (!lowerSince && c - last <= MAX_GAP) for (let g = last + 1; g < c; g++) capitals.push(g);
      capitals.push(c);
      lowerSince = false;
    }
  }
  const alternatives: string[] = [];
  if (capitals.length) alternatives.push(charClass(capitals));
  /** Lower-case prefixes starting with an ASCII letter, all behind one word boundary. */
  const afterBoundary: string[] = [];
  for (const p of prefixes) {
    const first = (wanted.get(p.charCodeAt(0)) ?? []).filter((c) => cls[c]! & LOWER && cls[c]! & WORD);
    if (!first.length) continue;
    let rest = '';
    for (let k = 1; k < p.length; k++) rest += charClass(wanted.get(p.charCodeAt(k))!);
    const ahead = rest ? `(?=${rest})` : '';
    const ascii = first.filter((c) => c < 0x80);
    const other = first.filter((c) => c >= 0x80);
    if (ascii.length) afterBoundary.push(`${charClass(ascii)}${ahead}`);
    if (other.length) alternatives.push(`${charClass(other)}${ahead}`);
  }
  if (afterBoundary.length) alternatives.push(`\\b(?:${afterBoundary.join('|')})`);
  return new RegExp(alternatives.length ? alternatives.join('|') : '[]', 'g');
}

/** The folded beginning of a term for {@link candidateStarts}: up to 1 + LOOKAHEAD units, stopping at a space. */
export function foldedPrefix({ fold }: CharTables, key: string): string {
  let prefix = '';
  for (let k = 0; k < key.length && k <= LOOKAHEAD; k++) {
    const u = key.charCodeAt(k);
    const f = fold[u] || u;
    if (f === 0x20) break;
    prefix += String.fromCharCode(f);
  }
  return prefix;
}

/** A character class of the given code units (ascending), as ranges of `\uXXXX` escapes. */
function charClass(units: number[]): string {
  let out = '[';
  for (let i = 0; i < units.length; ) {
    let j = i;
    while (j + 1 < units.length && units[j + 1] === units[j]! + 1) j++;
    out += hex(units[i]!);
    if (j > i) out += (j > i + 1 ? '-' : '') + hex(units[j]!);
    i = j + 1;
  }
  return out + ']';
}

function hex(unit: number): string {
  return '\\u' + unit.toString(16).padStart(4, '0');
}
