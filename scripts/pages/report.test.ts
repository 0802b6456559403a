import { describe, expect, it } from 'vitest';
import { deservesSecondAttempt, mergeAttempts, renderMarkdown, summaryLine, tally, type PageReport, type RunReport } from './report';

function page(name: string, problems: string[] = []): PageReport {
  return {
    name,
    bytes: 1234,
    marks: 3,
    distinct: 2,
    top: ['sergei lavrov ×2', 'kabul ×1'],
    scanMs: 4.5,
    longestTaskMs: 60,
    plainLongestTaskMs: 55,
    clsDelta: 0,
    loadMs: 800,
    plainLoadMs: 700,
    plainLoads: 1,
    extensionLoads: 1,
    attempts: 1,
    problems,
    notes: [],
  };
}

const run: RunReport = {
  dir: '../shared/pages',
  startedAt: '2025-01-01T00:00:00.000Z',
  totalMs: 61_000,
  concurrency: 2,
  extension: { name: 'Backstory', version: '0.1.0', contentScripts: 1 },
  serviceWorkerErrors: [],
  pages: [page('bbc-1'), page('odd|name', ['visible text differs'])],
};

describe('report', () => {
  it('counts passed and failed pages', () => {
    expect(tally(run)).toEqual({ passed: 1, failed: 1 });
    expect(summaryLine(run)).toBe('1 passed, 1 failed');
  });
  it('starts with a JSON summary and ends with the summary line', () => {
    const md = renderMarkdown(run);
    const json = /```json\n([\s\S]*?)\n```/.exec(md)?.[1];
    expect(JSON.parse(json!)).toMatchObject({ pages: 2, passed: 1, failed: 1, marks: 6, pagesWithMarks: 2, maxScanMs: 4.5 });
    expect(md.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });
  it('counts the pages with a task over 50 ms, with the extension and without it', () => {
    const quick = { ...page('quick'), longestTaskMs: 50, plainLongestTaskMs: 51 };
    const unmeasured = { ...page('unmeasured'), longestTaskMs: null, plainLongestTaskMs: null };
    const md = renderMarkdown({ ...run, pages: [page('a'), page('b'), quick, unmeasured] });
    const json = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(md)![1]!);
    expect(json.pagesWithTaskOver50Ms).toEqual({ with: 2, without: 3 });
  });
  it('writes one row per page and escapes table separators', () => {
    const md = renderMarkdown(run);
    expect(md).toContain('| bbc-1 | 1234 | 3 | 2 | 4.5 | 60 (55) | 0.000 | 800 | none | found: sergei lavrov ×2, kabul ×1 |');
    expect(md).toContain('| odd\\|name |');
  });
  it('prints n/a for what was not measured', () => {
    const md = renderMarkdown({ ...run, pages: [{ ...page('x'), scanMs: null, marks: null, distinct: null }] });
    expect(md).toContain('| x | 1234 | n/a | n/a | n/a |');
  });
  describe('second attempts', () => {
    it('are made only for problems a page can show by itself', () => {
      expect(deservesSecondAttempt(page('a'))).toBe(false);
      expect(deservesSecondAttempt(page('a', ['layout shift 0.3 with the extension vs 0 without']))).toBe(true);
      expect(deservesSecondAttempt(page('a', ['DOM differs', 'extension errors: "boom"']))).toBe(false);
      expect(deservesSecondAttempt(page('a', ['service worker errors during the load: x']))).toBe(false);
    });
    it('decide the result and keep the first attempt in the notes', () => {
      const first = page('a', ['DOM differs with the extension (same items, different order)']);
      const passed = mergeAttempts(first, page('a'));
      expect(passed.problems).toEqual([]);
      expect(passed.attempts).toBe(2);
      expect(passed.notes[0]).toBe('passed a second attempt; first attempt: DOM differs with the extension (same items, different order)');
      const failed = mergeAttempts(first, page('a', ['layout shift']));
      expect(failed.problems).toEqual(['layout shift']);
      expect(failed.notes.at(-1)).toContain('first attempt: DOM differs');
    });
  });
});
