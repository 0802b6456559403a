import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASET_PATH } from './inputs';
import type { Dataset } from './types';
import { DatasetError, validateDataset } from './validate-dataset';

const fresh = (): Dataset => JSON.parse(readFileSync(DATASET_PATH, 'utf8')) as Dataset;

describe('validateDataset', () => {
  it('accepts the committed dataset', () => {
    expect(validateDataset(fresh()).schema).toBe(1);
  });

  it('rejects unknown fields and wrong types by path', () => {
    const d = fresh() as unknown as { quotes: Record<string, unknown>[] };
    d.quotes[0]!.extra = 1;
    expect(() => validateDataset(d)).toThrow(/dataset\.quotes\[0\]\.extra: expected no such field/u);
    const e = fresh() as unknown as { entities: Record<string, unknown>[] };
    e.entities[0]!.type = 'animal';
    expect(() => validateDataset(e)).toThrow(/entities\[0\]\.type/u);
  });

  it('rejects a quote that is not verbatim at its offsets', () => {
    const d = fresh();
    d.quotes[0]!.text = d.quotes[0]!.text.replace(/\w/u, 'X');
    expect(() => validateDataset(d)).toThrow(DatasetError);
  });

  it('rejects duplicate ids and dangling references', () => {
    const dup = fresh();
    dup.quotes[1]!.id = dup.quotes[0]!.id;
    expect(() => validateDataset(dup)).toThrow(/duplicate quote id/u);
    const dangling = fresh();
    dangling.quotes[0]!.speakerId = 'nobody';
    expect(() => validateDataset(dangling)).toThrow(/unknown entity nobody/u);
  });

  it('rejects an ambiguous alias in the dictionary and an entity never mentioned', () => {
    const d = fresh();
    d.dictionary.push({ text: 'Ghani', entityId: 'ashraf-ghani', case: 'name' });
    d.mentions = d.mentions.filter((m) => m.entityId !== 'kaliningrad');
    const problems = (() => {
      try {
        validateDataset(d);
        return [];
      } catch (e) {
        return (e as DatasetError).problems;
      }
    })();
    expect(problems).toEqual(expect.arrayContaining(['entity ashraf-ghani: ambiguous alias Ghani is in the dictionary', 'entity kaliningrad is never mentioned']));
  });
});
