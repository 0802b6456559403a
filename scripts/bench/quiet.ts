/**
 * Waiting for the machine's CPUs to be quiet before timing anything. A browser just launched (or
 * a page just opened in a new renderer) keeps both cores of a 2-core machine 70–90% busy for
 * about a second with its own start-up work; code timed meanwhile competes with it and measures
 * a third to a half slower than the same code a few seconds later.
 */
import { readFileSync } from 'node:fs';

/** Jiffies from the first line of /proc/stat: all, and idle (idle + iowait). */
interface CpuTimes {
  total: number;
  idle: number;
}

/** What the wait found. */
export interface QuietResult {
  /** How long it waited, in ms. */
  waitedMs: number;
  /** Share of the CPUs busy in the last window, 0–1 (NaN where /proc/stat cannot be read). */
  busy: number;
  /** False when the CPUs never went quiet before the time limit. */
  quiet: boolean;
}

/** The CPU times since boot, or null where /proc/stat does not exist (not Linux). */
export function cpuTimes(stat: () => string = () => readFileSync('/proc/stat', 'utf8')): CpuTimes | null {
  let text: string;
  try {
    text = stat();
  } catch {
    return null;
  }
  const fields = /^cpu\s+([\d\s]+)/.exec(text)?.[1]?.trim().split(/\s+/).map(Number);
  if (!fields || fields.length < 5 || fields.some((n) => !Number.isFinite(n))) return null;
  return { total: fields.reduce((a, b) => a + b, 0), idle: fields[3]! + fields[4]! };
}

/** Share of the CPUs busy between two readings, 0–1 (1 when no time passed). */
export function busyShare(before: CpuTimes, after: CpuTimes): number {
  const total = after.total - before.total;
  return total > 0 ? 1 - (after.idle - before.idle) / total : 1;
}

/** Options of {@link waitForQuietCpus}. */
export interface QuietOptions {
  /** Quiet means less than this share of the CPUs busy over one window (default 0.15). */
  busyBelow?: number;
  /** Length of a window, in ms (default 250; /proc/stat counts in 10 ms ticks). */
  windowMs?: number;
  /** Gives up after this long, in ms (default 20 s): the figures are then taken on a busy machine, and say so. */
  timeoutMs?: number;
  /** Reads /proc/stat (for tests). */
  stat?: () => string;
  /** Waits `ms` (for tests). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Resolves once one window of `windowMs` had less than `busyBelow` of the CPUs busy: nothing else
 * (the browser's own start-up, another program) competes with what is timed next. Where
 * /proc/stat cannot be read it resolves at once, with `busy` NaN.
 */
export async function waitForQuietCpus(options: QuietOptions = {}): Promise<QuietResult> {
  const { busyBelow = 0.15, windowMs = 250, timeoutMs = 20_000, stat } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let before = cpuTimes(stat);
  if (!before) return { waitedMs: 0, busy: Number.NaN, quiet: true };
  let waitedMs = 0;
  for (;;) {
    await sleep(windowMs);
    waitedMs += windowMs;
    const after = cpuTimes(stat);
    if (!after) return { waitedMs, busy: Number.NaN, quiet: true };
    const busy = busyShare(before, after);
    if (busy < busyBelow) return { waitedMs, busy, quiet: true };
    if (waitedMs >= timeoutMs) return { waitedMs, busy, quiet: false };
    before = after;
  }
}
