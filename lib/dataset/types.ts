/**
 * The shape of Backstory's dataset: sources, entities, quotes and cross-source context.
 * Every fact carries provenance: the id of the source it came from and verbatim evidence.
 * Fields named in DESIGN.md (sources, entities, quotes) are a contract for outside tools.
 */

/** Kinds of things the dataset knows. */
export type EntityType = 'person' | 'organization' | 'place' | 'term' | 'event';

/** A news article the dataset was built from (bundled) or that the reader saved. */
export interface Source {
  id: string;
  publisher: string;
  title: string;
  /** ISO 8601 with offset, e.g. 2021-08-19T10:05:00Z. */
  published: string;
  /** ISO 8601, when the outlet printed an update time. */
  updated?: string;
  /** The date line exactly as the outlet printed it, e.g. "10:05 GMT 19.08.2021". */
  publishedAsPrinted?: string;
  byline?: string;
  /** Place the story was filed from, e.g. "Moscow". */
  dateline?: string;
  url?: string;
  /** BCP 47 language tag. */
  language: string;
  /** bundled: shipped with the extension; saved: saved by the reader. */
  origin: 'bundled' | 'saved';
  /** The update time exactly as printed, e.g. "11:09 GMT 19.08.2021". */
  updatedAsPrinted?: string;
  /** The article's plain text (title, byline, body; page furniture removed): every offset in the dataset points into it. */
  text?: string;
  /** What was removed from the page to get `text`, with the reason (photo credit, navigation, copyright footer...). */
  stripped?: StrippedText[];
  /** Where the bundled copy came from: file name and SHA-256 of the raw text as received. */
  provenance?: { file: string; sha256: string };
}

/** A piece of page text that is not part of the article, and why it was removed. */
export interface StrippedText {
  text: string;
  reason: string;
}

/** A role or description of an entity as one source states it. */
export interface Role {
  title: string;
  sourceId: string;
  /** Verbatim text from the source that states the role. */
  evidence: string;
  /** Offsets of the evidence in the source's plain text. */
  start: number;
  end: number;
}

/** A person, organization, place, term or event. */
export interface Entity {
  id: string;
  type: EntityType;
  /** Display name, e.g. "Sergei Lavrov". */
  name: string;
  /** Every other way of writing the name (transliterations, short forms, other scripts). */
  aliases: string[];
  /** One-line neutral description for cards (curated). */
  description?: string;
  roles: Role[];
  /**
   * Aliases that are names of this entity but unsafe to match alone (a shared surname, a first
   * name): kept in `aliases` for search, left out of the dictionary.
   */
  ambiguousAliases?: string[];
}

/** A direct quotation, verbatim from its source. */
export interface Quote {
  id: string;
  /** The entity who said it, or null when the code could not decide. */
  speakerId: string | null;
  /** The speaker as written near the quote ("Lavrov", "he"), or null. */
  speaker: string | null;
  sourceId: string;
  /** Verbatim text between the quotation marks. */
  text: string;
  start: number;
  end: number;
  /** True for fragments quoted inside reported speech (stressed it was "..."). */
  partial: boolean;
  /** Entities mentioned inside the quote. */
  mentions: string[];
  /** How the speaker was found (e.g. "named-after", "pronoun", "continuation"); absent when speakerId is null. */
  attribution?: string;
}

/** One occurrence of an entity in a source's plain text. */
export interface Mention {
  entityId: string;
  sourceId: string;
  text: string;
  start: number;
  end: number;
}

/** A sentence of a source, verbatim, with offsets. */
export interface Sentence {
  sourceId: string;
  text: string;
  start: number;
  end: number;
}

/** What one source says of one entity. */
export interface SourceContext {
  entityId: string;
  sourceId: string;
  /** Sentences of the source that mention the entity, verbatim. */
  sentences: Sentence[];
  /** Roles stated by this source (copies of the entity's roles for this source). */
  roles: Role[];
  /** Ids of quotes by the entity in this source. */
  quoteIds: string[];
}

/** One side of a cross-source claim. */
export interface ClaimSide {
  sourceId: string;
  /** Verbatim evidence from the source. */
  evidence: string;
  start: number;
  end: number;
  /** The curated phrase inside the evidence that carries the claim, located verbatim by code. */
  anchor?: { text: string; start: number; end: number };
}

/** A claim reported by more than one source: agreeing, or described differently. */
export interface Claim {
  id: string;
  /** Short neutral statement of what the claim is about. */
  topic: string;
  kind: 'agree' | 'differ';
  entityIds: string[];
  sides: ClaimSide[];
  /** For "differ": what differs, in a few words. */
  note?: string;
}

/** How an alias may match page text. */
export type AliasCase =
  /** Exact case only (acronyms: US, NATO). */
  | 'exact'
  /** Case-insensitive, but the first letter must be upper case in the text (proper names). */
  | 'name'
  /** Any case (lower-case terms). */
  | 'any';

/** One entry of the matcher's dictionary. */
export interface DictionaryTerm {
  text: string;
  /** The entity this text names; null for a blocker ("Hamid Karzai International Airport") that wins and marks nothing. */
  entityId: string | null;
  case: AliasCase;
  /** A mention for extraction that pages do not mark (adjectives such as "Russian"). */
  quiet?: true;
}

/** The generated dataset, as written to data/dataset.json. */
export interface Dataset {
  /** Schema version of this file. */
  schema: 1;
  /** Content hash of the dataset; changes when any fact changes. */
  version: string;
  sources: Source[];
  entities: Entity[];
  quotes: Quote[];
  mentions: Mention[];
  context: SourceContext[];
  claims: Claim[];
  dictionary: DictionaryTerm[];
}
