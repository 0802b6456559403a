/**
 * Reads the dataset's inputs from disk (Node only: used by `npm run dataset` and tests, never
 * bundled into the extension).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ArticleFile, ArticleMeta } from './build';
import type { Registry } from './registry';

/** The repository root (this file is lib/dataset/inputs.ts). */
// import.meta.dirname is set by Node and by Vitest's module runner (whose import.meta.url may not be file:).
export const ROOT = resolve(import.meta.dirname, '../..');
/** Where the articles and their metadata live. */
export const ARTICLES_DIR = join(ROOT, 'data/articles');
/** The curated registry. */
export const REGISTRY_PATH = join(ROOT, 'data/registry.json');
/** The generated dataset. */
export const DATASET_PATH = join(ROOT, 'data/dataset.json');

/** Loads every article (one .json metadata file per article, naming its text file) and the registry. */
export function loadDatasetInputs(): { articles: ArticleFile[]; registry: Registry } {
  const articles = readdirSync(ARTICLES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const meta = JSON.parse(readFileSync(join(ARTICLES_DIR, f), 'utf8')) as ArticleMeta;
      return { meta, raw: readFileSync(join(ARTICLES_DIR, meta.file), 'utf8') };
    });
  const registry = JSON.parse(readFileSync(REGISTRY_PATH, 'utf8')) as Registry;
  return { articles, registry };
}
