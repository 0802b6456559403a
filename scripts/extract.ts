/**
 * `npm run -s extract -- FILE...`: runs the article extraction (the code the extension runs
 * when a reader saves an article) on plain-text or HTML files and prints JSON to stdout:
 * { "articles": [ { file, title, publisher, published, mentions: [...], quotes: [...] } ] }.
 * Offsets point into each article's plain text. `--full` prints everything extracted (plain
 * text, sentences, roles, ignored scare quotes, stripped furniture) as well.
 *
 * A plain-text file that is one of the bundled articles (same SHA-256 as the copy in
 * data/articles/ or as the file received) gets that article's metadata (publisher, zone).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { DATASET_PATH, loadDatasetInputs } from '../lib/dataset/inputs';
import type { ArticleMeta } from '../lib/dataset/build';
import type { Dataset } from '../lib/dataset/types';
import { createExtractor, type ExtractedArticle } from '../lib/extract/extract-article';
import { htmlToArticle } from '../lib/extract/html-to-article';
import { parsePlainTextArticle } from '../lib/extract/plain-text';

const args = process.argv.slice(2);
const full = args.includes('--full');
const files = args.filter((a) => a !== '--full');
if (files.length === 0) {
  console.error('usage: npm run -s extract -- [--full] FILE...');
  process.exit(2);
}

const dataset = JSON.parse(readFileSync(DATASET_PATH, 'utf8')) as Dataset;
const extract = createExtractor(dataset);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const known = new Map<string, ArticleMeta>();
for (const { meta, raw } of loadDatasetInputs().articles) {
  known.set(meta.received.sha256, meta);
  known.set(sha256(raw), meta);
}

function read(file: string): ExtractedArticle {
  const raw = readFileSync(file, 'utf8');
  if (/\.x?html?$/iu.test(file) || /^\s*<(?:!doctype|html)/iu.test(raw)) {
    const { document } = parseHTML(raw);
    return extract(htmlToArticle(document as unknown as Document));
  }
  const meta = known.get(sha256(raw));
  return extract(parsePlainTextArticle(raw, meta ? { publisher: meta.publisher, language: meta.language, url: meta.url, timeZone: meta.timeZone } : {}));
}

const articles = files.map((file) => {
  const a = read(file);
  const summary = {
    file,
    title: a.title,
    publisher: a.publisher,
    published: a.published,
    mentions: a.mentions.map(({ entityId, text, start, end }) => ({ entityId, text, start, end })),
    quotes: a.quotes.map(({ text, speakerId, speaker, start, end }) => ({ text, speakerId, speaker, start, end })),
  };
  return full ? { ...summary, ...a, file } : summary;
});
process.stdout.write(`${JSON.stringify({ articles }, null, 2)}\n`);
