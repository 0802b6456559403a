/**
 * Assembles the dataset from the project's copies of the articles and the curated registry.
 * Pure and deterministic: the same inputs give the same bytes (no clock, no randomness, fixed
 * orders), so the committed data/dataset.json can be checked against a fresh build.
 */
import { createExtractor } from '../extract/extract-article';
import { parsePlainTextArticle } from '../extract/plain-text';
import { buildClaims, buildContext, type SourceExtraction } from './cross-source';
import { contentHash } from './hash';
import { buildDictionary, type Registry } from './registry';
import type { Dataset, Entity, Mention, Quote, Role, Source } from './types';

/** The metadata file kept next to each article's text in data/articles/. */
export interface ArticleMeta {
  id: string;
  /** The text file, relative to data/articles/. */
  file: string;
  publisher: string;
  language: string;
  url?: string;
  /** Zone of times the outlet prints without one. */
  timeZone?: string;
  timeZoneNote?: string;
  /** The file as received, before it was copied into the project. */
  received: { file: string; sha256: string };
  /** Metadata the parser must find in the text; the build fails if it finds something else. */
  expect?: Partial<Record<'title' | 'byline' | 'dateline' | 'published' | 'updated', string>>;
}

/** One article: metadata and raw text. */
export interface ArticleFile {
  meta: ArticleMeta;
  raw: string;
}

/** Serialises a dataset the one way it is written to disk. */
export function serializeDataset(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

/** Builds the dataset. Throws when the registry and the articles disagree (a claim anchor missing...). */
export function buildDataset(articles: readonly ArticleFile[], registry: Registry): Dataset {
  const dictionary = buildDictionary(registry);
  const extract = createExtractor({ dictionary, entities: registry.entities });
  const ordered = [...articles].sort((a, b) => a.meta.id.localeCompare(b.meta.id, 'en'));

  const sources: Source[] = [];
  const extractions: SourceExtraction[] = [];
  for (const { meta, raw } of ordered) {
    const input = parsePlainTextArticle(raw, { publisher: meta.publisher, language: meta.language, url: meta.url, timeZone: meta.timeZone });
    const article = extract(input);
    for (const [key, want] of Object.entries(meta.expect ?? {})) {
      const got = article[key as keyof typeof article];
      if (got !== want) throw new Error(`${meta.id}: parsed ${key} ${JSON.stringify(got)}, metadata says ${JSON.stringify(want)}`);
    }
    if (!article.published) throw new Error(`${meta.id}: no publication time found`);
    const source: Source = {
      id: meta.id,
      publisher: meta.publisher,
      title: article.title,
      published: article.published,
      language: meta.language,
      origin: 'bundled',
      text: article.text,
      stripped: article.stripped,
      provenance: { file: meta.received.file, sha256: meta.received.sha256 },
    };
    if (article.updated) source.updated = article.updated;
    if (article.publishedAsPrinted) source.publishedAsPrinted = article.publishedAsPrinted;
    if (article.updatedAsPrinted) source.updatedAsPrinted = article.updatedAsPrinted;
    if (article.byline) source.byline = article.byline;
    if (article.dateline) source.dateline = article.dateline;
    if (meta.url) source.url = meta.url;
    sources.push(source);
    extractions.push({ sourceId: meta.id, article });
  }

  const entityRoles = new Map<string, Role[]>();
  const quotes: Quote[] = [];
  const mentions: Mention[] = [];
  for (const { sourceId, article } of extractions) {
    for (const r of article.roles) {
      const list = entityRoles.get(r.entityId) ?? [];
      list.push({ title: r.title, sourceId, evidence: r.evidence, start: r.start, end: r.end });
      entityRoles.set(r.entityId, list);
    }
    article.quotes.forEach((q, i) => {
      const quote: Quote = {
        id: `${sourceId}-q${i + 1}`,
        speakerId: q.speakerId,
        speaker: q.speaker,
        sourceId,
        text: q.text,
        start: q.start,
        end: q.end,
        partial: q.partial,
        mentions: q.mentions,
      };
      if (q.attribution) quote.attribution = q.attribution;
      quotes.push(quote);
    });
    for (const m of article.mentions) mentions.push({ entityId: m.entityId, sourceId, text: m.text, start: m.start, end: m.end });
  }

  const entities: Entity[] = [...registry.entities]
    .sort((a, b) => a.id.localeCompare(b.id, 'en'))
    .map((e) => {
      const entity: Entity = {
        id: e.id,
        type: e.type,
        name: e.name,
        aliases: [...new Set([...e.aliases, ...e.ambiguousAliases, ...(e.adjectives ?? [])])],
        roles: entityRoles.get(e.id) ?? [],
      };
      if (e.description) entity.description = e.description;
      if (e.ambiguousAliases.length > 0) entity.ambiguousAliases = [...e.ambiguousAliases];
      return entity;
    });

  const context = buildContext(extractions, entities.map((e) => e.id), entityRoles, quotes);
  const claims = buildClaims(registry.claims, extractions);
  const body: Omit<Dataset, 'version'> = { schema: 1, sources, entities, quotes, mentions, context, claims, dictionary };
  return { schema: 1, version: contentHash(JSON.stringify(body)), sources, entities, quotes, mentions, context, claims, dictionary };
}
