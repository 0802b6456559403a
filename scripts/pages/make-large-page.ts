/**
 * Writes a large news-like page (about 5 MB, thousands of paragraphs with the seed names) for timing
 * the scan on a long page: `npx tsx scripts/pages/make-large-page.ts [OUT_DIR] [MEGABYTES]`.
 * The default OUT_DIR is .tmp/large-pages, so the file is never committed; then run
 * `npm run test:pages -- .tmp/large-pages`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SENTENCES = [
  'Russian Foreign Minister Sergei Lavrov said Moscow was in contact with the Taliban.',
  'Zamir Kabulov, the Kremlin envoy for Afghanistan, said the situation in Kabul was calm.',
  'Officials met in Doha to discuss the transition of power and the safety of diplomats.',
  'Markets in the region reacted cautiously as airlines suspended flights over the country.',
  'The embassy said its staff would remain in the capital for the time being.',
  'Analysts cautioned that promises made in the first days would be tested by events.',
];

/** Escapes text for an HTML text node (the sentences are fixed, but keep the page well-formed). */
function text(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** Builds the page's HTML, at least `bytes` long. */
export function largePage(bytes: number): string {
  const head = '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>A very long live blog</title>\n</head>\n<body>\n<h1>Live: Afghanistan</h1>\n';
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const p = `<p id="p${i}">${text(SENTENCES[i % SENTENCES.length]!)} ${text(SENTENCES[(i * 7 + 3) % SENTENCES.length]!)}</p>\n`;
    parts.push(i % 50 === 0 ? `<h2>Update ${i / 50 + 1}</h2>\n${p}` : p);
    size += p.length;
  }
  parts.push('</body>\n</html>\n');
  return parts.join('');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const outDir = resolve(process.argv[2] ?? '.tmp/large-pages');
  const megabytes = Number(process.argv[3] ?? 5);
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'large.html');
  writeFileSync(file, largePage(megabytes * 1024 * 1024));
  console.log(`Wrote ${file}`);
}
