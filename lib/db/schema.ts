/**
 * The one IndexedDB schema of Backstory (extension origin, background only).
 * Dataset stores are replaced whenever the bundled dataset changes; notes, sightings,
 * saved articles are the reader's and are never touched by seeding.
 */
import type { DBSchema } from 'idb';
import type { Claim, DictionaryTerm, Entity, Mention, Quote, Source, SourceContext } from '../dataset/types';
import type { Sighting } from '../messages/entities';
import type { Note } from '../messages/notes';

/** Current schema version; every bump adds a migration in migrations.ts. */
export const DB_VERSION = 2;

/** An entity with the folded keys its indexes use. */
export interface StoredEntity extends Entity {
  /** The name folded (lower case, no diacritics), for the by-name index. */
  folded: string;
  /** Folded name, aliases and each of their word-suffixes ("sergei lavrov", "lavrov"), for prefix search. */
  foldedKeys: string[];
}

/** An article the reader saved, with what the extraction found in it. */
export interface SavedArticle {
  /** Same as `source.id`; starts with "saved-". */
  id: string;
  /** Canonical URL; saving the same URL again replaces the article. */
  url: string;
  /** The article as a source, `origin: 'saved'`. */
  source: Source;
  /** Plain text the offsets below refer to. */
  text: string;
  mentions: Mention[];
  quotes: Quote[];
  /** What this article says of each entity it mentions. */
  context: SourceContext[];
  /** Distinct entities mentioned, for the by-entity index. */
  entityIds: string[];
  /** Epoch milliseconds. */
  savedAt: number;
}

/** What is known of the seeded dataset. */
export interface DatasetMeta {
  key: 'dataset';
  version: string;
  /** The matcher's dictionary, served to content scripts as is. */
  dictionary: DictionaryTerm[];
  /** Epoch milliseconds. */
  seededAt: number;
}

/** Bumped on every change to saved articles, so caches built from them know when to rebuild. */
export interface ArticlesMeta {
  key: 'articles';
  revision: number;
}

/** Records of the meta store. */
export type MetaRecord = DatasetMeta | ArticlesMeta;

/** The database schema, for idb's typed API. */
export interface BackstoryDB extends DBSchema {
  entities: { key: string; value: StoredEntity; indexes: { 'by-name': string; 'by-key': string } };
  sources: { key: string; value: Source };
  quotes: { key: string; value: Quote; indexes: { 'by-speaker': string; 'by-mention': string } };
  claims: { key: string; value: Claim; indexes: { 'by-entity': string } };
  /** Keyed [entityId, sourceId]. */
  context: { key: [string, string]; value: SourceContext; indexes: { 'by-entity': string } };
  notes: { key: string; value: Note; indexes: { 'by-url': string; 'by-entity': string; 'by-updated': number } };
  /** Keyed [entityId, url]: one record per entity and page, with the latest visit. */
  sightings: { key: [string, string]; value: Sighting; indexes: { 'by-entity': [string, number]; 'by-url': string } };
  articles: { key: string; value: SavedArticle; indexes: { 'by-url': string; 'by-entity': string; 'by-saved': number } };
  meta: { key: MetaRecord['key']; value: MetaRecord };
}

/** The stores the bundled dataset lives in (replaced together by seeding). */
export const DATASET_STORES = ['entities', 'sources', 'quotes', 'claims', 'context'] as const;
