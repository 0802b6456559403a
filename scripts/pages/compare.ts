/**
 * Judging one page: a load with the extension against one or two loads without it. Pure logic.
 *
 * Pages run their own scripts, and some of them are not deterministic (clocks, random ids, timers
 * racing failed requests). So a difference is first checked against a second plain load: what the
 * two plain loads agree on must survive with the extension, and what the extension load shows must
 * come from one of them. Differences no larger than the page's own load-to-load variation are noted
 * as nondeterminism rather than failed; anything beyond it is a problem.
 */
import type { Settled, Snapshot } from './in-page';
import type { TabError } from './page-probe';

/** Everything measured in one load of one page. */
export interface LoadResult {
  snapshot: Snapshot;
  settled: Settled;
  pageErrors: TabError[];
  extensionErrors: TabError[];
  /** Time from navigation to measured (ms). */
  loadMs: number;
  /** The load event did not fire within the time limit (measured anyway). */
  loadTimedOut: boolean;
}

/** The outcome for one page. */
export interface Verdict {
  /** Anything the extension broke: the page fails. */
  problems: string[];
  /** Worth knowing, not failing (nondeterminism, excluded extension UI, capped waits). */
  notes: string[];
  /** True when some problem might be the page's own variation, so another load could clear it. */
  retry: boolean;
}

/** Largest layout-shift increase tolerated beyond the page's own variation. */
export const CLS_TOLERANCE = 0.01;
/**
 * On pages that shift a lot by themselves, how much of their own shift may vary with timing
 * (a slower load lands the same late images at other moments). A shift the extension caused
 * shows on calm pages, where this allowance is nothing.
 */
export const CLS_RELATIVE_TOLERANCE = 0.25;

/** Multiset difference: items of `a` not matched in `b`. */
export function missingFrom(a: readonly string[], b: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const item of b) counts.set(item, (counts.get(item) ?? 0) + 1);
  const out: string[] = [];
  for (const item of a) {
    const n = counts.get(item) ?? 0;
    if (n > 0) counts.set(item, n - 1);
    else out.push(item);
  }
  return out;
}

/** Multiset intersection of two lists. */
function common(a: readonly string[], b: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const item of b) counts.set(item, (counts.get(item) ?? 0) + 1);
  const out: string[] = [];
  for (const item of a) {
    const n = counts.get(item) ?? 0;
    if (n > 0) {
      counts.set(item, n - 1);
      out.push(item);
    }
  }
  return out;
}

function equal(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function quote(items: string[]): string {
  const shown = items.slice(0, 2).map((s) => JSON.stringify(s.length > 80 ? s.slice(0, 77) + '...' : s));
  return shown.join(', ') + (items.length > 2 ? ` (+${items.length - 2} more)` : '');
}

/**
 * Compares token lists (text lines or DOM nodes) of the extension load against the plain loads.
 * Returns null when they match, else a problem or a note.
 */
export function compareTokens(
  what: string,
  plain: readonly (readonly string[])[],
  ext: readonly string[],
): { problem?: string; note?: string } | null {
  if (plain.some((p) => equal(p, ext))) return null;
  const [a, b] = plain as [readonly string[], readonly string[] | undefined];
  const added = missingFrom(ext, b ? [...a, ...missingFrom(b, a)] : a);
  const lost = missingFrom(b ? common(a, b) : a, ext);
  const describe = (): string =>
    [added.length ? `${added.length} only with the extension: ${quote(added)}` : '', lost.length ? `${lost.length} lost: ${quote(lost)}` : '']
      .filter(Boolean)
      .join('; ') || 'same items, different order';
  if (!b || equal(a, b)) return { problem: `${what} differs with the extension (${describe()})` };
  const noise = missingFrom(a, b).length + missingFrom(b, a).length;
  const unexplained = added.length + lost.length;
  if (unexplained <= noise) {
    return { note: `${what} varies between plain loads (${noise} items); the extension load is within that variation${unexplained ? ` (${describe()})` : ''}` };
  }
  return { problem: `${what} differs with the extension beyond the page's own variation of ${noise} items (${describe()})` };
}

/**
 * The visible text as lines, without what no reader can see: spaces at line ends and trailing
 * blank lines (an extension's UI host after the last text node keeps a trailing space alive).
 */
export function textLines(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trimEnd());
  while (lines.length && lines.at(-1) === '') lines.pop();
  return lines;
}

const key = (e: TabError): string => `${e.kind}: ${e.message}`;

/**
 * Judges the loads with the extension against the loads without it (one or two each). With two
 * loads with the extension, a page passes an aspect when one of them does: the other differed the
 * way the page differs by itself, and that is noted. The extension's own errors always count.
 */
export function judge(plain: readonly LoadResult[], exts: readonly LoadResult[]): Verdict {
  const problems: string[] = [];
  const notes: string[] = [];
  const best = (results: ({ problem?: string; note?: string } | null)[]): void => {
    if (results.some((r) => r === null)) {
      const other = results.find((r) => r !== null);
      if (other) notes.push(`one load with the extension differed, another did not: ${other.problem ?? other.note}`);
      return;
    }
    const noted = results.find((r) => !r!.problem);
    if (noted) notes.push(noted.note!);
    else problems.push(results[0]!.problem!);
  };
  best(exts.map((e) => compareTokens('visible text', plain.map((p) => textLines(p.snapshot.text)), textLines(e.snapshot.text))));
  best(exts.map((e) => compareTokens('DOM', plain.map((p) => p.snapshot.dom), e.snapshot.dom)));

  const baseline = new Set(plain.flatMap((p) => p.pageErrors.map(key)));
  const addedPer = exts.map((e) => new Set(e.pageErrors.map(key).filter((k) => !baseline.has(k))));
  const always = [...addedPer[0]!].filter((k) => addedPer.every((set) => set.has(k)));
  const sometimes = [...new Set(addedPer.flatMap((set) => [...set]))].filter((k) => !always.includes(k));
  if (always.length) problems.push(`page errors only with the extension: ${quote(always)}`);
  if (sometimes.length) notes.push(`page errors in one load with the extension only (the page's own flakiness): ${quote(sometimes)}`);
  const retry = problems.length > 0;
  const extErrors = [...new Set(exts.flatMap((e) => e.extensionErrors.map((x) => `${key(x)} (${x.url || 'no url'})`)))];
  if (extErrors.length) problems.push(`extension errors: ${quote(extErrors)}`);

  let retryCls = false;
  const plainCls = plain.map((p) => p.snapshot.cls);
  const extCls = Math.min(...exts.map((e) => e.snapshot.cls));
  const delta = extCls - Math.max(...plainCls);
  const spread = Math.max(...plainCls) - Math.min(...plainCls);
  const allowance = Math.max(CLS_TOLERANCE, CLS_RELATIVE_TOLERANCE * Math.max(...plainCls));
  if (delta > CLS_TOLERANCE) {
    const moved = exts.flatMap((e) => e.snapshot.shiftSources).slice(0, 2);
    const text = `layout shift ${extCls.toFixed(3)} with the extension vs ${Math.max(...plainCls).toFixed(3)} without${moved.length ? ` (${moved.join('; ')})` : ''}`;
    if (plain.length > 1 && spread >= delta) notes.push(`${text}, within the page's own variation of ${spread.toFixed(3)}`);
    else if (delta <= allowance) notes.push(`${text}, within a quarter of the page's own shift`);
    else {
      problems.push(text);
      retryCls = true;
    }
  }

  const anyPlainLate = plain.some((p) => p.loadTimedOut);
  if (exts.every((e) => e.loadTimedOut) && !anyPlainLate) problems.push('load event late with the extension only');
  else if (exts.some((e) => e.loadTimedOut)) notes.push('load event did not fire in time');
  const anyPlainCapped = plain.some((p) => p.settled.capped);
  if (exts.some((e) => e.settled.capped)) {
    notes.push(anyPlainCapped ? 'page keeps changing its DOM (settle wait capped)' : 'did not settle within the cap with the extension only');
  }
  for (const x of exts.flatMap((e) => e.snapshot.excluded)) notes.push(`extension UI <${x.tag}> in <${x.parent}> left out of the comparison`);
  return { problems, notes: [...new Set(notes)], retry: retry || retryCls };
}
