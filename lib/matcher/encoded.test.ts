import { describe, expect, it } from 'vitest';
import type { DictionaryTerm } from '../dataset/types';
import { decodeMatcher, encodeMatcher } from './encoded';
import { compileMatcher } from './matcher';

const terms: DictionaryTerm[] = [
  { text: 'Sergei Lavrov', entityId: 'lavrov', case: 'name' },
  { text: 'Lavrov', entityId: 'lavrov', case: 'name' },
  { text: 'US', entityId: 'usa', case: 'exact' },
  { text: 'Лавров', entityId: 'lavrov', case: 'name' },
  { text: 'national dialogue', entityId: 'dialogue', case: 'any' },
  { text: 'Hamid Karzai International Airport', entityId: null, case: 'name' },
];
const text = 'Sergei Lavrov’s US trip; Лавров and the National Dialogue, at Hamid Karzai International Airport.';

describe('encoded matcher', () => {
  it('survives a JSON round trip and matches exactly like the original', () => {
    const original = compileMatcher(terms);
    const wire = JSON.parse(JSON.stringify(encodeMatcher(original)));
    const decoded = decodeMatcher(wire);
    expect(decoded.findAll(text)).toEqual(original.findAll(text));
    expect(decoded.findAll(text).map((h) => h.entityId)).toEqual(['lavrov', 'usa', 'lavrov', 'dialogue']);
    expect(decoded.terms).toEqual(terms);
  });

  it('carries where matches may start, so a tab does not scan every code unit again; a form without it still works', () => {
    const original = compileMatcher(terms);
    const encoded = encodeMatcher(original);
    expect(encoded.starts).toMatch(/^\[/);
    const withoutStarts = { ...encoded };
    delete withoutStarts.starts;
    const decoded = decodeMatcher(withoutStarts);
    expect(encodeMatcher(decoded).starts).toBe(encoded.starts);
    expect(decoded.findAll(text)).toEqual(original.findAll(text));
  });

  it('refuses malformed input with an error and never a broken matcher', () => {
    const good = encodeMatcher(compileMatcher(terms));
    const bad: unknown[] = [
      null,
      'x',
      { ...good, format: 2 },
      { ...good, childStart: 42 },
      { ...good, edgeChar: '!!!' },
      { ...good, childStart: good.childStart.slice(0, -4) },
      { ...good, edgeTarget: btoa('\u00ff\u00ff\u00ff\u007f'.repeat(atob(good.edgeTarget).length / 4)) },
      { ...good, terms: [] },
      { ...good, terms: good.terms.map((t) => ({ ...t, case: 'loud' })) },
      { ...good, terms: good.terms.map(() => null) },
      { ...good, starts: 42 },
      { ...good, starts: '(a+)+$' },
      { ...good, starts: '[' },
    ];
    for (const input of bad) expect(() => decodeMatcher(input as never), JSON.stringify(input)?.slice(0, 60)).toThrow();
  });
});
