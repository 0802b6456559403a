import { describe, expect, it } from 'vitest';
import { renderMarkdown, summaryLine, tally, type PageReport, type RunReport } from './report';

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
  it('writes one row per page and escapes table separators', () => {
    const md = renderMarkdown(run);
    expect(md).toContain('| bbc-1 | 1234 | 3 | 2 | 4.5 | 60 (55) | 0.000 | 800 | none | found: sergei lavrov ×2, kabul ×1 |');
    expect(md).toContain('| odd\\|name |');
  });
  it('prints n/a for what was not measured', () => {
    const md = renderMarkdown({ ...run, pages: [{ ...page('x'), scanMs: null, marks: null, distinct: null }] });
    expect(md).toContain('| x | 1234 | n/a | n/a | n/a |');
  });
});
