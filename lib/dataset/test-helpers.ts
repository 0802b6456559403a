/**
 * Test helpers: an extractor over the project's registry, and the seed articles as the
 * project keeps them. Node only (reads files); imported by tests, never by the extension.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDictionary } from './registry';
import { ARTICLES_DIR, loadDatasetInputs, ROOT } from './inputs';
import { createExtractor, type ExtractedArticle } from '../extract/extract-article';
import { parsePlainTextArticle } from '../extract/plain-text';
import type { ArticleInput } from '../extract/article';

const { registry, articles } = loadDatasetInputs();

/** An extractor using the curated registry's dictionary. */
export const extractWithRegistry: (input: ArticleInput) => ExtractedArticle = createExtractor({ dictionary: buildDictionary(registry), entities: registry.entities });

/** Extracts one bundled article by id ("sputnik-2021-08-19-lavrov"). */
export function extractSeed(id: string): ExtractedArticle {
  const a = articles.find((x) => x.meta.id === id);
  if (!a) throw new Error(`no article ${id}`);
  return extractWithRegistry(parsePlainTextArticle(a.raw, { publisher: a.meta.publisher, language: a.meta.language, timeZone: a.meta.timeZone }));
}

/** Reads a raw seed text. */
export function seedText(file: string): string {
  return readFileSync(join(ARTICLES_DIR, file), 'utf8');
}

/** Reads a test fixture article under tests/fixtures/articles/. */
export function fixture(file: string): string {
  return readFileSync(join(ROOT, 'tests/fixtures/articles', file), 'utf8');
}

/** Paragraph text as plain input: title first, then one block per paragraph. */
export function plain(title: string, ...paragraphs: string[]): ArticleInput {
  return { title, blocks: [{ kind: 'title', text: title }, ...paragraphs.map((text) => ({ kind: 'body' as const, text }))], stripped: [] };
}
