import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IDBPDatabase } from 'idb';
import type { BackstoryDB } from './schema';
import { listSightingsByEntity, listSightingsByUrl, recordSightings } from './sightings';
import { freshDB } from './test-fixtures';

let db: IDBPDatabase<BackstoryDB>;
let close: () => Promise<void>;
beforeEach(async () => ({ db, close } = await freshDB()));
afterEach(() => close());

describe('sightings repository', () => {
  it('keeps one sighting per entity and page, with the latest visit', async () => {
    expect(await recordSightings(db, { url: 'https://a.example/1', title: 'Old title', site: 'A', entityIds: ['lavrov', 'lavrov', 'taliban'] }, 1)).toBe(2);
    await recordSightings(db, { url: 'https://a.example/1', title: 'New title', site: 'A', entityIds: ['lavrov'] }, 5);
    expect(await listSightingsByEntity(db, 'lavrov')).toEqual([{ entityId: 'lavrov', url: 'https://a.example/1', title: 'New title', site: 'A', seenAt: 5 }]);
    expect(await listSightingsByUrl(db, 'https://a.example/1')).toHaveLength(2);
  });

  it('lists pages newest first, up to a limit, without other entities', async () => {
    for (let i = 0; i < 5; i++) await recordSightings(db, { url: `https://a.example/${i}`, title: `T${i}`, site: 'A', entityIds: ['lavrov'] }, 10 - i);
    await recordSightings(db, { url: 'https://a.example/x', title: 'X', site: 'A', entityIds: ['lavrov-2'] }, 100);
    const list = await listSightingsByEntity(db, 'lavrov', 3);
    expect(list.map((s) => s.seenAt)).toEqual([10, 9, 8]);
  });

  it('records nothing for an empty list', async () => {
    expect(await recordSightings(db, { url: 'https://a.example/', title: '', site: '', entityIds: [] })).toBe(0);
    expect(await db.count('sightings')).toBe(0);
  });
});
