import { describe, expect, it } from 'vitest';
import { busyShare, cpuTimes, waitForQuietCpus } from './quiet';

/** A /proc/stat first line: user nice system idle iowait irq softirq steal. */
const statLine = (busy: number, idle: number) => `cpu  ${busy} 0 0 ${idle} 0 0 0 0 0 0\ncpu0 1 2 3 4\n`;

describe('cpuTimes', () => {
  it('sums every field and counts idle and iowait as idle', () => {
    expect(cpuTimes(() => 'cpu  10 1 4 80 5 0 0 0 0 0\n')).toEqual({ total: 100, idle: 85 });
  });

  it('is null where /proc/stat is missing or unreadable', () => {
    expect(cpuTimes(() => { throw new Error('ENOENT'); })).toBeNull();
    expect(cpuTimes(() => 'intr 1 2 3\n')).toBeNull();
  });
});

describe('busyShare', () => {
  it('is the busy share of the time between two readings', () => {
    expect(busyShare({ total: 100, idle: 80 }, { total: 200, idle: 170 })).toBeCloseTo(0.1);
    expect(busyShare({ total: 100, idle: 80 }, { total: 100, idle: 80 })).toBe(1);
  });
});

describe('waitForQuietCpus', () => {
  /** Readings that advance by one window each: busy ticks per window, out of 100. */
  function machine(busyPerWindow: number[]) {
    let busy = 0;
    let idle = 0;
    let window = 0;
    return {
      stat: () => statLine(busy, idle),
      sleep: async () => {
        const b = busyPerWindow[Math.min(window++, busyPerWindow.length - 1)]!;
        busy += b;
        idle += 100 - b;
      },
    };
  }

  it('waits through the busy windows and resolves at the first quiet one', async () => {
    const m = machine([86, 71, 40, 4, 0]);
    const r = await waitForQuietCpus({ ...m, windowMs: 250 });
    expect(r).toEqual({ waitedMs: 1000, busy: expect.closeTo(0.04), quiet: true });
  });

  it('gives up at the time limit on a machine that stays busy, and says so', async () => {
    const m = machine([90]);
    const r = await waitForQuietCpus({ ...m, windowMs: 250, timeoutMs: 1000 });
    expect(r.quiet).toBe(false);
    expect(r.waitedMs).toBe(1000);
    expect(r.busy).toBeCloseTo(0.9);
  });

  it('resolves at once where the CPU times cannot be read', async () => {
    let slept = 0;
    const r = await waitForQuietCpus({ stat: () => '', sleep: async () => void slept++ });
    expect(r.quiet).toBe(true);
    expect(r.waitedMs).toBe(0);
    expect(Number.isNaN(r.busy)).toBe(true);
    expect(slept).toBe(0);
  });
});
