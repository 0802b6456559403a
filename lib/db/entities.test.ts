import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { deleteArticle, listArticles, saveArticle, articlesRevision } from './articles';
import { savedArticleFixture } from './articles.test-data';
import { getDictionary, getEntityCard, knownEntityIds, listEntitySummaries, loadDataset, searchEntities } from './entities';
import type { BackstoryDB } from './schema';
import { seedDataset } from './seed';
import { recordSightings } from './sightings';
import { freshDB, smallDataset } from './test-fixtures';

let db: IDBPDatabase<BackstoryDB>;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ db, close } = await freshDB());
  await seedDataset(db, smallDataset());
});
afterEach(() => close());

describe('entity cards', () => {
  it('gathers quotes, quotes about, context, claims, sources and sightings', async () => {
    await recordSightings(db, { url: 'https://a.example/', title: 'A', site: 'A', entityIds: ['taliban'] }, 3);
    const card = (await getEntityCard(db, 'taliban'))!;
    expect(card.entity).toEqual(smallDataset().entities[1]);
    expect(card.quotes).toEqual([]);
    expect(card.quotesAbout.map((q) => q.id)).toEqual(['q1']);
    expect(card.context.map((c) => c.sourceId)).toEqual(['chinadaily']);
    expect(card.claims.map((c) => c.id)).toEqual(['c1']);
    expect(card.sources.map((s) => s.id).sort()).toEqual(['chinadaily', 'sputnik']);
    expect(card.sightings).toEqual([{ entityId: 'taliban', url: 'https://a.example/', title: 'A', site: 'A', seenAt: 3 }]);
  });

  it('includes saved articles as the reader’s sources', async () => {
    await saveArticle(db, savedArticleFixture());
    const card = (await getEntityCard(db, 'sergei-lavrov'))!;
    expect(card.quotes.map((q) => q.text)).toEqual(['We are in no hurry to recognise the Taliban', 'talks will go on']);
    expect(card.context.map((c) => c.sourceId)).toEqual(['sputnik', savedArticleFixture().id]);
    expect(card.sources.find((s) => s.origin === 'saved')?.publisher).toBe('Reader Times');
    expect(Object.keys(card.entity)).not.toContain('folded');
  });

  it('answers null for an unknown entity', async () => {
    expect(await getEntityCard(db, 'nobody')).toBeNull();
  });
});

describe('entity lookups', () => {
  it('searches by folded prefix of name, alias or a later word', async () => {
    expect((await searchEntities(db, 'serg')).map((e) => e.id)).toEqual(['sergei-lavrov']);
    expect((await searchEntities(db, 'LAVROV')).map((e) => e.id)).toEqual(['sergei-lavrov']);
    expect((await searchEntities(db, 'Сергей')).map((e) => e.id)).toEqual(['sergei-lavrov']);
    expect((await searchEntities(db, 'kabul')).map((e) => e.name)).toEqual(['Kābul']);
    expect(await searchEntities(db, '   ')).toEqual([]);
    expect(await searchEntities(db, 'zzz')).toEqual([]);
    expect(await searchEntities(db, 'the taliban')).toEqual([{ id: 'taliban', type: 'organization', name: 'Taliban', role: null }]);
  });

  it('lists summaries by name and checks which ids exist', async () => {
    expect((await listEntitySummaries(db)).map((e) => e.id)).toEqual(['kabul', 'sergei-lavrov', 'taliban']);
    expect((await listEntitySummaries(db))[1]!.role).toBe('Russian Foreign Minister');
    expect(await knownEntityIds(db, ['taliban', 'ghost'])).toEqual(['taliban']);
  });

  it('serves the dictionary with entity names and types', async () => {
    const dict = await getDictionary(db);
    expect(dict.version).toBe('v-1');
    expect(dict.terms).toEqual(smallDataset().dictionary);
    expect(dict.entities).toContainEqual({ id: 'kabul', name: 'Kābul', type: 'place' });
  });

  it('loads the dataset with saved articles merged in', async () => {
    await saveArticle(db, savedArticleFixture());
    const dataset = await loadDataset(db);
    expect(dataset.version).toBe('v-1');
    expect(dataset.sources).toHaveLength(3);
    expect(dataset.quotes).toHaveLength(3);
    expect(dataset.mentions).toHaveLength(2);
  });
});

describe('saved articles repository', () => {
  it('replaces a save of the same URL, lists newest first, deletes, and bumps the revision', async () => {
    expect(await articlesRevision(db)).toBe(0);
    await saveArticle(db, savedArticleFixture('https://r.example/1', 1));
    await saveArticle(db, { ...savedArticleFixture('https://r.example/1', 2), id: 'saved-other' });
    await saveArticle(db, savedArticleFixture('https://r.example/22', 3));
    expect((await listArticles(db)).map((a) => [a.id, a.savedAt])).toEqual([
      [savedArticleFixture('https://r.example/22').id, 3],
      ['saved-other', 2],
    ]);
    expect(await articlesRevision(db)).toBe(3);
    expect(await deleteArticle(db, 'saved-other')).toBe(true);
    expect(await deleteArticle(db, 'saved-other')).toBe(false);
    expect(await db.count('articles')).toBe(1);
    expect(await articlesRevision(db)).toBe(4);
  });
});
