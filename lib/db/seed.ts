/**
 * Seeding the dataset stores from the bundled dataset: on install, and after every update
 * whose dataset version changed. Safe to call on every background start.
 */
import type { IDBPDatabase } from 'idb';
import type { Dataset } from '../dataset/types';
import { toStoredEntity } from './fold';
import { commitAll } from './tx';
import { DATASET_STORES, type BackstoryDB, type DatasetMeta } from './schema';

/** What `seedDataset` did. */
export interface SeedResult {
  /** False when the stored dataset already had this version. */
  seeded: boolean;
  version: string;
}

/** The version of the seeded dataset, or null before the first seeding. */
export async function storedDatasetVersion(db: IDBPDatabase<BackstoryDB>): Promise<string | null> {
  const meta = await db.get('meta', 'dataset');
  return meta?.key === 'dataset' ? meta.version : null;
}

/**
 * Replaces the dataset stores with `dataset` when its version differs from the stored one,
 * in one transaction: readers see the old dataset or the new one, never a mix, and a failure
 * leaves the old one. Notes, sightings and saved articles are not in the transaction at all.
 */
export async function seedDataset(db: IDBPDatabase<BackstoryDB>, dataset: Dataset, now: number = Date.now()): Promise<SeedResult> {
  const tx = db.transaction([...DATASET_STORES, 'meta'], 'readwrite');
  const meta = await tx.objectStore('meta').get('dataset');
  if (meta?.key === 'dataset' && meta.version === dataset.version) {
    await tx.done;
    return { seeded: false, version: dataset.version };
  }
  const record: DatasetMeta = { key: 'dataset', version: dataset.version, dictionary: dataset.dictionary, seededAt: now };
  await commitAll(tx, (write) => {
    for (const name of DATASET_STORES) write(tx.objectStore(name).clear());
    for (const entity of dataset.entities) write(tx.objectStore('entities').put(toStoredEntity(entity)));
    for (const source of dataset.sources) write(tx.objectStore('sources').put(source));
    for (const quote of dataset.quotes) write(tx.objectStore('quotes').put(quote));
    for (const claim of dataset.claims) write(tx.objectStore('claims').put(claim));
    for (const context of dataset.context) write(tx.objectStore('context').put(context));
    write(tx.objectStore('meta').put(record));
  });
  return { seeded: true, version: dataset.version };
}
