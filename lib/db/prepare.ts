/**
 * The background's database, ready for handlers: opened (and migrated), the bundled dataset
 * seeded if its version changed, and old trash purged. Handlers await this one promise.
 */
import type { IDBPDatabase } from 'idb';
import type { Dataset } from '../dataset/types';
import { purgeDeletedNotes } from './notes';
import { DB_NAME, openBackstoryDB, requestPersistentStorage } from './open';
import type { BackstoryDB } from './schema';
import { seedDataset } from './seed';

/**
 * Opens the database and brings the dataset up to date. A failed seeding (a full disk, say)
 * is logged and leaves the previous dataset: the reader's notes stay usable either way.
 */
export async function prepareDatabase(dataset: Dataset | (() => Promise<Dataset>), name: string = DB_NAME): Promise<IDBPDatabase<BackstoryDB>> {
  const db = await openBackstoryDB(name);
  try {
    await seedDataset(db, typeof dataset === 'function' ? await dataset() : dataset);
  } catch (error) {
    console.error('Backstory: could not update the bundled dataset', error);
  }
  await purgeDeletedNotes(db).catch((error: unknown) => console.error('Backstory: could not empty old trash', error));
  void requestPersistentStorage();
  return db;
}
