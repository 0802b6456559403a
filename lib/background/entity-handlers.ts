/**
 * The background's answers to the dataset messages: the matcher's dictionary, entity cards,
 * search (over the dataset plus saved articles), and sightings.
 */
import type { IDBPDatabase } from 'idb';
import type { Dataset } from '../dataset/types';
import { articlesRevision } from '../db/articles';
import { getDictionary, getEntityCard, knownEntityIds, loadDataset } from '../db/entities';
import type { BackstoryDB } from '../db/schema';
import { storedDatasetVersion } from '../db/seed';
import { recordSightings } from '../db/sightings';
import { compileMatcher, encodeMatcher } from '../matcher';
import type { DictionaryPayload, EntityMessages } from '../messages/entities';
import type { Handlers } from '../messages/router';
import { guard } from './guard';
import { createSearchHandler } from './search-handler';

/** Dataset messages answered from the database ('entity.open' needs browser UI and is wired elsewhere). */
export type EntityHandlerName = Exclude<keyof EntityMessages, 'entity.open'>;

/** The handlers, keyed by message name, ready to spread into createRouter's map. */
export type EntityHandlers = Pick<Handlers, EntityHandlerName>;

/**
 * The stored dataset with saved articles merged in, reloaded only when the dataset version
 * or the saved articles changed (so the search index is rebuilt only then).
 */
export function createDatasetLoader(dbp: Promise<IDBPDatabase<BackstoryDB>>): () => Promise<Dataset> {
  let cached: { key: string; dataset: Dataset } | null = null;
  return async () => {
    const db = await dbp;
    const key = `${(await storedDatasetVersion(db)) ?? ''}|${await articlesRevision(db)}`;
    if (cached?.key !== key) cached = { key, dataset: await loadDataset(db) };
    return cached.dataset;
  };
}

/**
 * The dictionary as tabs need it, compiled once per dataset version (a few milliseconds) and
 * then served as is: no tab compiles anything.
 */
export function compiledDictionary(dbp: Promise<IDBPDatabase<BackstoryDB>>): () => Promise<DictionaryPayload> {
  let cached: DictionaryPayload | null = null;
  return async () => {
    const db = await dbp;
    const version = (await storedDatasetVersion(db)) ?? '';
    if (cached?.version !== version) {
      const dictionary = await getDictionary(db);
      // Adjectives ("Russian") are mentions for extraction, not marks on pages.
      const matcher = compileMatcher(dictionary.terms.filter((term) => !term.quiet));
      cached = { version: dictionary.version, matcher: encodeMatcher(matcher), entities: dictionary.entities };
    }
    return cached;
  };
}

/** Creates the handlers over the background's database promise. */
export function createEntityHandlers(dbp: Promise<IDBPDatabase<BackstoryDB>>, options: { now?: () => number } = {}): EntityHandlers {
  const now = options.now ?? Date.now;
  const search = createSearchHandler(createDatasetLoader(dbp));
  return {
    'dictionary.get': guard(compiledDictionary(dbp)),
    'entity.card': guard(async ({ id }) => getEntityCard(await dbp, id)),
    'entity.search': guard(search),
    'sightings.record': guard(async (request) => {
      const db = await dbp;
      // Only entities of the dataset: a page cannot fill the trail with made-up ids.
      const entityIds = await knownEntityIds(db, [...new Set(request.entityIds)]);
      return { recorded: await recordSightings(db, { ...request, entityIds }, now()) };
    }),
  };
}
