import { afterEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../dataset/types';
import { saveArticle } from './articles';
import { addNote, listAllNotes } from './notes';
import { seedDataset, storedDatasetVersion } from './seed';
import { listSightingsByEntity, recordSightings } from './sightings';
import { freshDB, smallDataset } from './test-fixtures';
import { savedArticleFixture } from './articles.test-data';

let close: () => Promise<void> = async () => undefined;
afterEach(() => close());

describe('seedDataset', () => {
  it('fills the dataset stores and records the version and dictionary', async () => {
    const t = await freshDB();
    close = t.close;
    expect(await storedDatasetVersion(t.db)).toBeNull();
    expect(await seedDataset(t.db, smallDataset('v-1'), 10)).toEqual({ seeded: true, version: 'v-1' });
    expect(await t.db.count('entities')).toBe(3);
    expect(await t.db.count('quotes')).toBe(2);
    expect(await t.db.count('context')).toBe(2);
    expect(await t.db.get('meta', 'dataset')).toMatchObject({ version: 'v-1', seededAt: 10, dictionary: smallDataset().dictionary });
  });

  it('does nothing when the version is unchanged', async () => {
    const t = await freshDB();
    close = t.close;
    await seedDataset(t.db, smallDataset('v-1'), 10);
    await t.db.delete('entities', 'kabul');
    expect(await seedDataset(t.db, smallDataset('v-1'), 20)).toEqual({ seeded: false, version: 'v-1' });
    expect(await t.db.count('entities')).toBe(2);
  });

  it('replaces the dataset on a new version and leaves notes, sightings and saved articles alone', async () => {
    const t = await freshDB();
    close = t.close;
    await seedDataset(t.db, smallDataset('v-1'));
    await addNote(t.db, { url: 'https://a.example/', title: 'A', site: 'a', text: 'mine', entityIds: ['kabul'] });
    await recordSightings(t.db, { url: 'https://a.example/', title: 'A', site: 'a', entityIds: ['sergei-lavrov'] });
    await saveArticle(t.db, savedArticleFixture());

    const next: Dataset = { ...smallDataset('v-2'), entities: smallDataset().entities.filter((e) => e.id !== 'kabul') };
    expect((await seedDataset(t.db, next)).seeded).toBe(true);
    expect(await t.db.get('entities', 'kabul')).toBeUndefined();
    expect(await t.db.count('entities')).toBe(2);
    expect(await storedDatasetVersion(t.db)).toBe('v-2');
    expect(await listAllNotes(t.db)).toHaveLength(1);
    expect(await listSightingsByEntity(t.db, 'sergei-lavrov')).toHaveLength(1);
    expect(await t.db.count('articles')).toBe(1);
  });

  it('keeps the old dataset whole when the new one fails to store', async () => {
    const t = await freshDB();
    close = t.close;
    await seedDataset(t.db, smallDataset('v-1'));
    const broken = smallDataset('v-2');
    // An entity without an id cannot be stored: the whole seeding must roll back.
    broken.entities.push({ type: 'term', name: 'Broken', aliases: [], roles: [] } as unknown as Dataset['entities'][number]);
    await expect(seedDataset(t.db, broken)).rejects.toThrow();
    expect(await storedDatasetVersion(t.db)).toBe('v-1');
    expect(await t.db.count('entities')).toBe(3);
    expect(await t.db.count('quotes')).toBe(2);
  });
});
