/**
 * Full-text search over entities for the popup's library: names, aliases, role titles and
 * the text of each entity's quotes, with prefix and fuzzy matching, insensitive to case and
 * diacritics ("Sergey" finds "Sergei", "Kabul" finds "Kabulov", "Mujahid" finds "Mujāhid").
 * Framework-free; the background builds one index per dataset version.
 */
import MiniSearch from 'minisearch';
import type { Entity, EntityType, Mention, Quote, SourceContext } from '../dataset/types';
import type { EntitySummary } from '../messages/entities';

/** Any collection of facts the index can be built from: the bundled dataset, or saved articles. */
export interface EntityIndexInput {
  entities: Entity[];
  quotes?: Quote[];
  mentions?: Mention[];
  context?: SourceContext[];
}

/** Optional narrowing of a search; an empty or absent list means "any". */
export interface EntitySearchFilters {
  types?: EntityType[];
  sourceIds?: string[];
}

/** One ranked hit: a summary for result lists, plus what the popup filters and explains by. */
export interface EntitySearchResult extends EntitySummary {
  /** Sources that mention, describe or quote this entity. */
  sourceIds: string[];
  /** Relevance; higher is better. Browsing (empty query) gives 0. */
  score: number;
}

/** The built index. */
export interface EntityIndex {
  /** How many entities are indexed. */
  readonly size: number;
  /**
   * Ranked entities for `query`. An empty query browses: every entity that passes the filters,
   * grouped by type and sorted by name.
   */
  search(query: string, options?: EntitySearchFilters & { limit?: number }): EntitySearchResult[];
}

interface IndexedDoc {
  id: string;
  name: string;
  aliases: string;
  roles: string;
  quotes: string;
}

/** Words too common to find anything useful inside quote text. */
const QUOTE_STOP_WORDS = new Set(
  'a an and are as at be been but by for from had has have he her his i in is it its of on or our she so that the their them they this to was we were will with you'.split(' '),
);

const TYPE_ORDER: Record<EntityType, number> = { person: 0, organization: 1, place: 2, term: 3, event: 4 };

/**
 * Folds a term for matching: decomposes, drops combining marks, lower-cases.
 * Other scripts are kept as they are (Cyrillic aliases stay searchable in Cyrillic).
 */
export function foldTerm(term: string): string {
  return term.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

function processTerm(term: string, fieldName?: string): string | null {
  const folded = foldTerm(term);
  if (!folded) return null;
  if (fieldName === 'quotes' && QUOTE_STOP_WORDS.has(folded)) return null;
  return folded;
}

/** Merges entities that appear in several inputs (a saved article may add roles to a bundled entity). */
function mergeEntities(inputs: EntityIndexInput[]): Map<string, Entity> {
  const byId = new Map<string, Entity>();
  for (const input of inputs) {
    for (const entity of input.entities) {
      const known = byId.get(entity.id);
      if (!known) {
        byId.set(entity.id, { ...entity, aliases: [...entity.aliases], roles: [...entity.roles] });
        continue;
      }
      for (const alias of entity.aliases) if (!known.aliases.includes(alias)) known.aliases.push(alias);
      for (const role of entity.roles) {
        if (!known.roles.some((r) => r.sourceId === role.sourceId && r.title === role.title)) known.roles.push(role);
      }
    }
  }
  return byId;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

/**
 * Builds the index from a dataset and any number of further inputs (for example the
 * reader's saved articles). Entities with the same id are merged.
 */
export function buildEntityIndex(...inputs: EntityIndexInput[]): EntityIndex {
  const entities = mergeEntities(inputs);
  const sourcesOf = new Map<string, Set<string>>();
  const quoteText = new Map<string, string[]>();

  for (const entity of entities.values()) for (const role of entity.roles) addTo(sourcesOf, entity.id, role.sourceId);
  for (const input of inputs) {
    for (const quote of input.quotes ?? []) {
      if (quote.speakerId === null || !entities.has(quote.speakerId)) continue;
      addTo(sourcesOf, quote.speakerId, quote.sourceId);
      const texts = quoteText.get(quote.speakerId) ?? [];
      texts.push(quote.text);
      quoteText.set(quote.speakerId, texts);
    }
    for (const mention of input.mentions ?? []) addTo(sourcesOf, mention.entityId, mention.sourceId);
    for (const context of input.context ?? []) addTo(sourcesOf, context.entityId, context.sourceId);
  }

  const mini = new MiniSearch<IndexedDoc>({
    fields: ['name', 'aliases', 'roles', 'quotes'],
    processTerm,
    searchOptions: {
      prefix: true,
      fuzzy: 0.2,
      combineWith: 'AND',
      boost: { name: 4, aliases: 3, roles: 1.5, quotes: 0.5 },
      processTerm,
    },
  });
  mini.addAll(
    [...entities.values()].map((entity) => ({
      id: entity.id,
      name: entity.name,
      aliases: entity.aliases.join(' \n '),
      roles: entity.roles.map((r) => r.title).join(' \n '),
      quotes: (quoteText.get(entity.id) ?? []).join(' \n '),
    })),
  );

  function summarize(entity: Entity, score: number): EntitySearchResult {
    return {
      id: entity.id,
      type: entity.type,
      name: entity.name,
      role: entity.roles[0]?.title ?? null,
      sourceIds: [...(sourcesOf.get(entity.id) ?? [])].sort(),
      score,
    };
  }

  function passes(entity: Entity, filters: EntitySearchFilters): boolean {
    if (filters.types?.length && !filters.types.includes(entity.type)) return false;
    if (filters.sourceIds?.length) {
      const sources = sourcesOf.get(entity.id);
      if (!sources || !filters.sourceIds.some((id) => sources.has(id))) return false;
    }
    return true;
  }

  return {
    size: entities.size,
    search(query, options = {}) {
      const limit = options.limit ?? 50;
      const trimmed = query.trim();
      if (!trimmed) {
        return [...entities.values()]
          .filter((entity) => passes(entity, options))
          .sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.name.localeCompare(b.name))
          .slice(0, limit)
          .map((entity) => summarize(entity, 0));
      }
      const hits = mini.search(trimmed, {
        filter: (hit) => {
          const entity = entities.get(String(hit.id));
          return entity !== undefined && passes(entity, options);
        },
      });
      const results: EntitySearchResult[] = [];
      for (const hit of hits.slice(0, limit)) {
        const entity = entities.get(String(hit.id));
        if (entity) results.push(summarize(entity, hit.score));
      }
      return results;
    },
  };
}
