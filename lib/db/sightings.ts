/** Sightings: which known entities the reader met on which page, and when last. */
import type { IDBPDatabase } from 'idb';
import type { Sighting } from '../messages/entities';
import type { BackstoryDB } from './schema';
import { commitAll } from './tx';

type DB = IDBPDatabase<BackstoryDB>;

/** A page visit to record. */
export interface PageVisit {
  url: string;
  title: string;
  site: string;
  entityIds: string[];
}

/**
 * Records that each entity was seen on the page. One record per entity and page: a later
 * visit replaces the time, title and outlet. Returns how many entities were recorded.
 */
export async function recordSightings(db: DB, visit: PageVisit, now: number = Date.now()): Promise<number> {
  const ids = [...new Set(visit.entityIds)];
  if (ids.length === 0) return 0;
  const tx = db.transaction('sightings', 'readwrite');
  await commitAll(tx, (write) => {
    for (const entityId of ids) write(tx.store.put({ entityId, url: visit.url, title: visit.title, site: visit.site, seenAt: now }));
  });
  return ids.length;
}

/** Pages where the reader met an entity, newest first. */
export async function listSightingsByEntity(db: DB, entityId: string, limit = 50): Promise<Sighting[]> {
  const range = IDBKeyRange.bound([entityId, -Infinity], [entityId, Infinity]);
  const out: Sighting[] = [];
  const tx = db.transaction('sightings');
  for (let cursor = await tx.store.index('by-entity').openCursor(range, 'prev'); cursor && out.length < limit; cursor = await cursor.continue()) {
    out.push(cursor.value);
  }
  await tx.done;
  return out;
}

/** Sightings recorded for one page. */
export function listSightingsByUrl(db: DB, url: string): Promise<Sighting[]> {
  return db.getAllFromIndex('sightings', 'by-url', url);
}
