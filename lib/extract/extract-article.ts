/**
 * The article extraction pipeline, shared by the dataset build, the `extract` CLI and the
 * extension (when a reader saves an article): blocks -> plain text -> sentences, mentions,
 * roles and quotations, each with offsets into the plain text. Browser-safe: no Node modules,
 * no DOM.
 */
import type { DictionaryTerm, Entity, EntityType, StrippedText } from '../dataset/types';
import { compileMatcher } from '../matcher';
import { layoutBlocks, type ArticleInput, type PlacedBlock } from './article';
import { findMentions, type MentionFinder, type MentionSpan } from './mentions';
import { findQuotes, type FoundQuote, type IgnoredQuote } from './quotes';
import { findRoles, type FoundRole } from './roles';
import { segmentSentences, type SentenceSpan } from './sentences';

/** What the extractor needs to know about the dataset. */
export interface ExtractOptions {
  finder: MentionFinder;
  typeOf: (entityId: string) => EntityType | undefined;
}

/** A quotation with the entities mentioned inside it. */
export interface ExtractedQuote extends FoundQuote {
  mentions: string[];
}

/** Everything extracted from one article. Offsets point into `text`. */
export interface ExtractedArticle {
  title: string;
  publisher: string | null;
  published: string | null;
  publishedAsPrinted: string | null;
  updated: string | null;
  updatedAsPrinted: string | null;
  byline: string | null;
  dateline: string | null;
  language: string | null;
  url: string | null;
  text: string;
  blocks: PlacedBlock[];
  sentences: SentenceSpan[];
  mentions: MentionSpan[];
  roles: FoundRole[];
  quotes: ExtractedQuote[];
  /** Quoted spans that are names or scare quotes, with the reason. */
  ignoredQuotes: IgnoredQuote[];
  stripped: StrippedText[];
}

/** Runs the pipeline on one article. */
export function extractArticle(input: ArticleInput, options: ExtractOptions): ExtractedArticle {
  const { text, blocks } = layoutBlocks(input.blocks);
  const sentences = segmentSentences(text, blocks);
  const mentions = findMentions(text, blocks, options.finder);
  const sentenceOf = (offset: number) => sentences.find((s) => offset >= s.start && offset < s.end);
  const roles = findRoles(text, mentions, sentenceOf, options.typeOf);
  const found = findQuotes({ text, blocks, sentences, mentions, typeOf: options.typeOf });
  const quotes = found.quotes.map((q) => ({
    ...q,
    mentions: [...new Set(mentions.filter((m) => m.start >= q.start && m.end <= q.end).map((m) => m.entityId))].sort(),
  }));
  return {
    title: input.title,
    publisher: input.publisher ?? null,
    published: input.published ?? null,
    publishedAsPrinted: input.publishedAsPrinted ?? null,
    updated: input.updated ?? null,
    updatedAsPrinted: input.updatedAsPrinted ?? null,
    byline: input.byline ?? null,
    dateline: input.dateline ?? null,
    language: input.language ?? null,
    url: input.url ?? null,
    text,
    blocks,
    sentences,
    mentions,
    roles,
    quotes,
    ignoredQuotes: found.ignored,
    stripped: input.stripped,
  };
}

/** Compiles the dictionary once and returns an extractor for any number of articles. */
export function createExtractor(dataset: { dictionary: DictionaryTerm[]; entities: Pick<Entity, 'id' | 'type'>[] }): (input: ArticleInput) => ExtractedArticle {
  const finder = compileMatcher(dataset.dictionary);
  const types = new Map(dataset.entities.map((e) => [e.id, e.type]));
  return (input) => extractArticle(input, { finder, typeOf: (id) => types.get(id) });
}
