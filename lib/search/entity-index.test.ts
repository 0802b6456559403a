import { describe, expect, it } from 'vitest';
import { buildEntityIndex, foldTerm } from './entity-index';
import { miniDataset } from '../../tests/unit/fixtures/mini-dataset';

const names = (results: { name: string }[]) => results.map((r) => r.name);

describe('foldTerm', () => {
  it('drops diacritics and case but keeps other scripts', () => {
    expect(foldTerm('Mujāhid')).toBe('mujahid');
    expect(foldTerm('Škoda')).toBe('skoda');
    expect(foldTerm('Лавров')).toBe('лавров');
  });
});

describe('buildEntityIndex', () => {
  const index = buildEntityIndex(miniDataset());

  it('finds Zamir Kabulov by surname, first', () => {
    expect(names(index.search('Kabulov'))[0]).toBe('Zamir Kabulov');
  });

  it('finds Sergei Lavrov by the spelling Sergey (fuzzy)', () => {
    expect(names(index.search('Sergey'))).toContain('Sergei Lavrov');
  });

  it('matches prefixes while typing', () => {
    expect(names(index.search('Kab'))).toEqual(expect.arrayContaining(['Kabul', 'Zamir Kabulov']));
    expect(names(index.search('zamir kab'))).toEqual(['Zamir Kabulov']);
  });

  it('ignores diacritics in both the query and the data', () => {
    expect(names(index.search('mujahid'))).toContain('Zabihullah Mujāhid');
    expect(names(index.search('Zabihullāh'))).toContain('Zabihullah Mujāhid');
  });

  it('searches aliases, role titles and quote text', () => {
    expect(names(index.search('Лавров'))).toContain('Sergei Lavrov');
    expect(names(index.search('special envoy'))).toEqual(['Zamir Kabulov']);
    expect(names(index.search('establishing contacts'))).toEqual(['Zamir Kabulov']);
  });

  it('does not match every quote on a stop word', () => {
    expect(names(index.search('the'))).not.toContain('Sergei Lavrov');
  });

  it('filters by type and by source', () => {
    expect(names(index.search('kab', { types: ['place'] }))).toEqual(['Kabul']);
    expect(names(index.search('', { sourceIds: ['chinadaily-2021-08-19-russia'] }))).toEqual(['Sergei Lavrov', 'Zamir Kabulov', 'Kabul']);
    expect(index.search('Kabulov', { sourceIds: ['sputnik-2021-08-19-lavrov'] })).toEqual([]);
  });

  it('browses every entity grouped by type on an empty query', () => {
    const all = index.search('  ');
    expect(all.map((r) => r.type)).toEqual(['person', 'person', 'person', 'organization', 'place', 'term']);
    expect(all[0]).toMatchObject({ name: 'Sergei Lavrov', role: 'Russian Foreign Minister', score: 0 });
    expect(index.search('', { limit: 2 })).toHaveLength(2);
  });

  it('reports sources per result', () => {
    const [kabul] = index.search('Kabul', { types: ['place'] });
    expect(kabul?.sourceIds).toEqual(['chinadaily-2021-08-19-russia', 'sputnik-2021-08-19-lavrov']);
  });

  it('merges saved entities into the bundled ones', () => {
    const saved = {
      entities: [
        { id: 'sergei-lavrov', type: 'person' as const, name: 'Sergei Lavrov', aliases: ['Sergey Lavrov'], roles: [] },
        { id: 'najla-mangoush', type: 'person' as const, name: 'Najla Mangoush', aliases: [], roles: [] },
      ],
    };
    const merged = buildEntityIndex(miniDataset(), saved);
    expect(merged.size).toBe(7);
    expect(names(merged.search('Mangoush'))).toEqual(['Najla Mangoush']);
    expect(names(merged.search('Sergey Lavrov'))[0]).toBe('Sergei Lavrov');
  });
});
