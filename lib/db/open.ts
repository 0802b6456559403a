/**
 * Opening the database: one connection per name for the life of the background, upgraded
 * by the migrations on first open after an update.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { migrate } from './migrations';
import { DB_VERSION, type BackstoryDB } from './schema';

/** The database name in the extension's origin. */
export const DB_NAME = 'backstory';

const connections = new Map<string, Promise<IDBPDatabase<BackstoryDB>>>();

/**
 * The open database (opened, and upgraded if needed, on first call). Later calls share the
 * same promise; if the connection is closed by the browser or by a newer version, the next
 * call opens it again.
 */
export function openBackstoryDB(name: string = DB_NAME): Promise<IDBPDatabase<BackstoryDB>> {
  let promise = connections.get(name);
  if (promise) return promise;
  promise = openDB<BackstoryDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      // A failed upgrade rejects the open itself; its transaction's own rejection is the same news.
      tx.done.catch(() => undefined);
      void migrate(db, oldVersion, newVersion ?? DB_VERSION, tx);
    },
    blocking() {
      // A newer version (an updated extension) wants to upgrade: step aside.
      void promise?.then((db) => db.close());
      connections.delete(name);
    },
    terminated() {
      connections.delete(name);
    },
  });
  connections.set(name, promise);
  promise.catch(() => connections.delete(name));
  return promise;
}

/** Closes the shared connection (tests, or before deleting the database). */
export async function closeBackstoryDB(name: string = DB_NAME): Promise<void> {
  const promise = connections.get(name);
  connections.delete(name);
  if (promise) (await promise.catch(() => null))?.close();
}

/**
 * Asks the browser not to evict the reader's data under storage pressure. Extensions with
 * `unlimitedStorage` are usually exempt already; this covers browsers where they are not.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await globalThis.navigator?.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
