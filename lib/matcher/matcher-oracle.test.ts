/**
 * The compiled matcher against a brute-force oracle that reads the rules straight from their
 * definition (every term tried at every word start), on random texts built to hit the edges:
 * case variants, possessives, apostrophes inside words, runs of odd white space, Cyrillic,
 * blockers, lower-case terms, and slices ending anywhere.
 */
import { describe, expect, it } from 'vitest';
import type { DictionaryTerm } from '../dataset/types';
import { APOS, charTables, LOWER, normalizeAlias, SPACE, WORD } from './char-classes';
import { compileMatcher, type MatchHit } from './index';
import { seededRandom } from '../testing/seeded-random';

const { fold, cls } = charTables();
const RANK: Record<string, number> = { exact: 0, name: 1, any: 2 };

function isWordStart(text: string, i: number): boolean {
  if (!(cls[text.charCodeAt(i)]! & WORD)) return false;
  if (i === 0) return true;
  const prev = cls[text.charCodeAt(i - 1)]!;
  return !(prev & WORD) && !(prev & APOS && i > 1 && cls[text.charCodeAt(i - 2)]! & WORD);
}

function endsWord(text: string, j: number): boolean {
  if (j >= text.length) return true;
  const c = cls[text.charCodeAt(j)]!;
  if (c & WORD) return false;
  if (!(c & APOS) || j + 1 >= text.length || !(cls[text.charCodeAt(j + 1)]! & WORD)) return true;
  const s = text[j + 1];
  return (s === 's' || s === 'S') && (j + 2 >= text.length || !(cls[text.charCodeAt(j + 2)]! & WORD));
}

/** Where `key` (normalised) matches the text at `i` by the given comparison, or -1. */
function matchAt(text: string, i: number, key: string, same: (a: number, b: number) => boolean): number {
  let j = i;
  for (let k = 0; k < key.length; k++) {
    if (key[k] === ' ') {
      if (j >= text.length || !(cls[text.charCodeAt(j)]! & SPACE)) return -1;
      while (j < text.length && cls[text.charCodeAt(j)]! & SPACE) j++;
      continue;
    }
    if (j >= text.length || !same(text.charCodeAt(j), key.charCodeAt(k))) return -1;
    j++;
  }
  return j;
}

function oracle(terms: DictionaryTerm[], text: string): MatchHit[] {
  const hits: MatchHit[] = [];
  for (let i = 0; i < text.length; ) {
    if (!isWordStart(text, i)) {
      i++;
      continue;
    }
    let best: { end: number; t: number } | null = null;
    terms.forEach((term, t) => {
      const key = normalizeAlias(term.text);
      if (!key) return;
      const end = matchAt(text, i, key, (a, b) => (fold[a] || a) === (fold[b] || b));
      if (end < 0 || !endsWord(text, end)) return;
      if (term.case === 'name' && cls[text.charCodeAt(i)]! & LOWER) return;
      if (term.case === 'exact' && matchAt(text, i, key, (a, b) => a === b) !== end) return;
      const better = !best || end > best.end || (end === best.end && RANK[term.case]! * 1e6 + t < RANK[terms[best.t]!.case]! * 1e6 + best.t);
      if (better) best = { end, t };
    });
    if (best) {
      const { end, t } = best as { end: number; t: number };
      if (terms[t]!.entityId !== null) hits.push({ start: i, end, term: t, entityId: terms[t]!.entityId });
      i = end;
    } else i++;
  }
  return hits;
}

const TERMS: DictionaryTerm[] = [
  { text: 'Sergei Lavrov', entityId: 'lavrov', case: 'name' },
  { text: 'Lavrov', entityId: 'lavrov', case: 'name' },
  { text: 'Moscow', entityId: 'moscow', case: 'name' },
  { text: 'Moscow format', entityId: 'mf', case: 'name' },
  { text: 'Hamid Karzai International Airport', entityId: null, case: 'name' },
  { text: 'Hamid Karzai', entityId: 'karzai', case: 'name' },
  { text: 'US', entityId: 'usa', case: 'exact' },
  { text: 'U.S.', entityId: 'usa', case: 'exact' },
  { text: 'us', entityId: 'pronoun', case: 'exact' },
  { text: 'national dialogue', entityId: 'nd', case: 'any' },
  { text: 'nation', entityId: 'nation', case: 'name' },
  { text: 'el-Mangoush', entityId: 'mangoush', case: 'any' },
  { text: 'e', entityId: 'letter-e', case: 'any' },
  { text: "O'Brien", entityId: 'obrien', case: 'name' },
  { text: 'Brien', entityId: 'brien', case: 'name' },
  { text: 'Лавров', entityId: 'lavrov', case: 'name' },
  { text: 'Зürich 2', entityId: 'mixed', case: 'name' },
  { text: '9 11', entityId: 'nine-eleven', case: 'any' },
  { text: 'Taliban', entityId: 'taliban', case: 'name' },
  { text: 'taliban', entityId: 'taliban-any', case: 'any' },
  { text: 'москва', entityId: 'moscow-any', case: 'any' },
  { text: 'inter\u2010Afghan talks', entityId: 'talks', case: 'any' },
  { text: 'Kabul', entityId: 'kabul', case: 'name' },
  { text: 'ab', entityId: 'ab', case: 'exact' },
];

const PIECES = [
  'Sergei', 'sergei', 'SERGEI', 'Lavrov', 'lavrov', 'LAVROV', 'Moscow', 'moscow', 'format', 'Format', 'Hamid', 'Karzai',
  'International', 'Airport', 'US', 'us', 'Us', 'U.S.', 'national', 'National', 'dialogue', 'nation', 'Nation', 'nations',
  'el-Mangoush', 'El-Mangoush', 'el', 'e', 'E', "O'Brien", 'Brien', 'Лавров', 'лавров', 'Зürich', '2', '9', '11', 'Taliban',
  'taliban', 'TALIBAN', 'the', 'and', 'said', 'X', 'Mc', 'Lavrovsky', 'москва', 'Москва', 'МОСКВА', 'inter-Afghan',
  'inter\u2010afghan', 'inter\u2011Afghan', 'talks', 'Kabul', '\u212Aabul', 'kabul', 'ab', 'Ab', 'abc',
];
const GLUE = [' ', ' ', ' ', '  ', '\n', '\u00a0', '\u2009', ', ', '. ', "'s ", '’s ', "'", '’', '-', '', '_', '(', ')', '"'];


function randomText(r: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(r() * 30);
  for (let k = 0; k < n; k++) parts.push(PIECES[Math.floor(r() * PIECES.length)]!, GLUE[Math.floor(r() * GLUE.length)]!);
  return parts.join('');
}

describe('matcher against a brute-force oracle', () => {
  const matcher = compileMatcher(TERMS);

  it('finds exactly what the rules say with more lower-case terms than the candidate search lists one by one', () => {
    const r = seededRandom(11);
    const many: DictionaryTerm[] = [...TERMS];
    for (let k = 0; k < 100; k++) many.push({ text: `${PIECES[k % PIECES.length]!.toLowerCase()}${k}`, entityId: `generated-${k}`, case: 'any' });
    const big = compileMatcher(many);
    for (let k = 0; k < 500; k++) {
      const text = randomText(r);
      expect(big.findAll(text), JSON.stringify(text)).toEqual(oracle(many, text));
    }
  });

  it('finds exactly what the rules say on 3,000 random texts', () => {
    const r = seededRandom(42);
    for (let k = 0; k < 3000; k++) {
      const text = randomText(r);
      expect(matcher.findAll(text), JSON.stringify(text)).toEqual(oracle(TERMS, text));
    }
  });

  it('finds the same in slices ending anywhere, including right after a lower-case first letter', () => {
    const r = seededRandom(7);
    for (let k = 0; k < 500; k++) {
      const text = randomText(r);
      const size = 1 + Math.floor(r() * 12);
      const sliced: MatchHit[] = [];
      for (let from = 0; from < text.length; ) {
        const to = from + size;
        const hits = matcher.findAll(text, from, to);
        sliced.push(...hits);
        from = Math.max(to, hits.at(-1)?.end ?? to);
      }
      expect(sliced, JSON.stringify(text)).toEqual(oracle(TERMS, text));
    }
  });
});
