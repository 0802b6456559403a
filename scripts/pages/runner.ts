/**
 * Runs every saved page through Chromium without and with the extension and judges the difference.
 * One static server, one plain browser (a fresh context per load) and one browser with the extension
 * (each load on its own `pN.localhost` origin, so no page sees another's storage).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { CHROME_BUILD_DIR, QUIET_FLAGS, chromiumPath, freshProfileDir, launchWithExtension } from '../lib/chromium';
import { serveStatic } from '../lib/serve';
import { judge, type LoadResult } from './compare';
import { listPages, type PageEntry } from './discover';
import { installProbe, settle, snapshot, type SettleOptions } from './in-page';
import { PageProbe } from './page-probe';
import { deservesSecondAttempt, mergeAttempts, type PageReport, type RunReport } from './report';

/** Options for {@link runPages}. */
export interface RunOptions {
  /** Folder of `NAME/source.html` pages or loose .html files. */
  dir: string;
  /** Built extension folder (default: .output/chrome-mv3). */
  extensionDir?: string;
  /** Pages measured at once (default 2). */
  concurrency?: number;
  /** Only these page names. */
  only?: string[];
  /** Give up on one page after this long (ms, default 60 s). */
  pageTimeoutMs?: number;
  /** Called as each page finishes. */
  onPage?: (page: PageReport, done: number, total: number) => void;
  /** Called as each failed page finishes its second attempt. */
  onRecheck?: (page: PageReport) => void;
}


const VIEWPORT = { width: 1280, height: 900 };
const LOAD_TIMEOUT_MS = 15_000;
/**
 * Images stay off in both browsers. Every image here fails (its host is blocked), and whether it
 * fails before or after the page's first paint decides whether the page shifts by itself: on
 * wikipedia-2 that is 0 or 0.08 from one load to the next, with or without the extension.
 * Without images that noise is gone and a shift the extension adds stands out.
 */
const PAGE_FLAGS = ['--blink-settings=imagesEnabled=false'];
const PLAIN_SETTLE: SettleOptions = { quietMs: 300, capMs: 3_000, waitForMarks: false, stableMs: 0 };

/** True for hosts the local server answers: everything else fails at once. */
function isLocal(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname.endsWith('.localhost');
}

async function blockExternal(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:') && !isLocal(url),
    (route) => route.abort().catch(() => {}),
  );
}

function readManifest(dir: string): RunReport['extension'] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { name?: string; version?: string; content_scripts?: unknown[] };
  return { name: manifest.name ?? '?', version: manifest.version ?? '?', contentScripts: manifest.content_scripts?.length ?? 0 };
}

/** Loads one URL in a new tab of `context`, settles and measures it, and closes the tab. */
async function loadOnce(
  context: BrowserContext,
  url: string,
  settleOpts: SettleOptions,
  pageShadowTags: string[] | null,
  open: Set<Page>,
  extensionOrigin?: string,
): Promise<LoadResult> {
  const page = await context.newPage();
  open.add(page);
  try {
    const probe = await PageProbe.attach(context, page, installProbe, extensionOrigin);
    const started = performance.now();
    let loadTimedOut = false;
    try {
      await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    } catch (error) {
      if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
      loadTimedOut = true;
    }
    const settled = await probe.run(settle, settleOpts);
    const snap = await probe.run(snapshot, { pageShadowTags });
    await probe.detach();
    return {
      snapshot: snap,
      settled,
      pageErrors: probe.pageErrors,
      extensionErrors: probe.extensionErrors,
      loadMs: Math.round(performance.now() - started),
      loadTimedOut,
    };
  } finally {
    open.delete(page);
    await page.close().catch(() => {});
  }
}

function pageReport(entry: PageEntry, problems: string[], notes: string[], plain: LoadResult[], exts: LoadResult[]): PageReport {
  const s = exts[0]?.snapshot;
  const plainMax = (f: (l: LoadResult) => number): number | null => (plain.length ? Math.max(...plain.map(f)) : null);
  const extMin = (f: (l: LoadResult) => number): number | null => (exts.length ? Math.min(...exts.map(f)) : null);
  const cls = extMin((l) => l.snapshot.cls);
  const plainCls = plainMax((l) => l.snapshot.cls);
  return {
    name: entry.name,
    bytes: entry.bytes,
    marks: s ? s.marks : null,
    distinct: s ? s.distinct : null,
    top: s?.top ?? [],
    scanMs: s?.scanMs ?? null,
    longestTaskMs: s ? s.longestTaskMs : null,
    plainLongestTaskMs: plainMax((l) => l.snapshot.longestTaskMs),
    clsDelta: cls !== null && plainCls !== null ? Math.round((cls - plainCls) * 1000) / 1000 : null,
    loadMs: exts[0]?.loadMs ?? null,
    plainLoadMs: plain[0]?.loadMs ?? null,
    plainLoads: plain.length,
    extensionLoads: exts.length,
    attempts: 1,
    problems,
    notes: [...new Set(notes)],
  };
}

/** Runs the pages in `opts.dir` and returns the report (it does not print or write anything). */
export async function runPages(opts: RunOptions): Promise<RunReport> {
  const startedAt = new Date();
  const t0 = performance.now();
  const extensionDir = opts.extensionDir ?? CHROME_BUILD_DIR;
  const extension = readManifest(extensionDir);
  const entries = listPages(opts.dir, opts.only);
  const concurrency = opts.concurrency ?? 2;
  const pageTimeoutMs = opts.pageTimeoutMs ?? 60_000;
  const extSettle: SettleOptions =
    extension.contentScripts > 0 ? { quietMs: 300, capMs: 5_000, waitForMarks: true, stableMs: 800 } : PLAIN_SETTLE;

  const server = await serveStatic({ '/': opts.dir });
  const port = new URL(server.url).port;
  let browser: Browser | undefined;
  let extContext: BrowserContext | undefined;
  let profileDir: string | undefined;
  const swErrors: string[] = [];
  const inFlight = new Map<string, string[]>(); // page name -> service worker errors seen while it loaded
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...QUIET_FLAGS, ...PAGE_FLAGS] });
    profileDir = freshProfileDir('pages-');
    const session = await launchWithExtension({ profileDir, extensionDir, viewport: VIEWPORT, args: PAGE_FLAGS });
    extContext = session.context;
    const extensionOrigin = `chrome-extension://${session.extensionId}`;
    await blockExternal(extContext);
    const onSwError = (text: string): void => {
      swErrors.push(text);
      for (const list of inFlight.values()) list.push(text);
    };
    const watch = (worker: Worker): void => {
      worker.on('console', (m) => {
        if (m.type() === 'error') onSwError(m.text());
      });
      // Uncaught errors in the worker go to its console, where the listener above sees them.
      worker
        .evaluate(() => {
          self.addEventListener('error', (e) => console.error((e as ErrorEvent).message));
          self.addEventListener('unhandledrejection', (e) => console.error(`Unhandled rejection: ${String((e as PromiseRejectionEvent).reason)}`));
        })
        .catch(() => {});
    };
    watch(session.worker);
    extContext.on('serviceworker', watch);

    let origin = 0;
    const extUrl = (entry: PageEntry): string => `http://p${++origin}.localhost:${port}/${entry.path.split('/').map(encodeURIComponent).join('/')}`;
    const plainBrowser = browser;
    const plainLoad = async (url: string, open: Set<Page>): Promise<LoadResult> => {
      const context = await plainBrowser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
      try {
        await blockExternal(context);
        return await loadOnce(context, url, PLAIN_SETTLE, null, open);
      } finally {
        await context.close().catch(() => {});
      }
    };

    const testPage = async (entry: PageEntry): Promise<PageReport> => {
      const open = new Set<Page>();
      const plain: LoadResult[] = [];
      const exts: LoadResult[] = [];
      const swSeen: string[] = [];
      const extLoad = async (): Promise<LoadResult> => {
        inFlight.set(entry.name, swSeen);
        try {
          return await loadOnce(extContext!, extUrl(entry), extSettle, [...new Set(plain.flatMap((p) => p.snapshot.shadowTags))], open, extensionOrigin);
        } finally {
          inFlight.delete(entry.name);
        }
      };
      // One load each; on any problem, a second plain load to measure the page's own variation,
      // then a second load with the extension, since pages race their own timers and failed requests.
      const work = (async (): Promise<PageReport> => {
        plain.push(await plainLoad(extUrl(entry), open));
        exts.push(await extLoad());
        let verdict = judge(plain, exts);
        if (verdict.retry) {
          plain.push(await plainLoad(extUrl(entry), open));
          verdict = judge(plain, exts);
        }
        if (verdict.retry) {
          exts.push(await extLoad());
          verdict = judge(plain, exts);
        }
        const problems = [...verdict.problems];
        if (swSeen.length) problems.push(`service worker errors during the load: ${swSeen.slice(0, 2).join('; ')}`);
        return pageReport(entry, problems, verdict.notes, plain, exts);
      })();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<PageReport>((done) => {
        timer = setTimeout(() => done(pageReport(entry, [`no result within ${pageTimeoutMs / 1000} s`], [], plain, exts)), pageTimeoutMs);
      });
      try {
        return await Promise.race([
          work.catch((error: unknown) => pageReport(entry, [`could not be measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`], [], plain, exts)),
          timeout,
        ]);
      } finally {
        clearTimeout(timer);
        inFlight.delete(entry.name);
        for (const page of open) await page.close().catch(() => {});
      }
    };

    const results: PageReport[] = new Array(entries.length);
    let next = 0;
    let done = 0;
    const lane = async (): Promise<void> => {
      while (next < entries.length) {
        const index = next++;
        const report = await testPage(entries[index]!);
        results[index] = report;
        opts.onPage?.(report, ++done, entries.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, lane));

    // Pages race their own timers, late images and failed requests, and a loaded machine shifts
    // that timing. A page whose problems could be such variation gets a second, independent
    // attempt alone once the others are done: it fails only when the extension makes it differ in
    // both. Both attempts stay in the report.
    for (let index = 0; index < results.length; index++) {
      const first = results[index]!;
      if (!deservesSecondAttempt(first)) continue;
      results[index] = mergeAttempts(first, await testPage(entries[index]!));
      opts.onRecheck?.(results[index]!);
    }

    return {
      dir: opts.dir,
      startedAt: startedAt.toISOString(),
      totalMs: Math.round(performance.now() - t0),
      concurrency,
      extension,
      serviceWorkerErrors: swErrors,
      pages: results,
    };
  } finally {
    await extContext?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  }
}
