/**
 * Reading the dataset back: entity cards (bundled facts plus the reader's saved articles and
 * sightings), a simple folded-prefix search, the matcher's dictionary.
 */
import type { IDBPDatabase } from 'idb';
import type { Dataset, Entity, Quote, Source, SourceContext } from '../dataset/types';
import type { Dictionary, EntityCard, EntitySummary } from '../messages/entities';
import { listArticles } from './articles';
import { foldName, fromStoredEntity } from './fold';
import type { BackstoryDB } from './schema';
import { listSightingsByEntity } from './sightings';

type DB = IDBPDatabase<BackstoryDB>;

/** Sightings shown on a card. */
const CARD_SIGHTINGS = 20;

/** The list entry for an entity. */
export function summarizeEntity(entity: Entity): EntitySummary {
  return { id: entity.id, type: entity.type, name: entity.name, role: entity.roles[0]?.title ?? null };
}

/** One entity without index fields, or undefined. */
export async function getEntity(db: DB, id: string): Promise<Entity | undefined> {
  const stored = await db.get('entities', id);
  return stored && fromStoredEntity(stored);
}

/** Which of `ids` name known entities. */
export async function knownEntityIds(db: DB, ids: string[]): Promise<string[]> {
  const tx = db.transaction('entities');
  const keys = await Promise.all(ids.map((id) => tx.store.getKey(id)));
  await tx.done;
  return ids.filter((_, i) => keys[i] !== undefined);
}

/**
 * Everything a card shows about an entity: its quotes and quotes about it, what each source
 * says of it, claims, and sightings. Saved articles count as sources (origin 'saved').
 * Null for an unknown id.
 */
export async function getEntityCard(db: DB, id: string): Promise<EntityCard | null> {
  const tx = db.transaction(['entities', 'quotes', 'context', 'claims', 'articles']);
  const [stored, spoken, mentioning, context, claims, articles] = await Promise.all([
    tx.objectStore('entities').get(id),
    tx.objectStore('quotes').index('by-speaker').getAll(id),
    tx.objectStore('quotes').index('by-mention').getAll(id),
    tx.objectStore('context').index('by-entity').getAll(id),
    tx.objectStore('claims').index('by-entity').getAll(id),
    tx.objectStore('articles').index('by-entity').getAll(id),
  ]);
  await tx.done;
  if (!stored) return null;

  const quotes: Quote[] = [...spoken];
  const quotesAbout: Quote[] = mentioning.filter((q) => q.speakerId !== id);
  const contexts: SourceContext[] = [...context];
  const savedSources = new Map<string, Source>();
  for (const article of articles) {
    savedSources.set(article.source.id, article.source);
    for (const q of article.quotes) {
      if (q.speakerId === id) quotes.push(q);
      else if (q.mentions.includes(id)) quotesAbout.push(q);
    }
    contexts.push(...article.context.filter((c) => c.entityId === id));
  }

  const entity = fromStoredEntity(stored);
  const sourceIds = new Set<string>([
    ...entity.roles.map((r) => r.sourceId),
    ...quotes.map((q) => q.sourceId),
    ...quotesAbout.map((q) => q.sourceId),
    ...contexts.map((c) => c.sourceId),
    ...claims.flatMap((c) => c.sides.map((s) => s.sourceId)),
  ]);
  const bundledIds = [...sourceIds].filter((s) => !savedSources.has(s));
  const sourceTx = db.transaction('sources');
  const bundled = await Promise.all(bundledIds.map((s) => sourceTx.store.get(s)));
  await sourceTx.done;
  const sources = [...bundled.filter((s): s is Source => s !== undefined), ...savedSources.values()];

  return { entity, sources, quotes, quotesAbout, context: contexts, claims, sightings: await listSightingsByEntity(db, id, CARD_SIGHTINGS) };
}

/**
 * Entities whose folded name, alias, or a word of either starts with the folded query;
 * name matches first, then shorter names. An empty query lists nothing.
 */
export async function searchEntities(db: DB, query: string, limit = 20): Promise<EntitySummary[]> {
  const q = foldName(query);
  if (!q) return [];
  const range = IDBKeyRange.bound(q, `${q}\uffff`);
  const tx = db.transaction('entities');
  const [byName, byKey] = await Promise.all([tx.store.index('by-name').getAll(range), tx.store.index('by-key').getAll(range)]);
  await tx.done;
  const seen = new Set<string>();
  const hits = [...byName, ...byKey.sort((a, b) => a.folded.length - b.folded.length || a.folded.localeCompare(b.folded))].filter((e) => {
    if (seen.has(e.id)) return false;
    seen.add(e.id);
    return true;
  });
  return hits.slice(0, limit).map(summarizeEntity);
}

/** Every entity, by name. */
export async function listEntitySummaries(db: DB): Promise<EntitySummary[]> {
  const all = await db.getAllFromIndex('entities', 'by-name');
  return all.map(summarizeEntity);
}

/** The matcher's dictionary and the entities it points to; empty before the first seeding. */
export async function getDictionary(db: DB): Promise<Dictionary> {
  const tx = db.transaction(['meta', 'entities']);
  const [meta, entities] = await Promise.all([tx.objectStore('meta').get('dataset'), tx.objectStore('entities').getAll()]);
  await tx.done;
  if (meta?.key !== 'dataset') return { version: '', terms: [], entities: [] };
  return { version: meta.version, terms: meta.dictionary, entities: entities.map(({ id, name, type }) => ({ id, name, type })) };
}

/**
 * The stored dataset with the reader's saved articles merged in (their sources, quotes,
 * mentions and context), for building search indexes.
 */
export async function loadDataset(db: DB): Promise<Dataset> {
  const tx = db.transaction(['meta', 'entities', 'sources', 'quotes', 'claims', 'context']);
  const [meta, entities, sources, quotes, claims, context] = await Promise.all([
    tx.objectStore('meta').get('dataset'),
    tx.objectStore('entities').getAll(),
    tx.objectStore('sources').getAll(),
    tx.objectStore('quotes').getAll(),
    tx.objectStore('claims').getAll(),
    tx.objectStore('context').getAll(),
  ]);
  await tx.done;
  const articles = await listArticles(db);
  return {
    schema: 1,
    version: meta?.key === 'dataset' ? meta.version : '',
    entities: entities.map(fromStoredEntity),
    sources: [...sources, ...articles.map((a) => a.source)],
    quotes: [...quotes, ...articles.flatMap((a) => a.quotes)],
    mentions: articles.flatMap((a) => a.mentions),
    context: [...context, ...articles.flatMap((a) => a.context)],
    claims,
    dictionary: meta?.key === 'dataset' ? meta.dictionary : [],
  };
}
