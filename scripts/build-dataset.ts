/**
 * `npm run dataset`: rebuilds data/dataset.json from data/articles/ and data/registry.json,
 * validates it, and writes it only when it changed. `--check` fails instead of writing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DATASET_PATH, loadDatasetInputs } from '../lib/dataset/inputs';
import { buildDataset, serializeDataset } from '../lib/dataset/build';
import { validateDataset } from '../lib/dataset/validate-dataset';

const { articles, registry } = loadDatasetInputs();
const dataset = buildDataset(articles, registry);
validateDataset(dataset);
const next = serializeDataset(dataset);
let current = '';
try {
  current = readFileSync(DATASET_PATH, 'utf8');
} catch {
  // First build.
}
const path = DATASET_PATH;
if (process.argv.includes('--check')) {
  if (current !== next) {
    console.error(`${path} is out of date: run npm run dataset`);
    process.exit(1);
  }
} else if (current !== next) {
  writeFileSync(DATASET_PATH, next);
  console.error(`wrote ${path}: ${dataset.sources.length} sources, ${dataset.entities.length} entities, ${dataset.quotes.length} quotes, ${dataset.mentions.length} mentions, ${dataset.claims.length} claims`);
} else {
  console.error(`${path} is up to date`);
}
