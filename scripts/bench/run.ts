/**
 * `npm run bench`: the page annotator against a bare text walk and mark.js, in real Chromium,
 * on generated news-like pages (50 KB, 500 KB, 5 MB of text) with 100 to 50,000 aliases; then the
 * content script's start with the built extension (`npm run bench` builds it first), beside an
 * empty extension (startup.ts). Writes BENCHMARKS.md. Chromium comes from $CHROMIUM_PATH or
 * /usr/bin/chromium.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { DictionaryTerm } from '../../lib/dataset/types';
import { anchorHighlightRules } from '../lib/highlight-rules';
import { CHROME_BUILD_DIR } from '../lib/chromium';
import { DEMO_DIR } from '../lib/serve';
import { benchBundle } from './bundle';
import { dictionary, newsPage, SEED_TERMS } from './generate';
import { median } from './median';
import { waitForQuietCpus, type QuietResult } from './quiet';
import { measureStartup, type StartupResult } from './startup';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAGE_SIZES = [50_000, 500_000, 5_000_000];
const DICT_SIZES = [100, 1_000, 10_000, 50_000];
/** Runs per measurement; the median is reported. */
const ITERATIONS = 7;
/** Untimed scans before those (the first is reported on its own): the engine's compilers tier up the hot code. */
const WARMUP = 3;
/** `npm run bench -- 500000x1000,5000000x50000` measures only those cells (and does not write BENCHMARKS.md). */
const ONLY = process.argv.slice(2).join(',').split(',').filter(Boolean);
const MARKJS_TIMEOUT_MS = 30_000;
/**
 * The target cell (500 KB × 1,000 aliases) is measured again in fresh browser processes, in groups
 * of these sizes at three points of the run (when its row runs, after the 10,000-alias rows, after
 * the 50,000-alias rows), and judged on the median over them and the row's own process. On this
 * shared virtual machine everything runs up to twice as slow now and then, for seconds to
 * minutes, so neither one process nor one moment is a verdict.
 */
const TARGET_GROUPS = [2, 3, 3];
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--js-flags=--expose-gc', '--enable-precise-memory-info'];
const URL_ = 'http://bench.invalid/page.html';

interface OurResult {
  chars: number;
  floorMs: number;
  compileMs: number;
  compileWarmMs: number;
  compileBytes: number;
  heapBytes: number;
  scanMs: number;
  /** The first scan of the page, before any warm-up: what a tab pays on its first page. */
  firstScanMs: number;
  marks: number;
  chunkedMs: number;
  longestSliceMs: number;
  longTasks: number;
  stylesMs: number;
  /** Hover hit test, µs per call: the browser's caret lookup alone, then Backstory's hit test over marks and anywhere. */
  hover: { caretUs: number; overMarkUs: number; anywhereUs: number; found: number; points: number };
}

function realTerms(): { terms: DictionaryTerm[]; from: string } {
  const file = path.join(root, 'data/dataset.json');
  if (existsSync(file)) {
    const d = JSON.parse(readFileSync(file, 'utf8')) as { dictionary?: DictionaryTerm[] };
    if (Array.isArray(d.dictionary) && d.dictionary.length) return { terms: d.dictionary, from: 'data/dataset.json' };
  }
  return { terms: SEED_TERMS, from: 'built-in seed names' };
}


/** Every wait for quiet CPUs before a measurement, for the machine notes. */
const quietWaits: QuietResult[] = [];

/**
 * Nothing is timed until the CPUs are quiet: a browser just launched, or a page just opened in a
 * new renderer, keeps both cores busy for about a second with its own start-up work (quiet.ts).
 */
async function untilQuiet(): Promise<void> {
  quietWaits.push(await waitForQuietCpus());
}

/** Opens the page with `scripts` added, and waits until the CPUs are quiet. */
async function openPage(browser: Browser, html: string, scripts: string[]): Promise<Page> {
  const page = await browser.newPage();
  await page.route('**/*', (route) => (route.request().url() === URL_ ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }) : route.abort()));
  await page.goto(URL_);
  // tsx compiles this file with keepNames: functions passed to evaluate() call __name.
  await page.addScriptTag({ content: 'globalThis.__name = (f) => f;' });
  for (const content of scripts) await page.addScriptTag({ content });
  await untilQuiet();
  return page;
}

async function measureOurs(page: Page, terms: DictionaryTerm[]): Promise<OurResult> {
  return page.evaluate(async ({ terms, iterations, warmup, shippedCss }) => {
    type Bench = {
      compileMatcher: (t: unknown) => { byteLength: number };
      createAnnotator: (o: unknown) => { start(): Promise<void>; setEnabled(on: boolean): Promise<void>; marks(): unknown[] };
      yieldToPage: () => Promise<void>;
      cssHighlighter: (d: Document) => { clear(): void; dispose(): void };
      adoptPageStyles: (d: Document, css: string) => void;
      bareWalk: (d: Document) => number;
    };
    const b = (globalThis as unknown as { backstoryBench: Bench }).backstoryBench;
    const gc = (globalThis as unknown as { gc?: () => void }).gc ?? (() => {});
    const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
    const median = (xs: number[]) => xs.sort((a, c) => a - c)[xs.length >> 1]!;
    const longTasks: number[] = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });

    const floors: number[] = [];
    let chars = 0;
    for (let i = 0; i < iterations; i++) {
      const t = performance.now();
      chars = b.bareWalk(document);
      floors.push(performance.now() - t);
    }
    gc();
    await new Promise((r) => setTimeout(r, 50));
    gc();
    const h0 = heap();
    let t = performance.now();
    const matcher = b.compileMatcher(terms);
    const compileMs = performance.now() - t;
    // Temporary buffers are freed after the collection that finds them dead: settle twice.
    gc();
    await new Promise((r) => setTimeout(r, 50));
    gc();
    const heapBytes = heap() - h0;
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      b.compileMatcher(terms);
      warm.push(performance.now() - t);
    }

    // The page styles restyle a rendered page once when adopted; measured on its own. (The
    // extension's manifest injects them before the page is parsed, where they cost nothing.)
    t = performance.now();
    b.adoptPageStyles(document, shippedCss);
    void document.body.offsetHeight;
    const stylesMs = performance.now() - t;
    const highlighter = b.cssHighlighter(document);
    const scans: number[] = [];
    let marks = 0;
    let firstScanMs = 0;
    for (let i = -warmup; i < iterations; i++) {
      const a = b.createAnnotator({ root: document, matcher, highlighter, budgetMs: 1e9, typeOf: () => 'person' });
      t = performance.now();
      await a.start();
      void document.body.offsetHeight; // any layout cost counts (there should be none)
      const ms = performance.now() - t;
      if (i === -warmup) firstScanMs = ms;
      if (i >= 0) scans.push(ms);
      marks = a.marks().length;
      await a.setEnabled(false); // clears the marks, keeps the page's styles
      void document.body.offsetHeight;
    }
    // The real configuration: chunks that yield to the page. Longest slice between yields.
    let sliceStart = 0;
    let longest = 0;
    const pause = async () => {
      longest = Math.max(longest, performance.now() - sliceStart);
      await b.yieldToPage();
      sliceStart = performance.now();
    };
    const longests: number[] = [];
    const longCounts: number[] = [];
    const chunkedTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const a = b.createAnnotator({ root: document, matcher, highlighter, yieldToPage: pause, typeOf: () => 'person' });
      longest = 0;
      await new Promise((r) => setTimeout(r, 60));
      longTasks.length = 0;
      t = sliceStart = performance.now();
      await a.start();
      longest = Math.max(longest, performance.now() - sliceStart);
      chunkedTimes.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 60));
      longests.push(longest);
      longCounts.push(longTasks.length);
      await a.setEnabled(false);
    }
    const chunkedMs = median(chunkedTimes);

    // Hover: the hit test the card runs (at most once per frame), at the centres of the marks in
    // view and on a grid over the whole viewport, against the browser's own caret lookup alone.
    type HitAnnotator = { start(): Promise<void>; marks(): { range: AbstractRange }[]; hitTest(x: number, y: number): unknown; stop(): void };
    const hover = b.createAnnotator({ root: document, matcher, highlighter, budgetMs: 1e9, typeOf: () => 'person' }) as unknown as HitAnnotator;
    await hover.start();
    const overMarks: [number, number][] = [];
    for (const m of hover.marks()) {
      const live = document.createRange();
      live.setStart(m.range.startContainer, m.range.startOffset);
      live.setEnd(m.range.endContainer, m.range.endOffset);
      const box = live.getClientRects()[0];
      if (!box || box.top > innerHeight) break;
      if (box.top >= 0 && box.left >= 0 && box.right <= innerWidth) overMarks.push([box.left + box.width / 2, box.top + box.height / 2]);
    }
    const grid: [number, number][] = [];
    for (let gx = 0.5; gx < 20; gx++) for (let gy = 0.5; gy < 20; gy++) grid.push([(gx * innerWidth) / 20, (gy * innerHeight) / 20]);
    const perCall = (points: [number, number][], f: (x: number, y: number) => unknown) => {
      const runs: number[] = [];
      for (let r = 0; r < 7; r++) {
        const t0 = performance.now();
        for (let k = 0; k < 5; k++) for (const [x, y] of points) f(x, y);
        runs.push(((performance.now() - t0) * 1000) / (5 * points.length));
      }
      return median(runs);
    };
    const caret = (x: number, y: number) => document.caretPositionFromPoint(x, y);
    const hit = (x: number, y: number) => hover.hitTest(x, y);
    const found = overMarks.filter(([x, y]) => hover.hitTest(x, y) !== null).length;
    const hoverResult = { caretUs: perCall(grid, caret), overMarkUs: perCall(overMarks, hit), anywhereUs: perCall(grid, hit), found, points: overMarks.length };
    hover.stop();
    return {
      hover: hoverResult,
      chars,
      floorMs: median(floors),
      compileMs,
      compileWarmMs: median(warm),
      compileBytes: matcher.byteLength,
      heapBytes,
      scanMs: median(scans),
      firstScanMs,
      marks,
      chunkedMs,
      longestSliceMs: median(longests),
      longTasks: median(longCounts),
      stylesMs,
    };
  }, { terms, iterations: ITERATIONS, warmup: WARMUP, shippedCss: SHIPPED_CSS } as unknown as never);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Our measurements of one page in a browser process of its own. */
async function inFreshBrowser(html: string, code: string, terms: DictionaryTerm[]): Promise<OurResult> {
  const browser = await chromium.launch({ executablePath, args: BROWSER_ARGS });
  try {
    return await measureOurs(await openPage(browser, html, [code]), terms);
  } finally {
    await browser.close();
  }
}

/** A mark.js run: the first on a fresh copy of the page, and (markRegExp up to 500 KB) the median of later runs on it. */
interface MarkJsResult {
  ms: number;
  /** After warm-up: the same page unmarked and marked again, like Backstory's scan+mark column. */
  warmMs?: number;
  marks: number;
}

/** Warm runs of markRegExp per page (after one untimed): where a run takes under a second or so. */
const MARKJS_WARM_RUNS = 3;

/**
 * mark.js on a fresh copy of the page; null when it did not finish within the time limit. With
 * `warm`, markRegExp then runs again on the same page (unmarked in between, which restores the
 * page's text nodes), once untimed and MARKJS_WARM_RUNS times timed: the engine has optimised
 * mark.js by then, as it has Backstory in the scan+mark column.
 */
async function measureMarkJs(browser: Browser, html: string, markJs: string, terms: DictionaryTerm[], mode: 'regexp' | 'array', warm = false): Promise<MarkJsResult | null> {
  const page = await openPage(browser, html, [markJs]);
  const texts = terms.filter((t) => t.entityId !== null).map((t) => t.text).sort((a, b) => b.length - a.length);
  const run = page.evaluate(
    async ({ texts, mode, source, warmRuns }) => {
      type MarkJs = { markRegExp(r: RegExp, o: object): void; mark(k: string[], o: object): void; unmark(o: object): void };
      const Mark = (globalThis as unknown as { Mark: new (el: Element) => MarkJs }).Mark;
      const instance = new Mark(document.body);
      const once = () =>
        new Promise<{ ms: number; marks: number }>((resolve) => {
          const t = performance.now();
          const done = (marks: number) => {
            void document.body.offsetHeight; // mark.js changes the DOM: its layout cost counts
            resolve({ ms: performance.now() - t, marks });
          };
          if (mode === 'regexp') instance.markRegExp(new RegExp(source, 'gu'), { done });
          else instance.mark(texts, { separateWordSearch: false, diacritics: false, caseSensitive: true, accuracy: 'exactly', done });
        });
      const first = await once();
      if (!warmRuns) return first;
      const times: number[] = [];
      for (let i = 0; i <= warmRuns; i++) {
        await new Promise<void>((resolve) => instance.unmark({ done: () => resolve() }));
        void document.body.offsetHeight;
        const r = await once();
        if (i > 0) times.push(r.ms);
      }
      return { ...first, warmMs: times.sort((a, b) => a - b)[times.length >> 1]! };
    },
    { texts, mode, source: `(?<![\\p{L}\\p{N}])(?:${texts.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, warmRuns: warm ? MARKJS_WARM_RUNS : 0 },
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), MARKJS_TIMEOUT_MS * (warm ? 2 + MARKJS_WARM_RUNS : 1))));
  const result = await Promise.race([run, timeout]).catch(() => null);
  clearTimeout(timer);
  await page.close().catch(() => {});
  return result;
}

/** Medians of `n` runs, first and warm separately (null when any run timed out). */
async function medianMarkJs(n: number, run: () => Promise<MarkJsResult | null>): Promise<MarkJsResult | null> {
  const results: MarkJsResult[] = [];
  for (let i = 0; i < n; i++) {
    const r = await run();
    if (!r) return null;
    results.push(r);
  }
  const warms = results.flatMap((r) => (r.warmMs === undefined ? [] : [r.warmMs]));
  return { ms: median(results.map((r) => r.ms)), warmMs: warms.length ? median(warms) : undefined, marks: results[0]!.marks };
}

/** The page styles as the Chromium build ships them (the scan is timed with these in place). */
const SHIPPED_CSS = anchorHighlightRules(readFileSync(path.join(root, 'lib/scan/page-styles.css'), 'utf8'));

/** The page styles as each build injects them: none, anchored on :root (Chromium), universal (Firefox, shadow roots). */
const RESTYLE_VARIANTS = (source: string) => ({ none: '', chromium: anchorHighlightRules(source), universal: source });

/**
 * The page's own full restyle (a custom property on :root and the body's colour change, then a
 * forced layout: every element's style is recomputed), with the page styles in place from before
 * the page was parsed, as the manifest puts them. Median of 9 restyles on each of 3 fresh pages.
 */
async function measureRestyle(browser: Browser, html: string, css: string): Promise<number> {
  const perPage: number[] = [];
  for (let k = 0; k < 3; k++) {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url() === URL_ ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }) : route.abort()));
    if (css) await page.addInitScript({ content: `{ const s = new CSSStyleSheet(); s.replaceSync(${JSON.stringify(css)}); document.adoptedStyleSheets = [s]; }` });
    await page.goto(URL_);
    await untilQuiet();
    const ms = (await page.evaluate(`(() => {
      const times = [];
      for (let i = 0; i < 9; i++) {
        const t = performance.now();
        document.documentElement.style.setProperty('--bench-restyle', String(i));
        document.body.style.color = i % 2 ? 'rgb(0, 0, 1)' : 'rgb(0, 0, 2)';
        void document.body.offsetHeight;
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b)[4];
    })()`)) as number;
    perPage.push(ms);
    await page.close();
  }
  return perPage.sort((a, b) => a - b)[1]!;
}

/** Loads per page in the content script's start section (each with Backstory and without). */
const STARTUP_LOADS = 7;

function startupRow(r: StartupResult['rows'][number]): string {
  return `| ${r.name} | ${f(r.scriptMedian)} / ${f(r.scriptMax)} | ${f(r.longestMedian)} / ${f(r.longestMax)} | ${f(r.baselineMedian)} / ${f(r.baselineMax)} |`;
}

/** What the waits for quiet CPUs found, for the machine notes. */
function quietNote(waits: readonly QuietResult[]): string {
  if (!waits.length || waits.every((w) => Number.isNaN(w.busy))) return 'CPU use could not be read (no /proc/stat), so measurements started without waiting for quiet CPUs.';
  const loud = waits.filter((w) => !w.quiet).length;
  return (
    `Each measurement started once the CPUs had been under 15% busy for a quarter of a second (a browser just launched, or a page just opened, keeps both cores busy for about a second): ` +
    `${waits.length} waits, median ${f(median(waits.map((w) => w.waitedMs)))} ms, longest ${f(Math.max(...waits.map((w) => w.waitedMs)))} ms` +
    `${loud ? `; ${loud} never went quiet within 20 s and were measured on a busy machine` : ''}.`
  );
}

const f = (ms: number | undefined) => (ms === undefined ? 'n/a' : ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en'));
const kb = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} KB`);

/**
 * Where the 500 KB scan's time goes, and why it is slower now and then: from CPU profiles of warm
 * scans and of scans as the machine slowed down (2026-12-04). Update it when the code changes.
 */
const WHERE_THE_TIME_GOES =
  'Where the time goes (a CPU profile of 40 warm scans, 500 KB × 1,000 aliases): matching about a quarter (the RegExp ' +
  'engine finds where a name may start, the trie walks from there), the text walk about a fifth, one StaticRange per ' +
  'match about an eighth, checking that the elements holding names are rendered about a ninth, garbage collection ' +
  'about a tenth, joining node texts into batches and queuing the marks under a tenth, drawing the marks the rest. ' +
  'The cost hardly depends on the dictionary size: it is per character and per mark, not per alias. Measured right ' +
  'after a browser starts, the same scan took 14–22 ms: a browser just launched keeps both cores 70–90% busy for ' +
  'about a second, so every measurement now waits until the CPUs are quiet. This shared virtual machine still ' +
  'runs everything up to twice as slowly now and then, for seconds to minutes (profiled as it happened: matching, ' +
  'the walk, StaticRange and checkVisibility all took twice as long), which is why the cell is measured at three ' +
  'points of the run. ' +
  'The first scan of a page is slower again because the engine has not yet optimised the code.';

/** What the targets are judged on. */
interface Verdict {
  /** Medians across browser processes; `row` and `groups`: each process's median (the row's own, then the fresh ones group by group). */
  mid?: { ms: number; first: number; row: number; groups: number[][]; speedup: number | null; firstSpeedup: number | null; load: number };
  compile50k?: { ms: number; heap: number };
  big: { slice: number; tasks: number; dict: number }[];
  /** The slowest hover hit test over a mark, in µs, and where. */
  hover?: { us: number; where: string };
  startup?: StartupResult;
}

/** The target cell's fresh processes, group by group: "12.0, 11.5 | 12.2, 13.0, 11.9 | ...". */
function targetGroupsText(groups: readonly number[][]): string {
  return groups.map((g) => g.map((ms) => f(ms)).join(', ')).join(' | ');
}

/** One line per target: met or missed, and by how much. */
function targets(v: Verdict): string {
  const out: string[] = [];
  const by = (value: number, limit: number, unit: string) => (value <= limit ? 'met' : `missed by ${f(value - limit)} ${unit} (${((value / limit - 1) * 100).toFixed(0)}% over)`);
  if (v.mid) {
    out.push(
      `- 500 KB with 1,000 aliases scanned and marked in ≤ 15 ms: ${f(v.mid.ms)} ms, ${by(v.mid.ms, 15, 'ms')}. ` +
        `That is the median over ${1 + v.mid.groups.flat().length} browser processes of each one's median after warm-up: the row's (${f(v.mid.row)} ms) and fresh ones in ${v.mid.groups.length} groups over the run (${targetGroupsText(v.mid.groups)} ms); ` +
        `the first scan of the page took ${f(v.mid.first)} ms (load ${v.mid.load.toFixed(1)}).`,
    );
    out.push(`  ${WHERE_THE_TIME_GOES}`);
    const x = (n: number | null) => (n === null ? 'not measured' : `${n.toFixed(1)}×`);
    out.push(
      `- ≥ 10× faster than mark.js markRegExp there: ${x(v.mid.speedup)} with both warmed up (${x(v.mid.firstSpeedup)} first scan against first run), ` +
        `${v.mid.speedup === null ? 'not measured' : v.mid.speedup >= 10 && (v.mid.firstSpeedup ?? 0) >= 10 ? 'met' : v.mid.speedup >= 10 ? 'met after warm-up, missed on the first scan' : 'missed'}.`,
    );
  }
  if (v.compile50k) {
    out.push(`- 50,000 aliases compiled in ≤ 200 ms: ${f(v.compile50k.ms)} ms (cold), ${by(v.compile50k.ms, 200, 'ms')}.`);
    out.push(`- … in ≤ 20 MB: ${(v.compile50k.heap / 1e6).toFixed(2)} MB of JS heap retained, ${by(v.compile50k.heap / 1e6, 20, 'MB')}.`);
  }
  for (const b of v.big) {
    out.push(`- No task over 50 ms on the 5 MB page (${b.dict.toLocaleString('en')} aliases): longest slice ${f(b.slice)} ms, ${b.tasks} long task(s) reported, ${b.slice <= 50 && b.tasks === 0 ? 'met' : 'missed'}.`);
  }
  if (v.startup) {
    const worst = Math.max(...v.startup.rows.map((r) => r.scriptMax));
    const longest = Math.max(...v.startup.rows.map((r) => r.longestMax));
    const without = Math.max(...v.startup.rows.map((r) => r.baselineMax));
    out.push(
      `- The content script must not slow any page (no task over 50 ms): its start took at most ${f(worst)} ms (${worst <= 50 ? 'met' : 'missed'}); ` +
        `the longest task with Backstory ${f(longest)} ms, without ${f(without)} ms, over ${v.startup.rows.length} pages × ${v.startup.rows[0]?.loads ?? 0} loads. ` +
        `The browser's very first start, with nothing compiled yet, took ${f(v.startup.coldScript)} ms.`,
    );
  }
  if (v.hover) {
    out.push(
      `- Hover hit test cheap enough for every pointer move (taken here as under 1,000 µs; the card asks once per frame, ` +
        `and a frame lasts 16,700 µs): at most ${f(v.hover.us)} µs over a mark (${v.hover.where}), ${v.hover.us < 1000 ? 'met' : 'missed'}.`,
    );
  }
  return out.join('\n');
}

/** The target cell (500 KB × 1,000 aliases), measured again in groups of fresh browser processes over the run. */
interface TargetCell {
  html: string;
  terms: DictionaryTerm[];
  /** mark.js markRegExp on the same page (the speed-up is judged against it). */
  regexp: MarkJsResult | null | undefined;
  load: number;
  /** The row's own process. */
  row: OurResult;
  /** The fresh processes, group by group. */
  groups: OurResult[][];
}

/** Measures the target cell in `count` fresh browser processes, as a new group. */
async function targetGroup(target: TargetCell, code: string, count: number): Promise<void> {
  const group: OurResult[] = [];
  for (let k = 0; k < count; k++) group.push(await inFreshBrowser(target.html, code, target.terms));
  target.groups.push(group);
  console.log(`  500 KB × 1,000 in fresh browser processes, group ${target.groups.length}: ${group.map((r) => f(r.scanMs)).join(', ')} ms (first scans ${group.map((r) => f(r.firstScanMs)).join(', ')})`);
}

/** The target's verdict: medians over the row's process and every fresh one. */
function targetVerdict(target: TargetCell): NonNullable<Verdict['mid']> {
  const all = [target.row, ...target.groups.flat()];
  const ms = median(all.map((r) => r.scanMs));
  const first = median(all.map((r) => r.firstScanMs));
  const { regexp, load } = target;
  return {
    ms,
    first,
    row: target.row.scanMs,
    groups: target.groups.map((g) => g.map((r) => r.scanMs)),
    speedup: regexp?.warmMs !== undefined ? regexp.warmMs / ms : null,
    firstSpeedup: regexp ? regexp.ms / first : null,
    load,
  };
}

async function main() {
  if (!existsSync(executablePath)) {
    console.error(`Chromium not found at ${executablePath}. Install Debian's "chromium" package or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  const { terms: real, from } = realTerms();
  const code = await benchBundle({ minify: true });
  const markJs = readFileSync(path.join(root, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  const browser = await chromium.launch({ executablePath, args: BROWSER_ARGS });
  const loadBefore = os.loadavg()[0]!;
  const rows: string[] = [];
  /** What the targets are judged on. */
  const verdict: Verdict = { big: [] };
  const compileRows: string[] = [];
  const hoverRows: string[] = [];
  const restyleRows: string[] = [];
  const startupRows: string[] = [];
  let startup: StartupResult | undefined;
  const notes: string[] = [];
  let target: TargetCell | undefined;
  try {
    for (const dictSize of DICT_SIZES) {
      const terms = dictionary(real, dictSize);
      const names = terms.filter((t) => t.case !== 'exact').map((t) => t.text);
      let compileDone = false;
      for (const size of PAGE_SIZES) {
        if (ONLY.length && !ONLY.includes(`${size}x${dictSize}`)) continue;
        const load = os.loadavg()[0]!;
        const html = newsPage(size, names, size + dictSize);
        const page = await openPage(browser, html, [code]);
        const ours = await measureOurs(page, terms);
        await page.close();
        if (!compileDone) {
          compileDone = true;
          compileRows.push(`| ${dictSize.toLocaleString('en')} | ${f(ours.compileMs)} | ${f(ours.compileWarmMs)} | ${(ours.compileBytes / 1e6).toFixed(2)} MB | ${(ours.heapBytes / 1e6).toFixed(2)} MB |`);
        }
        const work = dictSize * size;
        // markRegExp is what the speed-up is judged on: median of 3 fresh pages where that stays affordable,
        // each timed on its first run and, up to 5 × 10^8 (aliases × characters), after warm-up.
        const regexp = work <= 1e9 ? await medianMarkJs(work <= 5e8 ? 3 : 1, () => measureMarkJs(browser, html, markJs, terms, 'regexp', work <= 5e8)) : undefined;
        const array = work <= 5e7 ? await measureMarkJs(browser, html, markJs, terms, 'array') : undefined;
        const cell = (r: MarkJsResult | null | undefined) =>
          r === undefined ? 'not run' : r === null ? `> ${MARKJS_TIMEOUT_MS / 1000} s` : `${f(r.ms)}${r.warmMs === undefined ? '' : ` / ${f(r.warmMs)}`} (${r.marks})`;
        const ratio = (theirs: number | undefined, ms: number) =>
          theirs !== undefined ? `${(theirs / ms).toFixed(0)}x` : regexp === null ? `> ${(MARKJS_TIMEOUT_MS / ms).toFixed(0)}x` : 'n/a';
        const row = `| ${kb(ours.chars)} | ${dictSize.toLocaleString('en')} | ${f(ours.floorMs)} | **${f(ours.scanMs)}** | ${f(ours.firstScanMs)} | ${ours.marks} | ${f(ours.stylesMs)} | ${f(ours.longestSliceMs)} / ${ours.longTasks} | ${cell(regexp)} | ${cell(array)} | ${ratio(regexp?.warmMs, ours.scanMs)} (${ratio(regexp?.ms, ours.firstScanMs)}) | ${load.toFixed(1)} |`;
        rows.push(row);
        if (size === 500_000 && dictSize === 1_000) {
          target = { html, terms, regexp, load, row: ours, groups: [] };
          await targetGroup(target, code, TARGET_GROUPS[0]!);
        }
        const h = ours.hover;
        hoverRows.push(`| ${kb(ours.chars)} | ${dictSize.toLocaleString('en')} | ${f(h.caretUs)} | ${f(h.overMarkUs)} (${h.found}/${h.points} found) | ${f(h.anywhereUs)} |`);
        if (!verdict.hover || h.overMarkUs > verdict.hover.us) verdict.hover = { us: h.overMarkUs, where: `${kb(ours.chars)} × ${dictSize.toLocaleString('en')}` };
        if (dictSize === 50_000 && !verdict.compile50k) verdict.compile50k = { ms: ours.compileMs, heap: ours.heapBytes };
        if (size === 5_000_000) verdict.big.push({ slice: ours.longestSliceMs, tasks: ours.longTasks, dict: dictSize });
        console.log(row);
      }
      if (target && (dictSize === 10_000 || dictSize === DICT_SIZES[DICT_SIZES.length - 1])) await targetGroup(target, code, TARGET_GROUPS[target.groups.length]!);
    }
    if (target) {
      // With only some cells run, the groups left run now.
      while (target.groups.length < TARGET_GROUPS.length) await targetGroup(target, code, TARGET_GROUPS[target.groups.length]!);
      verdict.mid = targetVerdict(target);
    }
    if (!ONLY.length || ONLY.includes('restyle')) {
      const variants = RESTYLE_VARIANTS(readFileSync(path.join(root, 'lib/scan/page-styles.css'), 'utf8'));
      const names = dictionary(real, 1_000).filter((t) => t.case !== 'exact').map((t) => t.text);
      for (const size of PAGE_SIZES) {
        const html = newsPage(size, names, size + 1_000);
        const [none, chromium_, universal] = [await measureRestyle(browser, html, variants.none), await measureRestyle(browser, html, variants.chromium), await measureRestyle(browser, html, variants.universal)];
        const row = `| ${kb(size)} | ${f(none)} | ${f(chromium_)} (${(chromium_ / none).toFixed(2)}×) | ${f(universal)} (${(universal / none).toFixed(2)}×) |`;
        restyleRows.push(row);
        console.log(row);
      }
    }
    if (!ONLY.length || ONLY.includes('startup')) {
      const names = real.filter((t) => t.case !== 'exact').map((t) => t.text);
      const pages = [
        { name: 'small-page-no-names', html: newsPage(2_000, [], 7) },
        { name: 'demo-sputnik', html: readFileSync(path.join(DEMO_DIR, 'sputnik.html'), 'utf8') },
        { name: 'news-500kb', html: newsPage(500_000, names, 500_007) },
      ];
      startup = await measureStartup(CHROME_BUILD_DIR, pages, STARTUP_LOADS);
      verdict.startup = startup;
      for (const r of startup.rows) {
        const row = startupRow(r);
        startupRows.push(row);
        console.log(row, `(content script's task per load: ${r.scripts.map((ms) => f(ms)).join(', ')})`);
      }
      console.log(`  the browser's first content script start: ${f(startup.coldScript)} ms`);
    }
    const version = browser.version();
    notes.push(`Chromium ${version}, headless, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}. Load average (1 min) ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end: on a shared machine, figures vary run to run.`);
    notes.push(quietNote(quietWaits));
  } finally {
    await browser.close();
  }
  const md = `# Benchmarks

Generated by \`npm run bench\` (scripts/bench/run.ts) on ${new Date().toISOString().slice(0, 10)}. Real aliases from ${from}, plus generated names up to each dictionary size;
pages are generated news articles (headlines, bylines, paragraphs with links, emphasis and possessives, asides, lists), with about one name in 25 words.

Machine: ${notes.join(' ')}

## Scan and mark (ms, lower is better)

- **floor**: a bare TreeWalker over every text node, reading its text (no matching): the least any scanner pays.
- **scan+mark**: Backstory's annotator, whole page: walk, match, one StaticRange per match, CSS Custom Highlights, then a forced layout. Median of ${ITERATIONS} after ${WARMUP} untimed runs, in one task, once the CPUs are quiet.
- **first scan**: the very first of those runs, before the engine has optimised the code: what a tab pays on its first page.
- **styles (once)**: adopting the page styles (as the Chromium build ships them, anchored on \`:root\`) into the rendered page, which restyles it once; the scans below run with them in place. The extension never pays this: its manifest injects the stylesheet before the page is parsed.
- **longest slice / long tasks**: the same scan as it really runs, in chunks that yield to the page: the longest stretch between yields, and the number of tasks over 50 ms the browser reported (median of 3 runs).
- **load**: the machine's 1-minute load average when the row started (2 cores: above 2, other work competes for them).
- **mark.js**: on a fresh copy of the page, \`markRegExp\` with one alternation of every alias (longest first, Unicode word boundaries) and \`mark(array)\` (exact, case-sensitive), each including the layout its DOM changes cause. Number of marks in parentheses. markRegExp shows its first run / the median of ${MARKJS_WARM_RUNS} runs after warm-up on the same page (unmarked in between), up to 5 × 10^8 aliases × characters. "not run": skipped as far too slow at that size; "> 30 s": stopped.
- **speed-up**: like for like, mark.js markRegExp after warm-up / Backstory's scan+mark (in parentheses: mark.js's first run / Backstory's first scan). markRegExp is the median of 3 fresh pages up to 500 KB × 1,000 aliases, one page above; mark(array) runs once.

| text | aliases | floor | scan+mark | first scan | marks | styles (once) | longest slice / long tasks | mark.js markRegExp | mark.js mark(array) | speed-up | load |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
${verdict.mid ? `\nThe 500 KB × 1,000 row is one browser process. The same cell was measured again in ${verdict.mid.groups.flat().length} fresh processes, in groups at three points of the run (when the row ran, after the 10,000-alias rows, after the 50,000-alias rows): ${targetGroupsText(verdict.mid.groups)} ms. The median over all ${1 + verdict.mid.groups.flat().length}, ${f(verdict.mid.ms)} ms, is what the target below is judged on.\n` : ''}
## Hover hit test (µs per call, lower is better)

The card asks "which mark is under the pointer?" at most once per frame while the pointer moves. Measured at the centre of every mark in view and on a 20 × 20 grid over the whole viewport (1280 × 720), with the page's marks drawn; median of 7 rounds.

- **caret lookup**: \`document.caretPositionFromPoint\` alone on the grid, the browser's part of every hit test.
- **over a mark**: Backstory's \`hitTest\` at mark centres (how many it found in parentheses).
- **anywhere**: Backstory's \`hitTest\` on the grid (text, gaps and margins).

| text | aliases | caret lookup | over a mark | anywhere |
|---:|---:|---:|---:|---:|
${hoverRows.join('\n')}

## The page's own restyles, with the page styles in place (ms, lower is better)

Every page gets the marks' stylesheet, names or not, so it must not slow what the page does itself. A full restyle of the page (a custom property on \`:root\` and the body's colour change, then a forced layout), median of 9 on each of 3 fresh pages, with the stylesheet in place from before the page was parsed, as the manifest puts it:

- **none**: no page styles (the page without the extension).
- **as shipped (Chromium)**: every rule anchored on \`:root\` (\`:root::highlight(backstory-person)\`); Chromium's highlight inheritance passes the styles on to every descendant, so one element matches them.
- **universal**: \`::highlight(backstory-person)\`, which every element matches, so every element's highlight styles are worked out at every restyle: what Firefox gets (it does not inherit highlight styles), and what shadow roots with marks adopt.

| text | none | as shipped (Chromium) | universal |
|---:|---:|---:|---:|
${restyleRows.join('\n')}

## The content script's start on a page (ms, lower is better)

Every page the reader opens pays for the content script's start, names or not. Loaded ${STARTUP_LOADS} times each in Chromium with the built extension, and as many times in a browser with an empty extension (without), alternating; task durations from a performance trace of each load, from navigation until a second after the scan (without: after \`load\`). Median / longest of the loads.

- **content script's task**: the task that evaluates the content script: compiling its code and what it runs at once.
- **longest task**: the longest task on the page's main thread, with Backstory and without.
${startup ? `\nThe browser's very first content script start (a fresh browser, nothing compiled or cached) took ${f(startup.coldScript)} ms; the rows below follow it.\n` : ''}
| page | content script's task | longest task with Backstory | longest task without |
|---|---:|---:|---:|
${startupRows.join('\n')}
${startup ? `\nThe content script's task, load by load: ${startup.rows.map((r) => `${r.name} ${r.scripts.map((ms) => f(ms)).join(', ')}`).join('; ')} ms.\n` : ''}
## Compile (in the page; cold = first compile in the tab, including decoding the character tables once per tab)

In the extension the background compiles once per dataset version and tabs only decode the result (\`dictionary.get\`); these figures are the background's cost.

| aliases | compile ms (cold) | compile ms (warm) | tables | JS heap retained |
|---:|---:|---:|---:|---:|
${compileRows.join('\n')}

## Targets

${targets(verdict)}
`;
  if (ONLY.length) {
    console.log(compileRows.join('\n'));
    console.log(targets({ big: [], startup, mid: verdict.mid }));
    console.log(hoverRows.join('\n'));
    return;
  }
  writeFileSync(path.join(root, 'BENCHMARKS.md'), md);
  console.log('\nWrote BENCHMARKS.md');
}

await main();
