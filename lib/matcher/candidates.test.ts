import { describe, expect, it } from 'vitest';
import { candidateStarts, foldedPrefix } from './candidates';
import { charTables } from './char-classes';

const tables = charTables();

/** A root table where the given folded first characters start some term. */
function roots(...firsts: string[]): Int32Array {
  const root = new Int32Array(65536);
  for (const f of firsts) root[f.charCodeAt(0)] = 1;
  return root;
}

/** Where the candidate expression stops in `text`. */
function candidates(re: RegExp, text: string): number[] {
  const at: number[] = [];
  re.lastIndex = 0;
  while (re.test(text)) at.push(re.lastIndex - 1);
  return at;
}

describe('candidate starts', () => {
  it('folds a term beginning up to three units, stopping at a space', () => {
    expect(foldedPrefix(tables, 'National dialogue')).toBe('nat');
    expect(foldedPrefix(tables, 'el paso')).toBe('el');
    expect(foldedPrefix(tables, 'inter\u2010Afghan')).toBe('int');
    expect(foldedPrefix(tables, 'Москва')).toBe('мос');
  });

  it('finds capitals that start a term, never lower-case letters, on code units', () => {
    const re = candidateStarts(tables, roots('l', 'm'), []);
    expect(re.flags).toBe('g');
    expect(candidates(re, 'Lavrov met lavrov in Moscow')).toEqual([0, 21]);
  });

  it('finds lower-case starts of terms that may be written so, at word starts only for ASCII', () => {
    const re = candidateStarts(tables, roots('n', 'м'), ['nat', 'мос']);
    const text = 'national, international, nothing, москва';
    expect(candidates(re, text)).toEqual([0, text.indexOf('москва')]);
  });

  it('joins close ranges of capitals over gaps without lower-case letters', () => {
    // Only A and C start terms; B joins the range, lower-case b never does.
    const re = candidateStarts(tables, roots('a', 'c'), []);
    expect(candidates(re, 'A B C b')).toEqual([0, 2, 4]);
  });

  it('matches nothing when no term can start anywhere', () => {
    expect(candidates(candidateStarts(tables, roots(), []), 'Anything at all')).toEqual([]);
  });
});
