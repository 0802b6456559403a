/** Messages about the dataset: the matcher's dictionary, entity cards, search, sightings. */
import type { Claim, DictionaryTerm, Entity, EntityType, Quote, Source, SourceContext } from '../dataset/types';
import type { EncodedMatcher } from '../matcher/encoded';
import { array, literal, number, object, optional, string, url, type Validator } from '../validate';

/** A short description of an entity for result lists. */
export interface EntitySummary {
  id: string;
  type: EntityType;
  name: string;
  /** The first role the dataset knows, for a subtitle. */
  role: string | null;
}

/** A page where the reader met an entity. */
export interface Sighting {
  entityId: string;
  url: string;
  title: string;
  site: string;
  /** Epoch milliseconds. */
  seenAt: number;
}

/** Everything a card shows about one entity. */
export interface EntityCard {
  entity: Entity;
  /** Sources referenced anywhere in this card. */
  sources: Source[];
  /** Quotes by this entity. */
  quotes: Quote[];
  /** Quotes by others that mention this entity. */
  quotesAbout: Quote[];
  /** What each source says of this entity. */
  context: SourceContext[];
  /** Claims involving this entity. */
  claims: Claim[];
  /** Pages where the reader met this entity before, newest first. */
  sightings: Sighting[];
}

/** The stored dictionary: every alias with its entity, tagged with the dataset version. */
export interface Dictionary {
  version: string;
  terms: DictionaryTerm[];
  /** Name and type of every entity the terms point to (for styling marks and listing what is on a page). */
  entities: { id: string; name: string; type: EntityType }[];
}

/**
 * What a tab needs to mark a page: the dictionary's page terms (adjectives left out) compiled
 * once in the background, plus the entities' names and types.
 */
export interface DictionaryPayload {
  version: string;
  matcher: EncodedMatcher;
  entities: Dictionary['entities'];
}

/** Dataset message map. */
export interface EntityMessages {
  'dictionary.get': { request: Record<string, never>; response: DictionaryPayload };
  'entity.card': { request: { id: string }; response: EntityCard | null };
  'entity.search': {
    request: { query: string; limit?: number; types?: EntityType[]; sourceIds?: string[] };
    response: EntitySummary[];
  };
  /** Opens the entity in the popup's full view (from a card's "Open in Backstory"). */
  'entity.open': { request: { id: string }; response: { opened: 'popup' | 'tab' } };
  'sightings.record': {
    request: { url: string; title: string; site: string; entityIds: string[] };
    response: { recorded: number };
  };
}

const id = string({ min: 1, max: 200 });

/** Request validators for the dataset messages. */
export const entityMessageValidators: { [K in keyof EntityMessages]: Validator<EntityMessages[K]['request']> } = {
  'dictionary.get': object({}) as Validator<Record<string, never>>,
  'entity.card': object({ id }),
  'entity.open': object({ id }),
  'entity.search': object({
    query: string({ max: 500 }),
    limit: optional(number({ min: 1, max: 500, integer: true })),
    types: optional(array(literal('person', 'organization', 'place', 'term', 'event'), { max: 5 })),
    sourceIds: optional(array(id, { max: 100 })),
  }),
  'sightings.record': object({
    url: url(),
    title: string({ max: 1000 }),
    site: string({ max: 500 }),
    entityIds: array(id, { max: 5000 }),
  }),
};
