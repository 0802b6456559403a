import { describe, expect, it } from 'vitest';
import type { DictionaryTerm } from '../dataset/types';
import { compileMatcher, deserializeMatcher, serializeMatcher, transferables } from './index';

const dict: DictionaryTerm[] = [
  { text: 'Sergei Lavrov', entityId: 'lavrov', case: 'name' },
  { text: 'Lavrov', entityId: 'lavrov', case: 'name' },
  { text: 'Moscow', entityId: 'moscow', case: 'name' },
  { text: 'Moscow format', entityId: 'moscow-format', case: 'name' },
  { text: 'Karzai', entityId: 'karzai', case: 'name' },
  { text: 'Hamid Karzai', entityId: 'karzai', case: 'name' },
  { text: 'Hamid Karzai International Airport', entityId: null, case: 'name' },
  { text: 'US', entityId: 'usa', case: 'exact' },
  { text: 'U.S.', entityId: 'usa', case: 'exact' },
  { text: 'NATO', entityId: 'nato', case: 'exact' },
  { text: 'China', entityId: 'china', case: 'name' },
  { text: 'Сергей Лавров', entityId: 'lavrov', case: 'name' },
  { text: 'Лавров', entityId: 'lavrov', case: 'name' },
  { text: 'Zürich', entityId: 'zurich', case: 'name' },
  { text: "O'Brien", entityId: 'obrien', case: 'name' },
  { text: 'Brien', entityId: 'brien', case: 'name' },
  { text: 'Abdullah Abdullah', entityId: 'abdullah', case: 'name' },
  { text: 'Abdul Ghani Baradar', entityId: null, case: 'name' },
  { text: 'Ghani', entityId: 'ghani', case: 'name' },
  { text: 'national dialogue', entityId: 'dialogue', case: 'any' },
];
const m = compileMatcher(dict);

/** The matched substrings with their entities. */
function found(text: string, matcher = m): [string, string | null][] {
  return matcher.findAll(text).map((h) => [text.slice(h.start, h.end), h.entityId]);
}

describe('compileMatcher / findAll', () => {
  it('matches whole words only', () => {
    expect(found('Lavrovsky met Lavrov in Moscowville and Moscow.')).toEqual([
      ['Lavrov', 'lavrov'],
      ['Moscow', 'moscow'],
    ]);
    expect(found('SergeiLavrov, Chinatown, unChina')).toEqual([]);
  });

  it('prefers the leftmost-longest alias', () => {
    expect(found('the Moscow format talks in Moscow')).toEqual([
      ['Moscow format', 'moscow-format'],
      ['Moscow', 'moscow'],
    ]);
    expect(found('Russian Foreign Minister Sergei Lavrov said')).toEqual([['Sergei Lavrov', 'lavrov']]);
  });

  it('lets blockers win and mark nothing', () => {
    expect(found('flights from Hamid Karzai International Airport; Hamid Karzai left')).toEqual([['Hamid Karzai', 'karzai']]);
    expect(found('Abdul Ghani Baradar and Ashraf Ghani')).toEqual([['Ghani', 'ghani']]);
  });

  it('maps possessives to the entity, with straight and curly apostrophes', () => {
    const text = "Lavrov's remarks, Lavrov’s aide, Moscow’s view, NATO's plan";
    const hits = m.findAll(text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Lavrov', 'Lavrov', 'Moscow', 'NATO']);
    expect(hits.map((h) => h.entityId)).toEqual(['lavrov', 'lavrov', 'moscow', 'nato']);
  });

  it('rejects other apostrophe continuations and parts of apostrophe words', () => {
    expect(found("Lavrov'd O'Brien O’Brien")).toEqual([
      ["O'Brien", 'obrien'],
      ['O’Brien', 'obrien'],
    ]);
    expect(found("the 'Moscow format' consultations")).toEqual([['Moscow format', 'moscow-format']]);
  });

  it('applies case rules per alias', () => {
    expect(found('US and us, U.S. and u.s., NATO and Nato')).toEqual([
      ['US', 'usa'],
      ['U.S.', 'usa'],
      ['NATO', 'nato'],
    ]);
    expect(found('MOSCOW, Aug 19 — china and China, LAVROV')).toEqual([
      ['MOSCOW', 'moscow'],
      ['China', 'china'],
      ['LAVROV', 'lavrov'],
    ]);
    expect(found('a National Dialogue, a national dialogue')).toEqual([
      ['National Dialogue', 'dialogue'],
      ['national dialogue', 'dialogue'],
    ]);
  });

  it('is Unicode-aware: Cyrillic, accented Latin', () => {
    expect(found('Министр Сергей Лавров заявил; Лавровым; ЛАВРОВ')).toEqual([
      ['Сергей Лавров', 'lavrov'],
      ['ЛАВРОВ', 'lavrov'],
    ]);
    expect(found('in Zürich and ZÜRICH, not Züricher')).toEqual([
      ['Zürich', 'zurich'],
      ['ZÜRICH', 'zurich'],
    ]);
  });

  it('accepts any run of white space for a space', () => {
    const text = 'Sergei\n    Lavrov and Sergei\u00a0Lavrov';
    expect(m.findAll(text).map((h) => [h.start, h.end])).toEqual([
      [0, 17],
      [22, 35],
    ]);
  });

  it('never matches a part of a longer alias (confusers)', () => {
    expect(found('Abdullah said, Abdullah Abdullah said')).toEqual([['Abdullah Abdullah', 'abdullah']]);
  });

  it('allows punctuation around acronyms and hyphenated compounds', () => {
    expect(found('pro-US forces; (NATO); U.S.-led; "US"')).toEqual([
      ['US', 'usa'],
      ['NATO', 'nato'],
      ['U.S.', 'usa'],
      ['US', 'usa'],
    ]);
  });

  it('returns term indexes into the dictionary', () => {
    const [hit] = m.findAll('Hamid Karzai');
    expect(hit).toEqual({ start: 0, end: 12, term: 5, entityId: 'karzai' });
  });

  it('prefers the most specific case rule among identical aliases', () => {
    const mm = compileMatcher([
      { text: 'who', entityId: 'pronoun', case: 'any' },
      { text: 'WHO', entityId: 'who', case: 'exact' },
    ]);
    expect(found('WHO said who', mm)).toEqual([
      ['WHO', 'who'],
      ['who', 'pronoun'],
    ]);
  });

  it('finds the same matches when a text is matched in slices of any size', () => {
    const text = "Sergei Lavrov's talks on the Moscow format with NATO, O'Brien and the national dialogue in Zürich. ".repeat(3);
    const whole = m.findAll(text);
    for (const size of [1, 2, 5, 7, 13, 40]) {
      const sliced = [];
      for (let from = 0; from < text.length; ) {
        const to = from + size;
        const hits = m.findAll(text, from, to);
        sliced.push(...hits);
        from = Math.max(to, hits.at(-1)?.end ?? to);
      }
      expect(sliced).toEqual(whole);
    }
  });

  it('lets lower-case words match only terms that allow it', () => {
    const mm = compileMatcher([
      { text: 'Nation', entityId: 'n', case: 'name' },
      { text: 'nato', entityId: 'nato', case: 'exact' },
      { text: 'dialogue', entityId: 'd', case: 'any' },
    ]);
    expect(found('nation Nation nato NATO dialogue Dialogue', mm)).toEqual([
      ['Nation', 'n'],
      ['nato', 'nato'],
      ['dialogue', 'd'],
      ['Dialogue', 'd'],
    ]);
  });

  it('handles empty dictionaries and texts', () => {
    expect(compileMatcher([]).findAll('Lavrov')).toEqual([]);
    expect(compileMatcher([{ text: '  ', entityId: 'x', case: 'any' }]).findAll('  ')).toEqual([]);
    expect(m.findAll('')).toEqual([]);
  });
});

describe('serializeMatcher / deserializeMatcher', () => {
  it('round-trips through structured clone with transferred buffers', () => {
    const s = serializeMatcher(compileMatcher(dict));
    const copy = structuredClone(s, { transfer: transferables(s) });
    const m2 = deserializeMatcher(copy);
    const text = "Sergei Lavrov's talks on the Moscow format with NATO and the US";
    expect(m2.findAll(text)).toEqual(m.findAll(text));
  });

  it('rejects malformed input', () => {
    expect(() => deserializeMatcher({ format: 2 } as never)).toThrow(TypeError);
  });
});
