/**
 * One migration per schema version. A migration only creates/changes stores and indexes
 * and rewrites records inside the upgrade transaction; never remove one once shipped.
 *
 * v1: dataset stores, notes (article notes, optional plain `quote`), sightings, meta.
 * v2: passage notes: the plain `quote` becomes a W3C `target`; notes by entity and by update
 *     time; entities searchable by alias and word (`foldedKeys`); saved articles.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Note } from '../messages/notes';
import { searchKeys } from './fold';
import type { BackstoryDB } from './schema';

/** The upgrade transaction idb hands to `upgrade`. */
export type UpgradeTransaction = IDBPTransaction<BackstoryDB, StoreNames<BackstoryDB>[], 'versionchange'>;

/** Brings a database from version n - 1 to version n. */
export type Migration = (db: IDBPDatabase<BackstoryDB>, tx: UpgradeTransaction) => Promise<void> | void;

/** A note as version 1 stored it. */
export interface NoteV1 extends Omit<Note, 'target' | 'deletedAt'> {
  /** The selected text a note was about, if any (v1 had no way to find it again). */
  quote?: string;
}

/** Migrations by the version they produce. */
export const migrations: Record<number, Migration> = {
  1(db) {
    const entities = db.createObjectStore('entities', { keyPath: 'id' });
    entities.createIndex('by-name', 'folded');
    db.createObjectStore('sources', { keyPath: 'id' });
    const quotes = db.createObjectStore('quotes', { keyPath: 'id' });
    quotes.createIndex('by-speaker', 'speakerId');
    quotes.createIndex('by-mention', 'mentions', { multiEntry: true });
    const claims = db.createObjectStore('claims', { keyPath: 'id' });
    claims.createIndex('by-entity', 'entityIds', { multiEntry: true });
    const context = db.createObjectStore('context', { keyPath: ['entityId', 'sourceId'] });
    context.createIndex('by-entity', 'entityId');
    const notes = db.createObjectStore('notes', { keyPath: 'id' });
    notes.createIndex('by-url', 'url');
    const sightings = db.createObjectStore('sightings', { keyPath: ['entityId', 'url'] });
    sightings.createIndex('by-entity', ['entityId', 'seenAt']);
    sightings.createIndex('by-url', 'url');
    db.createObjectStore('meta', { keyPath: 'key' });
  },

  async 2(db, tx) {
    const notes = tx.objectStore('notes');
    notes.createIndex('by-entity', 'entityIds', { multiEntry: true });
    notes.createIndex('by-updated', 'updatedAt');
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('by-url', 'url', { unique: true });
    articles.createIndex('by-entity', 'entityIds', { multiEntry: true });
    articles.createIndex('by-saved', 'savedAt');
    tx.objectStore('entities').createIndex('by-key', 'foldedKeys', { multiEntry: true });

    for (let cursor = await notes.openCursor(); cursor; cursor = await cursor.continue()) {
      const { quote, ...rest } = cursor.value as unknown as NoteV1;
      const note: Note = { ...rest, entityIds: rest.entityIds ?? [] };
      // Without context or position the quote is still found again by its exact text.
      if (quote) note.target = { quote: { type: 'TextQuoteSelector', exact: quote } };
      await cursor.update(note);
    }
    const entities = tx.objectStore('entities');
    for (let cursor = await entities.openCursor(); cursor; cursor = await cursor.continue()) {
      await cursor.update({ ...cursor.value, foldedKeys: searchKeys(cursor.value) });
    }
  },
};

/**
 * Runs every migration after `oldVersion` up to `newVersion`, in order, in the upgrade
 * transaction. A failing migration aborts the transaction, so the database stays at its
 * old version with its data intact.
 */
export async function migrate(db: IDBPDatabase<BackstoryDB>, oldVersion: number, newVersion: number, tx: UpgradeTransaction): Promise<void> {
  try {
    for (let v = oldVersion + 1; v <= newVersion; v++) {
      const step = migrations[v];
      if (!step) throw new Error(`No migration to database version ${v}`);
      await step(db, tx);
    }
  } catch (error) {
    console.error('Backstory: database upgrade failed, nothing was changed', error);
    tx.abort();
  }
}
