import { afterEach, describe, expect, it } from 'vitest';
import { saveArticle } from '../db/articles';
import { savedArticleFixture } from '../db/articles.test-data';
import { seedDataset } from '../db/seed';
import { smallDataset } from '../db/test-fixtures';
import { decodeMatcher } from '../matcher';
import { CONTENT, setup } from './handlers.test-helpers';

let cleanup: () => Promise<void> = async () => undefined;
afterEach(() => cleanup());

async function start() {
  const t = await setup();
  cleanup = t.close;
  return t;
}

describe('entity handlers through the router', () => {
  it('serves the dictionary of the seeded dataset', async () => {
    const { send } = await start();
    const dict = await send('dictionary.get', {});
    expect(dict.version).toBe('v-1');
    expect(dict.matcher.terms).toHaveLength(2);
    expect(dict.entities).toContainEqual({ id: 'sergei-lavrov', name: 'Sergei Lavrov', type: 'person' });
  });

  it('serves the dictionary compiled, once per dataset version, without its adjectives', async () => {
    const { db, send } = await start();
    const first = await send('dictionary.get', {});
    // Through JSON, as Chrome's messaging carries it.
    const matcher = decodeMatcher(JSON.parse(JSON.stringify(first.matcher)));
    expect(matcher.findAll('Sergei Lavrov on the Taliban').map((h) => h.entityId)).toEqual(['sergei-lavrov', 'taliban']);
    expect(await send('dictionary.get', {})).toBe(first);

    const next = smallDataset('v-2');
    next.dictionary.push({ text: 'Talibanish', entityId: 'taliban', case: 'name', quiet: true }, { text: 'Kabul', entityId: 'taliban', case: 'name' });
    await seedDataset(db, next);
    const second = await send('dictionary.get', {});
    expect(second.version).toBe('v-2');
    expect(second.matcher.terms.map((t) => t.text)).toEqual(['Sergei Lavrov', 'Taliban', 'Kabul']);
  });

  it('answers cards, and null for unknown ids', async () => {
    const { send } = await start();
    expect((await send('entity.card', { id: 'taliban' }))!.claims).toHaveLength(1);
    expect(await send('entity.card', { id: 'nobody' })).toBeNull();
  });

  it('searches the dataset and sees newly saved articles', async () => {
    const { send, db } = await start();
    expect((await send('entity.search', { query: 'lavrov' }))[0]).toMatchObject({ id: 'sergei-lavrov' });
    const before = await send('entity.search', { query: '', sourceIds: [savedArticleFixture().id] });
    expect(before).toEqual([]);
    await saveArticle(db, savedArticleFixture());
    const after = await send('entity.search', { query: '', sourceIds: [savedArticleFixture().id] });
    expect(after.map((e) => e.id).sort()).toEqual(['sergei-lavrov', 'taliban']);
  });

  it('records sightings of known entities only, deduplicated', async () => {
    const { send } = await start();
    const visit = { url: 'https://news.example/a', title: 'A', site: 'News', entityIds: ['taliban', 'taliban', 'made-up'] };
    expect(await send('sightings.record', visit)).toEqual({ recorded: 1 });
    await send('sightings.record', visit);
    expect((await send('entity.card', { id: 'taliban' }))!.sightings).toHaveLength(1);
  });

  it('refuses malformed sightings and records nothing', async () => {
    const { route, db } = await start();
    const reply = await route({ type: 'sightings.record', request: { url: 'https://a.example/', title: 'A', site: 'A', entityIds: 'taliban' } }, CONTENT);
    expect(!reply.ok && reply.error).toMatch(/request\.entityIds: expected an array/);
    expect(await db.count('sightings')).toBe(0);
  });
});
