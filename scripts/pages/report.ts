/** The robustness report over saved pages: its shape, its Markdown form and its summary line. */

/** The result for one page. */
export interface PageReport {
  /** Folder name (or file name for loose .html files). */
  name: string;
  /** Size of the HTML file. */
  bytes: number;
  /** Marks the extension drew (size of `backstory*` highlights); null when the page could not be measured. */
  marks: number | null;
  /** Distinct marked texts, case-folded. */
  distinct: number | null;
  /** Most frequent marked texts. */
  top: string[];
  /** Extension scan time from its `backstory*` performance measure; null when it records none. */
  scanMs: number | null;
  /** Longest task with the extension (ms). */
  longestTaskMs: number | null;
  /** Longest task without it (ms), for comparison. */
  plainLongestTaskMs: number | null;
  /** Layout shift with the extension minus without. */
  clsDelta: number | null;
  /** Time to measured state with the extension (ms). */
  loadMs: number | null;
  /** Time to measured state without it (ms). */
  plainLoadMs: number | null;
  /** How many loads without the extension were needed (2 when the first differed). */
  plainLoads: number;
  /** How many loads with it (2 when the second plain load did not explain the difference). */
  extensionLoads: number;
  /** 2 when the first attempt found a problem and the page was measured again from scratch. */
  attempts: number;
  problems: string[];
  notes: string[];
}

/** A whole run. */
export interface RunReport {
  /** The pages folder, as given. */
  dir: string;
  startedAt: string;
  totalMs: number;
  concurrency: number;
  /** Extension name and version from its manifest, and whether it has content scripts. */
  extension: { name: string; version: string; contentScripts: number };
  /** Errors logged by the extension's service worker during the run (they fail the pages open at the time). */
  serviceWorkerErrors: string[];
  pages: PageReport[];
}

/**
 * True when every problem of a first attempt could be the page's own variation (what it shows
 * when timing changes), so a second attempt from scratch is worth making. The extension's own
 * errors and its service worker's errors fail at once.
 */
export function deservesSecondAttempt(first: PageReport): boolean {
  return first.problems.length > 0 && first.problems.every((p) => !/^(extension errors|service worker errors)/.test(p));
}

/** The page's result after a second attempt: that attempt decides, and the first one is kept in its notes. */
export function mergeAttempts(first: PageReport, second: PageReport): PageReport {
  const earlier = `first attempt: ${first.problems.join('; ')}`;
  return second.problems.length
    ? { ...second, attempts: 2, notes: [...second.notes, earlier] }
    : { ...second, attempts: 2, notes: [`passed a second attempt; ${earlier}`, ...second.notes] };
}

/** Pages passed and failed. */
export function tally(run: RunReport): { passed: number; failed: number } {
  const failed = run.pages.filter((p) => p.problems.length > 0).length;
  return { passed: run.pages.length - failed, failed };
}

/** The last line the runner prints: `N passed, N failed`. */
export function summaryLine(run: RunReport): string {
  const { passed, failed } = tally(run);
  return `${passed} passed, ${failed} failed`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function num(n: number | null, digits = 0): string {
  return n === null ? 'n/a' : n.toFixed(digits);
}

/** How many pages had a task over 50 ms (a long task) by the given measure. */
function overLongTask(pages: PageReport[], ms: (p: PageReport) => number | null): number {
  return pages.filter((p) => (ms(p) ?? 0) > 50).length;
}

/** Renders the report as Markdown: a machine-readable summary block first, then one table row per page. */
export function renderMarkdown(run: RunReport): string {
  const { passed, failed } = tally(run);
  const measured = run.pages.filter((p) => p.marks !== null);
  const totalMarks = measured.reduce((s, p) => s + (p.marks ?? 0), 0);
  const withMarks = measured.filter((p) => (p.marks ?? 0) > 0).length;
  const scans = run.pages.map((p) => p.scanMs).filter((x): x is number => x !== null);
  const tasks = run.pages.map((p) => p.longestTaskMs).filter((x): x is number => x !== null);
  const summary = {
    pages: run.pages.length,
    passed,
    failed,
    marks: totalMarks,
    pagesWithMarks: withMarks,
    maxScanMs: scans.length ? Math.max(...scans) : null,
    maxLongestTaskMs: tasks.length ? Math.max(...tasks) : null,
    pagesWithTaskOver50Ms: { with: overLongTask(run.pages, (p) => p.longestTaskMs), without: overLongTask(run.pages, (p) => p.plainLongestTaskMs) },
    pagesLoadedAgain: run.pages.filter((p) => p.plainLoads > 1).length,
    pagesAttemptedTwice: run.pages.filter((p) => p.attempts > 1).length,
    serviceWorkerErrors: run.serviceWorkerErrors.length,
    totalSeconds: Math.round(run.totalMs / 1000),
    startedAt: run.startedAt,
    extension: `${run.extension.name} ${run.extension.version}`,
  };
  const lines = [
    '# Robustness on saved real pages',
    '',
    '```json',
    JSON.stringify(summary, null, 2),
    '```',
    '',
    `Generated by \`npm run test:pages -- ${run.dir}\`: every page is served from 127.0.0.1 (requests to any other host fail at once; images off),`,
    'loaded in Chromium without and with the extension, and compared. A page fails when the extension adds a page error,',
    'changes the visible text or the DOM (its own shadow-root UI host left out), adds layout shift, or logs an error of its own.',
    'When the first plain load differs, a second one measures how much the page varies by itself. A page that still differs',
    'is measured again from scratch, alone, after all the others, and fails only when the extension makes it differ both times',
    '(its own errors fail it at once).',
    '',
    `Extension: ${run.extension.name} ${run.extension.version}, ${run.extension.contentScripts} content script(s).` +
      (run.extension.contentScripts === 0 ? ' It has no content script yet, so nothing is marked.' : ''),
    `Run: ${run.pages.length} pages, concurrency ${run.concurrency}, ${(run.totalMs / 1000).toFixed(0)} s.`,
    '',
    'Columns: marks = highlights drawn; names = distinct marked texts; scan = the extension\'s `backstory*` performance measure;',
    'longest task = with the extension (without it), recorded, not judged (two pages load at once on two cores; the summary',
    'counts the pages with a task over 50 ms each way); CLS delta = layout shift with minus without.',
    '',
  ];
  if (run.serviceWorkerErrors.length) {
    lines.push('Service worker errors:', '', ...run.serviceWorkerErrors.map((e) => `- ${cell(e)}`), '');
  }
  lines.push(
    '| page | bytes | marks | names | scan ms | longest task ms | CLS delta | load ms | problems | notes |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---|',
  );
  for (const p of run.pages) {
    lines.push(
      `| ${cell(p.name)} | ${p.bytes} | ${num(p.marks)} | ${num(p.distinct)} | ${num(p.scanMs, 1)} | ` +
        `${num(p.longestTaskMs)} (${num(p.plainLongestTaskMs)}) | ${num(p.clsDelta, 3)} | ${num(p.loadMs)} | ` +
        `${p.problems.length ? cell(p.problems.join('; ')) : 'none'} | ${cell([...(p.top.length ? [`found: ${p.top.join(', ')}`] : []), ...p.notes].join('; '))} |`,
    );
  }
  lines.push('', `${passed} passed, ${failed} failed`, '');
  return lines.join('\n');
}
