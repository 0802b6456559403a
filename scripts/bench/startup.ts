/**
 * The content script's start on a page, in Chromium with the built extension, beside the same
 * pages in a browser with an empty extension (the baseline): the task that evaluates the content
 * script, and the longest task on the page's main thread from navigation until a second after the
 * scan (or after `load`, without Backstory). Task durations come from a performance trace.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { freshProfileDir, launchWithExtension } from '../lib/chromium';
import { waitForQuietCpus } from './quiet';
import { median } from './median';

/** A page to load, served at http://startup.invalid/<name>.html. */
export interface StartupPage {
  name: string;
  html: string;
}

/** What one page measured over its loads: median and longest, in ms. */
export interface StartupRow {
  name: string;
  loads: number;
  /** The task that evaluated the content script (its code, and what it runs at once), per load in order. */
  scripts: number[];
  scriptMedian: number;
  scriptMax: number;
  /** The longest task on the page's main thread, with Backstory and without. */
  longestMedian: number;
  longestMax: number;
  baselineMedian: number;
  baselineMax: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string }; beginData?: { url?: string } };
}

const ORIGIN = 'http://startup.invalid/';
/** After the scan (or `load`), the window in which the page's tasks still count. */
const SETTLE_MS = 1000;

/** An extension with nothing in it but a service worker: the baseline browser. */
function emptyExtension(): string {
  const dir = path.join(freshProfileDir('empty-ext-'), 'ext');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'empty', version: '1.0', background: { service_worker: 'sw.js' } }));
  writeFileSync(path.join(dir, 'sw.js'), '');
  return dir;
}

/** Loads `page` once in `context` and returns its tasks: the content script's (0 when none) and the longest. */
async function loadOnce(context: BrowserContext, page: StartupPage, withBackstory: boolean): Promise<{ script: number; longest: number }> {
  const tab: Page = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => void events.push(...(d.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' });
  const url = `${ORIGIN}${page.name}.html`;
  await tab.goto(url, { waitUntil: 'load' });
  if (withBackstory) await tab.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, null, { timeout: 30_000 });
  await tab.waitForTimeout(SETTLE_MS);
  await cdp.send('Tracing.end');
  await complete;
  await tab.close();
  // The page's main thread: the one that parsed it.
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) throw new Error(`No trace of ${url} being parsed`);
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === parse.pid && e.tid === parse.tid);
  const evaluate = events.find((e) => e.name === 'EvaluateScript' && e.pid === parse.pid && e.tid === parse.tid && /content-scripts\/content\.js$/.test(e.args?.data?.url ?? ''));
  const scriptTask = evaluate && tasks.find((t) => t.ts <= evaluate.ts && evaluate.ts + (evaluate.dur ?? 0) <= t.ts + (t.dur ?? 0));
  if (withBackstory && !scriptTask) throw new Error(`No trace of the content script on ${url}`);
  return { script: (scriptTask?.dur ?? 0) / 1000, longest: Math.max(0, ...tasks.map((t) => (t.dur ?? 0) / 1000)) };
}

/** Rows per page, and the content script's task on the very first load in a fresh browser (everything cold). */
export interface StartupResult {
  rows: StartupRow[];
  coldScript: number;
}

/**
 * Loads each page `loads` times with Backstory and as many times without, alternating, after one
 * load of the first page with Backstory: the browser's first content script start, reported on
 * its own.
 */
export async function measureStartup(extensionDir: string, pages: StartupPage[], loads: number): Promise<StartupResult> {
  const launch = (dir: string) => launchWithExtension({ profileDir: freshProfileDir('startup-'), extensionDir: dir, viewport: { width: 1280, height: 900 } });
  const [ext, base] = [await launch(extensionDir), await launch(emptyExtension())];
  const byUrl = new Map(pages.map((p) => [`${ORIGIN}${p.name}.html`, p.html]));
  for (const { context } of [ext, base]) {
    await context.route('**/*', (route) => {
      const html = byUrl.get(route.request().url());
      return html === undefined ? route.abort() : route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
    });
  }
  const rows: StartupRow[] = [];
  let coldScript = 0;
  try {
    // Both browsers' own start-up work is done before the first load is traced.
    await waitForQuietCpus();
    coldScript = (await loadOnce(ext.context, pages[0]!, true)).script;
    for (const page of pages) {
      const withB: { script: number; longest: number }[] = [];
      const without: number[] = [];
      for (let i = 0; i < loads; i++) {
        withB.push(await loadOnce(ext.context, page, true));
        without.push((await loadOnce(base.context, page, false)).longest);
      }
      rows.push({
        name: page.name,
        loads,
        scripts: withB.map((r) => r.script),
        scriptMedian: median(withB.map((r) => r.script)),
        scriptMax: Math.max(...withB.map((r) => r.script)),
        longestMedian: median(withB.map((r) => r.longest)),
        longestMax: Math.max(...withB.map((r) => r.longest)),
        baselineMedian: median(without),
        baselineMax: Math.max(...without),
      });
    }
  } finally {
    await ext.context.close();
    await base.context.close();
  }
  return { rows, coldScript };
}
