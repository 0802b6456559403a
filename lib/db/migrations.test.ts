import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { listNotesByEntity, listNotesByUrl } from './notes';
import { closeBackstoryDB, openBackstoryDB } from './open';
import { DB_VERSION } from './schema';
import { migrations } from './migrations';
import { searchEntities } from './entities';
import { listSightingsByEntity } from './sightings';

/** Builds a database exactly as version 1 shipped it, with raw IndexedDB calls, and fills it. */
async function populatedV1(name: string): Promise<void> {
  const db = await openDB(name, 1, {
    upgrade(raw) {
      raw.createObjectStore('entities', { keyPath: 'id' }).createIndex('by-name', 'folded');
      raw.createObjectStore('sources', { keyPath: 'id' });
      const quotes = raw.createObjectStore('quotes', { keyPath: 'id' });
      quotes.createIndex('by-speaker', 'speakerId');
      quotes.createIndex('by-mention', 'mentions', { multiEntry: true });
      raw.createObjectStore('claims', { keyPath: 'id' }).createIndex('by-entity', 'entityIds', { multiEntry: true });
      raw.createObjectStore('context', { keyPath: ['entityId', 'sourceId'] }).createIndex('by-entity', 'entityId');
      raw.createObjectStore('notes', { keyPath: 'id' }).createIndex('by-url', 'url');
      const sightings = raw.createObjectStore('sightings', { keyPath: ['entityId', 'url'] });
      sightings.createIndex('by-entity', ['entityId', 'seenAt']);
      sightings.createIndex('by-url', 'url');
      raw.createObjectStore('meta', { keyPath: 'key' });
    },
  });
  const tx = db.transaction(['entities', 'notes', 'sightings', 'meta'], 'readwrite');
  await Promise.all([
    tx.objectStore('entities').put({ id: 'sergei-lavrov', type: 'person', name: 'Sergei Lavrov', aliases: ['Sergey Lavrov'], roles: [], folded: 'sergei lavrov' }),
    tx.objectStore('notes').put({ id: 'n1', url: 'https://a.example/1', title: 'A', site: 'a', text: 'whole article', entityIds: ['sergei-lavrov'], createdAt: 1, updatedAt: 1 }),
    tx.objectStore('notes').put({ id: 'n2', url: 'https://a.example/1', title: 'A', site: 'a', text: 'on a passage', entityIds: [], createdAt: 2, updatedAt: 3, quote: 'no hurry' }),
    tx.objectStore('sightings').put({ entityId: 'sergei-lavrov', url: 'https://a.example/1', title: 'A', site: 'a', seenAt: 5 }),
    tx.objectStore('meta').put({ key: 'dataset', version: 'old', dictionary: [], seededAt: 1 }),
    tx.done,
  ]);
  db.close();
}

describe('schema migrations', () => {
  it('upgrades a populated version 1 database to the current version without loss', async () => {
    const name = `mig-${crypto.randomUUID()}`;
    await populatedV1(name);
    const db = await openBackstoryDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'claims', 'context', 'entities', 'meta', 'notes', 'quotes', 'sightings', 'sources']);

    const notes = await listNotesByUrl(db, 'https://a.example/1');
    expect(notes).toEqual([
      { id: 'n1', url: 'https://a.example/1', title: 'A', site: 'a', text: 'whole article', entityIds: ['sergei-lavrov'], createdAt: 1, updatedAt: 1 },
      { id: 'n2', url: 'https://a.example/1', title: 'A', site: 'a', text: 'on a passage', entityIds: [], createdAt: 2, updatedAt: 3, target: { quote: { type: 'TextQuoteSelector', exact: 'no hurry' } } },
    ]);
    // New indexes are filled for old records.
    expect((await listNotesByEntity(db, 'sergei-lavrov')).map((n) => n.id)).toEqual(['n1']);
    expect((await searchEntities(db, 'sergey')).map((e) => e.id)).toEqual(['sergei-lavrov']);
    expect(await listSightingsByEntity(db, 'sergei-lavrov')).toHaveLength(1);
    expect(await db.get('meta', 'dataset')).toMatchObject({ version: 'old' });
    await closeBackstoryDB(name);
  });

  it('leaves the old database intact when a migration fails', async () => {
    const name = `mig-${crypto.randomUUID()}`;
    await populatedV1(name);
    const real = migrations[2]!;
    migrations[2] = () => {
      throw new Error('boom');
    };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(openBackstoryDB(name)).rejects.toThrow();
    } finally {
      migrations[2] = real;
    }
    const raw = await openDB(name);
    expect(raw.version).toBe(1);
    expect(await raw.count('notes')).toBe(2);
    raw.close();
    // The next attempt (after an update fixing the migration) succeeds.
    expect((await openBackstoryDB(name)).version).toBe(DB_VERSION);
    await closeBackstoryDB(name);
  });

  it('creates the same stores and indexes fresh as by upgrading', async () => {
    const upgradedName = `mig-${crypto.randomUUID()}`;
    await populatedV1(upgradedName);
    const upgraded = await openBackstoryDB(upgradedName);
    const freshName = `mig-${crypto.randomUUID()}`;
    const fresh = await openBackstoryDB(freshName);
    const layout = (db: typeof fresh) => {
      const tx = db.transaction([...db.objectStoreNames]);
      return [...db.objectStoreNames].map((s) => {
        const store = tx.objectStore(s);
        return { s, keyPath: store.keyPath, indexes: [...store.indexNames].map((i) => [i, store.index(i).keyPath, store.index(i).multiEntry, store.index(i).unique]) };
      });
    };
    expect(layout(upgraded)).toEqual(layout(fresh));
    await closeBackstoryDB(upgradedName);
    await closeBackstoryDB(freshName);
  });

  it('shares one connection per name and reopens after close', async () => {
    const name = `mig-${crypto.randomUUID()}`;
    const a = openBackstoryDB(name);
    expect(openBackstoryDB(name)).toBe(a);
    await closeBackstoryDB(name);
    const b = openBackstoryDB(name);
    expect(b).not.toBe(a);
    await b;
    await closeBackstoryDB(name);
  });
});
