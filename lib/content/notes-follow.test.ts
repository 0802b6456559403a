import { describe, expect, it, vi } from 'vitest';
import type { PassageStatus } from '../messages/page';
import { followPassageNotes, NOTES_RETRY_MAX_MS, NOTES_RETRY_MS } from './notes-follow';

const found: PassageStatus = { anchored: ['n1'], orphans: [] };
const lost: PassageStatus = { anchored: [], orphans: ['n1'] };

/** A follower on a fake clock: `timers` holds what was scheduled, `flush` runs it. */
function setup(results: PassageStatus[]) {
  let clock = 0;
  let url = 'https://news.example/a';
  const timers: { run: () => void; at: number }[] = [];
  const place = vi.fn(async () => results.shift() ?? found);
  const follower = followPassageNotes({ place, url: () => url, now: () => clock, later: (run, ms) => void timers.push({ run, at: clock + ms }) });
  const flush = async () => {
    const next = timers.shift()!;
    clock = Math.max(clock, next.at);
    next.run();
    // The follower's own reaction to the placement was registered first, so it has run after this.
    await place.mock.results.at(-1)!.value;
  };
  return { follower, place, timers, flush, go: (next: string) => (url = next), tick: (ms: number) => (clock += ms) };
}

describe('followPassageNotes', () => {
  it('does nothing before the first placement, nor when every passage was found', () => {
    const { follower, timers } = setup([]);
    follower.textChanged();
    follower.placed(found);
    follower.textChanged();
    expect(timers).toEqual([]);
  });

  it('places the notes at once when the page moved to another address', async () => {
    const { follower, timers, flush, place, go } = setup([found]);
    follower.placed(found);
    go('https://news.example/b');
    follower.textChanged();
    follower.textChanged();
    expect(timers).toHaveLength(1);
    expect(timers[0]!.at).toBe(0);
    await flush();
    expect(place).toHaveBeenCalledTimes(1);
  });

  it('looks for missing passages a second after the last try, then backs off while they stay missing', async () => {
    const { follower, timers, flush, tick } = setup([lost, lost, lost, lost, lost, lost, lost, lost, found]);
    follower.placed(lost);
    const waits: number[] = [];
    for (let k = 0; k < 8; k++) {
      tick(10);
      const before = timers.length;
      follower.textChanged();
      expect(timers.length).toBe(before + 1);
      const start = timers[0]!.at;
      await flush();
      waits.push(start);
    }
    const gaps = waits.map((at, k) => at - (k === 0 ? 0 : waits[k - 1]!));
    expect(gaps[0]).toBe(NOTES_RETRY_MS);
    expect(gaps.slice(1, 4)).toEqual([2 * NOTES_RETRY_MS, 4 * NOTES_RETRY_MS, 8 * NOTES_RETRY_MS]);
    expect(Math.max(...gaps)).toBe(NOTES_RETRY_MAX_MS);
  });
});
