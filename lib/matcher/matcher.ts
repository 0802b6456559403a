/**
 * The multi-pattern matcher: every alias of the dictionary in one character trie over
 * case-folded text, stored as flat typed arrays (compact, fast to walk, transferable to tabs).
 *
 * Why a trie anchored at word starts rather than Aho-Corasick or one RegExp of every alias:
 * matches must start and end on word boundaries and the leftmost-longest one wins, so a walk
 * only starts at a word start and never needs failure links, and a RegExp of 50,000 aliases
 * would be slow to build and to run. The word starts worth a walk (capitals, and the beginnings
 * of the few terms that may be written in lower case) are found by one small RegExp
 * (candidates.ts), which skips the text between them in native code. Measured in `npm run bench`.
 */
import type { AliasCase, DictionaryTerm } from '../dataset/types';
import { candidateStarts, foldedPrefix, LOOKAHEAD } from './candidates';
import { APOS, charTables, LOWER, normalizeAlias, SPACE, WORD } from './char-classes';

/** One match in a text. */
export interface MatchHit {
  /** UTF-16 offset of the first character. */
  start: number;
  /** UTF-16 offset after the last character; a possessive 's / ’s is not included. */
  end: number;
  /** Index of the winning term in the dictionary the matcher was compiled from. */
  term: number;
  /** The entity the winning term names (blockers never produce hits). */
  entityId: string | null;
}

/** A compiled dictionary. */
export interface Matcher {
  /**
   * All leftmost-longest, whole-word matches in `text`, in order, blockers dropped. With `from`
   * and `to`, only the matches that start in [from, to) (a match may end after `to`), exactly as
   * a scan of the whole text would find them: a long text is matched in slices by resuming at
   * `max(to, end of the last hit)`.
   */
  findAll(text: string, from?: number, to?: number): MatchHit[];
  /** The terms the matcher was compiled from, indexed by `MatchHit.term`. */
  readonly terms: readonly DictionaryTerm[];
  /** Bytes held by the compiled tables (typed arrays only). */
  readonly byteLength: number;
}

/** The matcher's compiled tables, as plain data: structured-cloneable, typed arrays transferable. */
export interface SerializedMatcher {
  format: 1;
  /** Node n's children are edges childStart[n] .. childStart[n+1]-1, sorted by character. */
  childStart: Int32Array;
  edgeChar: Uint16Array;
  edgeTarget: Int32Array;
  /** Node n accepts terms acceptTerm[acceptStart[n] .. acceptStart[n+1]-1], most specific first. */
  acceptStart: Int32Array;
  acceptTerm: Int32Array;
  terms: DictionaryTerm[];
  /**
   * The source of the expression that finds where a match may start (see candidates.ts), as
   * computed from the tables; when present a receiving context uses it instead of scanning
   * every code unit again.
   */
  starts?: string;
}

/** What a candidate expression is made of: character classes of `\uXXXX` escapes, lookaheads, `\b`, `|`. */
const STARTS_SYNTAX = /^[[\]\\u0-9a-f|()?=:-]*$/;

const CASE_CODE: Record<AliasCase, number> = { exact: 0, name: 1, any: 2 };

/**
 * Compiles a dictionary. Terms are matched as whole words against case-folded text
 * (straight and curly apostrophes alike, any run of white space for a space), then each
 * candidate's case rule is checked on the original text. Empty terms are ignored.
 */
export function compileMatcher(terms: DictionaryTerm[]): Matcher {
  return createMatcher(buildTables(terms));
}

/** The compiled form of a matcher, to send to another context (transfer `transferables(s)`). */
export function serializeMatcher(matcher: Matcher): SerializedMatcher {
  if (!(matcher instanceof TrieMatcher)) throw new TypeError('Not a compiled matcher');
  return { ...matcher.tables, terms: matcher.terms.slice(), starts: matcher.startsSource };
}

/** The typed-array buffers of a serialized matcher, for `postMessage(data, transfer)`. */
export function transferables(s: SerializedMatcher): ArrayBuffer[] {
  return [s.childStart, s.edgeChar, s.edgeTarget, s.acceptStart, s.acceptTerm].map((a) => a.buffer as ArrayBuffer);
}

/** Rebuilds a matcher from its serialized form without recompiling. Throws on a malformed form. */
export function deserializeMatcher(s: SerializedMatcher): Matcher {
  const ok =
    s &&
    s.format === 1 &&
    s.childStart instanceof Int32Array &&
    s.edgeChar instanceof Uint16Array &&
    s.edgeTarget instanceof Int32Array &&
    s.acceptStart instanceof Int32Array &&
    s.acceptTerm instanceof Int32Array &&
    Array.isArray(s.terms) &&
    s.childStart.length === s.acceptStart.length &&
    s.edgeChar.length === s.edgeTarget.length &&
    s.childStart[s.childStart.length - 1] === s.edgeChar.length &&
    s.acceptStart[s.acceptStart.length - 1] === s.acceptTerm.length &&
    (s.starts === undefined || (typeof s.starts === 'string' && STARTS_SYNTAX.test(s.starts))) &&
    wellFormed(s);
  if (!ok) throw new TypeError('Malformed serialized matcher');
  return createMatcher(s);
}

/** Every index in range, offsets ascending, every term a term: nothing a walk could trip on. */
function wellFormed(s: SerializedMatcher): boolean {
  const nodes = s.childStart.length - 1;
  if (nodes < 1 || s.childStart[0] !== 0 || s.acceptStart[0] !== 0) return false;
  for (let n = 0; n < nodes; n++) {
    if (s.childStart[n + 1]! < s.childStart[n]! || s.acceptStart[n + 1]! < s.acceptStart[n]!) return false;
  }
  for (const target of s.edgeTarget) if (target < 1 || target >= nodes) return false;
  for (const t of s.acceptTerm) if (t < 0 || t >= s.terms.length) return false;
  return s.terms.every(
    (t) =>
      t !== null &&
      typeof t === 'object' &&
      typeof t.text === 'string' &&
      (t.entityId === null || typeof t.entityId === 'string') &&
      (t.case === 'exact' || t.case === 'name' || t.case === 'any'),
  );
}

function createMatcher(s: SerializedMatcher): Matcher {
  return new TrieMatcher(s);
}

function buildTables(terms: DictionaryTerm[]): SerializedMatcher {
  const { fold } = charTables();
  let totalChars = 1;
  for (const term of terms) totalChars += term.text.length;

  // Insertion into a trie whose edges live in an open-addressing hash (parent, char) -> child;
  // node arrays double as the hash's keys. No per-node objects, no string sorting.
  const parent = new Int32Array(totalChars);
  const char = new Uint16Array(totalChars);
  let size = 1024;
  while (size < totalChars * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size);
  let nodes = 1;
  const child = (p: number, c: number): number => {
    let h = (Math.imul(p, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask;
    for (;;) {
      const n = slots[h]!;
      if (n === 0) {
        parent[nodes] = p;
        char[nodes] = c;
        slots[h] = nodes;
        return nodes++;
      }
      if (parent[n] === p && char[n] === c) return n;
      h = (h + 1) & mask;
    }
  };

  const acceptNode = new Int32Array(terms.length);
  let accepted = 0;
  const acceptTermList = new Int32Array(terms.length);
  for (let t = 0; t < terms.length; t++) {
    let text = terms[t]!.text;
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) >= 0x300) {
        text = text.normalize('NFC');
        break;
      }
    }
    // Folded, trimmed, inner white space collapsed: the same key normalizeAlias + fold would give.
    let node = 0;
    let pendingSpace = false;
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      const f = fold[u] || u;
      if (f === 0x20) {
        pendingSpace = node !== 0;
        continue;
      }
      if (pendingSpace) node = child(node, 0x20);
      pendingSpace = false;
      node = child(node, f);
    }
    if (node === 0) continue;
    acceptNode[accepted] = node;
    acceptTermList[accepted++] = t;
  }

  // Edges in (parent, char) order: a stable counting sort by char, then by parent.
  const byChar = new Int32Array(nodes - 1);
  const charCount = new Int32Array(65537);
  for (let n = 1; n < nodes; n++) charCount[char[n]! + 1]!++;
  for (let c = 0; c < 65536; c++) charCount[c + 1]! += charCount[c]!;
  for (let n = 1; n < nodes; n++) byChar[charCount[char[n]!]!++] = n;
  const childStart = new Int32Array(nodes + 1);
  for (let n = 1; n < nodes; n++) childStart[parent[n]! + 1]!++;
  for (let n = 0; n < nodes; n++) childStart[n + 1]! += childStart[n]!;
  const edgeChar = new Uint16Array(nodes - 1);
  const edgeTarget = new Int32Array(nodes - 1);
  const fill = childStart.slice(0, nodes);
  for (const n of byChar) {
    const e = fill[parent[n]!]!++;
    edgeChar[e] = char[n]!;
    edgeTarget[e] = n;
  }

  const acceptStart = new Int32Array(nodes + 1);
  for (let k = 0; k < accepted; k++) acceptStart[acceptNode[k]! + 1]!++;
  for (let n = 0; n < nodes; n++) acceptStart[n + 1]! += acceptStart[n]!;
  const acceptTerm = new Int32Array(accepted);
  const next = acceptStart.slice(0, nodes);
  for (let k = 0; k < accepted; k++) acceptTerm[next[acceptNode[k]!]!++] = acceptTermList[k]!;
  // Terms sharing a key (a short run): the most specific case rule first, then dictionary order.
  const rank = (t: number) => (CASE_CODE[terms[t]!.case] ?? 2) * 0x40000000 + t;
  for (let n = 0; n < nodes; n++) {
    const a = acceptStart[n]!;
    const b = acceptStart[n + 1]!;
    if (b - a > 1) acceptTerm.subarray(a, b).sort((x, y) => rank(x) - rank(y));
  }
  return { format: 1, childStart, edgeChar, edgeTarget, acceptStart, acceptTerm, terms };
}

class TrieMatcher implements Matcher {
  readonly terms: readonly DictionaryTerm[];
  readonly byteLength: number;
  readonly tables: Omit<SerializedMatcher, 'terms' | 'starts'>;
  private readonly caseCode: Uint8Array;
  /** Folded first character -> node (0: none). Derived, not serialized: most walks end here. */
  private readonly rootChild: Int32Array;
  /** Normalised text of exact-case terms (others are checked on their first letter only). */
  private readonly exactText: (string | undefined)[];
  /** Where a match may start (see candidates.ts); global, so `lastIndex` is where the last candidate ended. */
  private readonly starts: RegExp;

  constructor(s: SerializedMatcher) {
    const { terms, starts, ...tables } = s;
    this.terms = terms;
    this.tables = tables;
    const chars = charTables();
    this.caseCode = new Uint8Array(terms.length);
    this.exactText = new Array<string | undefined>(terms.length);
    /** Beginnings of the terms that can match a word starting in lower case: `any` ones, `exact` ones written so. */
    const lowerPrefixes = new Set<string>();
    for (let t = 0; t < terms.length; t++) {
      const code = CASE_CODE[terms[t]!.case] ?? 2;
      this.caseCode[t] = code;
      // Names need nothing more; a received candidate expression already covers the rest.
      if (code === 1 || (code === 2 && starts !== undefined)) continue;
      const key = normalizeAlias(terms[t]!.text);
      if (code === 0) this.exactText[t] = key;
      if (starts === undefined && key.length && (code === 2 || chars.cls[key.charCodeAt(0)]! & LOWER)) lowerPrefixes.add(foldedPrefix(chars, key));
    }
    this.rootChild = new Int32Array(65536);
    for (let e = tables.childStart[0]!; e < tables.childStart[1]!; e++) this.rootChild[tables.edgeChar[e]!] = tables.edgeTarget[e]!;
    // Finding the candidate expression reads every code unit: done once where the matcher is
    // compiled, and received ready-made everywhere else.
    this.starts = starts === undefined ? candidateStarts(chars, this.rootChild, lowerPrefixes) : new RegExp(starts, 'g');
    this.byteLength = this.rootChild.byteLength + [tables.childStart, tables.edgeChar, tables.edgeTarget, tables.acceptStart, tables.acceptTerm].reduce(
      (sum, a) => sum + a.byteLength,
      this.caseCode.byteLength,
    );
  }

  /** The source of the candidate expression, to send along with the tables. */
  get startsSource(): string {
    return this.starts.source;
  }

  findAll(text: string, from = 0, to = text.length): MatchHit[] {
    const { fold, cls } = charTables();
    const { childStart, edgeChar, edgeTarget, acceptStart } = this.tables;
    const { rootChild } = this;
    const hits: MatchHit[] = [];
    const n = text.length;
    const stop = Math.min(to, n);
    const begin = Math.max(0, from);
    if (begin >= stop) return hits;
    // The candidate starts are found by the RegExp engine, which skips text far faster than a
    // loop over its characters; a slice is searched alone (plus the few characters a lookahead
    // may read), so matching a long text in slices stays linear.
    const sliced = begin > 0 || stop < n;
    const base = sliced ? begin : 0;
    const haystack = sliced ? text.slice(begin, Math.min(n, stop + LOOKAHEAD)) : text;
    const limit = stop - base;
    const starts = this.starts;
    starts.lastIndex = 0;
    while (starts.test(haystack)) {
      const i = base + starts.lastIndex - 1;
      if (i - base >= limit) break;
      const ch = text.charCodeAt(i);
      let node = rootChild[fold[ch] || ch]!;
      if (node === 0 || !(cls[ch]! & WORD)) continue;
      // A word start: not after a word character, nor after an apostrophe inside a word ("O'Brien", "Lavrov's").
      if (i > 0) {
        const p = cls[text.charCodeAt(i - 1)]!;
        if (p & WORD || (p & APOS && i > 1 && cls[text.charCodeAt(i - 2)]! & WORD)) continue;
      }
      let j = i + 1;
      let best = -1;
      let bestEnd = i;
      if (acceptStart[node] !== acceptStart[node + 1] && this.endsWord(text, j)) {
        const t = this.pick(node, text, i);
        if (t >= 0) {
          best = t;
          bestEnd = j;
        }
      }
      while (j < n) {
        const u = text.charCodeAt(j);
        const c = fold[u] || u;
        let lo = childStart[node]!;
        let hi = childStart[node + 1]! - 1;
        let next = -1;
        if (hi - lo < 8) {
          for (; lo <= hi; lo++) {
            if (edgeChar[lo] === c) {
              next = edgeTarget[lo]!;
              break;
            }
          }
        } else {
          while (lo <= hi) {
            const mid = (lo + hi) >>> 1;
            const m = edgeChar[mid]!;
            if (m === c) {
              next = edgeTarget[mid]!;
              break;
            }
            if (m < c) lo = mid + 1;
            else hi = mid - 1;
          }
        }
        if (next < 0) break;
        node = next;
        j++;
        if (c === 0x20) while (j < n && cls[text.charCodeAt(j)]! & SPACE) j++;
        if (acceptStart[node] !== acceptStart[node + 1] && this.endsWord(text, j)) {
          const t = this.pick(node, text, i);
          if (t >= 0) {
            best = t;
            bestEnd = j;
          }
        }
      }
      if (best >= 0) {
        const entityId = this.terms[best]!.entityId;
        if (entityId !== null) hits.push({ start: i, end: bestEnd, term: best, entityId });
        if (bestEnd - base >= haystack.length) break;
        starts.lastIndex = bestEnd - base;
      }
    }
    return hits;
  }

  /** True when position `j` is a word end: not followed by a word character, possessive allowed. */
  private endsWord(text: string, j: number): boolean {
    if (j >= text.length) return true;
    const { cls } = charTables();
    const c = cls[text.charCodeAt(j)]!;
    if (c & WORD) return false;
    if (!(c & APOS) || j + 1 >= text.length || !(cls[text.charCodeAt(j + 1)]! & WORD)) return true;
    // An apostrophe followed by a letter: only a possessive 's keeps the word whole.
    const s = text.charCodeAt(j + 1);
    return (s === 0x73 || s === 0x53) && (j + 2 >= text.length || !(cls[text.charCodeAt(j + 2)]! & WORD));
  }

  /** The first term accepted at `node` whose case rule holds for the text at `start`, or -1. */
  private pick(node: number, text: string, start: number): number {
    const { acceptStart, acceptTerm } = this.tables;
    const { cls } = charTables();
    for (let k = acceptStart[node]!; k < acceptStart[node + 1]!; k++) {
      const t = acceptTerm[k]!;
      const code = this.caseCode[t];
      if (code === 2) return t;
      if (code === 1) {
        if (!(cls[text.charCodeAt(start)]! & LOWER)) return t;
        continue;
      }
      if (sameText(text, start, this.exactText[t]!)) return t;
    }
    return -1;
  }
}

/** Exact comparison of `key` with the text at `start`, where a space in `key` matches any run of white space. */
function sameText(text: string, start: number, key: string): boolean {
  const { cls } = charTables();
  let a = start;
  for (let b = 0; b < key.length; b++) {
    const k = key.charCodeAt(b);
    if (k === 0x20) {
      if (!(cls[text.charCodeAt(a)]! & SPACE)) return false;
      while (a < text.length && cls[text.charCodeAt(a)]! & SPACE) a++;
      continue;
    }
    if (text.charCodeAt(a) !== k) return false;
    a++;
  }
  return true;
}
