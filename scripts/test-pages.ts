/**
 * `npm run test:pages -- DIR [--only a,b] [--concurrency N] [--extension DIR] [--report FILE]`
 *
 * Loads every saved page in DIR (`NAME/source.html` folders or loose .html files) in Chromium
 * without and with the built extension, served from localhost with every other host failing at
 * once and images off, and fails when the extension breaks any page: page errors it adds, visible text or DOM it
 * changes, layout shift, or errors of its own. Writes docs/pages-report.md (a partial run with
 * --only writes .tmp/pages-report.md instead) and .tmp/pages-report.json. The last line printed is
 * `N passed, N failed`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runPages } from './pages/runner';
import { renderMarkdown, summaryLine, type PageReport } from './pages/report';

const ROOT = resolve(import.meta.dirname, '..');

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      only: { type: 'string' },
      concurrency: { type: 'string' },
      extension: { type: 'string' },
      report: { type: 'string' },
    },
  });
  const dirArg = positionals[0] ?? '../shared/pages';
  const dir = resolve(dirArg);
  if (!existsSync(dir)) {
    console.error(`No pages folder at ${dir}. Usage: npm run test:pages -- DIR`);
    return 2;
  }
  const only = values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : [];
  const reportPath = resolve(values.report ?? (only.length ? '.tmp/pages-report.md' : join(ROOT, 'docs/pages-report.md')));

  const line = (p: PageReport, done: number, total: number): void => {
    const status = p.problems.length ? 'FAIL' : 'ok  ';
    const marks = p.marks === null ? '' : ` ${p.marks} marks`;
    console.log(`[${String(done).padStart(3)}/${total}] ${status} ${p.name}${marks}${p.problems.length ? `: ${p.problems.join('; ')}` : ''}`);
  };
  const run = await runPages({
    dir,
    only,
    extensionDir: values.extension ? resolve(values.extension) : undefined,
    concurrency: values.concurrency ? Number(values.concurrency) : undefined,
    onPage: line,
    onRecheck: (p) => {
      const status = p.problems.length ? 'FAIL' : 'ok  ';
      console.log(`[again] ${status} ${p.name}${p.problems.length ? `: ${p.problems.join('; ')}` : ' (second attempt)'}`);
    },
  });
  run.dir = relative(ROOT, dir) || '.';
  if (run.pages.length === 0) {
    console.error(`No pages found in ${dir}.`);
    return 2;
  }

  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, renderMarkdown(run));
  const jsonPath = join(ROOT, '.tmp/pages-report.json');
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, JSON.stringify(run, null, 2) + '\n');
  console.log(`\nReport: ${relative(process.cwd(), reportPath)} (JSON: ${relative(process.cwd(), jsonPath)}), ${(run.totalMs / 1000).toFixed(0)} s`);
  const summary = summaryLine(run);
  console.log(`pages: ${summary}`);
  console.log(summary);
  return run.pages.some((p) => p.problems.length) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
