import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../matcher';
import { loadDatasetInputs } from './inputs';
import { aliasCase, buildDictionary } from './registry';

const { registry } = loadDatasetInputs();
const dictionary = buildDictionary(registry);
const matcher = compileMatcher(dictionary);
const found = (text: string) => matcher.findAll(text).map((h) => [text.slice(h.start, h.end), h.entityId]);

describe('the registry', () => {
  it('curates at least 30 entities with unique ids, names and descriptions', () => {
    expect(registry.entities.length).toBeGreaterThanOrEqual(30);
    expect(new Set(registry.entities.map((e) => e.id)).size).toBe(registry.entities.length);
    for (const e of registry.entities) expect(e.description, e.id).toBeTruthy();
  });

  it('knows the people, organizations, places and terms the issue names', () => {
    const ids = registry.entities.map((e) => e.id);
    for (const id of ['sergei-lavrov', 'zabihullah-mujahid', 'abdullah-abdullah', 'hamid-karzai', 'gulbuddin-hekmatyar', 'najla-mangoush', 'ashraf-ghani', 'ebrahim-raisi', 'dmitry-zhirnov', 'zamir-kabulov', 'ren-qi', 'taliban', 'nato', 'kremlin', 'rossiya-24', 'islamic-renaissance-party', 'national-reconciliation-council', 'moscow-format', 'afghanistan', 'kabul', 'moscow', 'kaliningrad', 'libya', 'iran', 'china', 'pakistan', 'india', 'united-states', 'central-asia']) {
      expect(ids).toContain(id);
    }
  });
});

describe('aliasCase', () => {
  it('matches acronyms exactly, lower-case terms in any case, names with a capital', () => {
    expect(['US', 'U.S.', 'NATO', 'НАТО', 'PRC'].map(aliasCase)).toEqual(['exact', 'exact', 'exact', 'exact', 'exact']);
    expect(['national reconciliation council', 'inter-Afghan negotiations'].map(aliasCase)).toEqual(['any', 'any']);
    expect(['Sergei Lavrov', 'Nato', 'Rossiya 24', 'Сергей Лавров', 'طالبان'].map(aliasCase)).toEqual(['name', 'name', 'name', 'name', 'name']);
  });
});

describe('the dictionary', () => {
  it('leaves out every alias that is unsafe alone', () => {
    for (const e of registry.entities) {
      for (const a of e.ambiguousAliases) expect(dictionary.some((t) => t.text === a && t.entityId === e.id), `${e.id}: ${a}`).toBe(false);
    }
    expect(dictionary.some((t) => ['Ghani', 'Abdullah', 'Mujahid'].includes(t.text))).toBe(false);
  });

  it('matches transliterations, short forms, abbreviations and other scripts', () => {
    expect(found('Sergey Lavrov met Dmitri Zhirnov; Сергей Лавров; Zabiullah Mujahid; Ibrahim Raisi; the U.S. and US; Karzai')).toEqual([
      ['Sergey Lavrov', 'sergei-lavrov'],
      ['Dmitri Zhirnov', 'dmitry-zhirnov'],
      ['Сергей Лавров', 'sergei-lavrov'],
      ['Zabiullah Mujahid', 'zabihullah-mujahid'],
      ['Ibrahim Raisi', 'ebrahim-raisi'],
      ['U.S.', 'united-states'],
      ['US', 'united-states'],
      ['Karzai', 'hamid-karzai'],
    ]);
  });

  it('lets blockers and longer names win over the names inside them', () => {
    expect(found('Abdul Ghani Baradar flew from Hamid Karzai International Airport to the Moscow format talks.')).toEqual([['Moscow format talks', 'moscow-format']]);
    expect(found('China Daily reported it.')).toEqual([]);
  });

  it('applies case rules: the dateline MOSCOW matches, "china" porcelain and "us" do not', () => {
    expect(found('MOSCOW - fine china for us')).toEqual([['MOSCOW', 'moscow']]);
  });
});
