import { describe, expect, it } from 'vitest';
import { compareTokens, judge, missingFrom, textLines, type LoadResult } from './compare';
import type { Snapshot } from './in-page';

function load(over: Partial<Snapshot> = {}, rest: Partial<LoadResult> = {}): LoadResult {
  const snapshot: Snapshot = {
    title: 'T',
    text: 'Sergei Lavrov spoke.\nKabul was calm.',
    dom: ['0 <html>', '1 <body>', '2 #text Sergei Lavrov spoke.'],
    shadowTags: [],
    excluded: [],
    marks: 0,
    distinct: 0,
    top: [],
    scanMs: null,
    cls: 0,
    shiftSources: [],
    longestTaskMs: 0,
    longTasks: 0,
    ...over,
  };
  return { snapshot, settled: { capped: false, waitedMs: 300 }, pageErrors: [], extensionErrors: [], loadMs: 500, loadTimedOut: false, ...rest };
}

describe('missingFrom', () => {
  it('is a multiset difference', () => {
    expect(missingFrom(['a', 'a', 'b'], ['a', 'c'])).toEqual(['a', 'b']);
    expect(missingFrom([], ['a'])).toEqual([]);
  });
});

describe('textLines', () => {
  it('drops invisible line-end spaces and trailing blank lines, keeps the rest', () => {
    expect(textLines('Test \n\n  indented\nend  \n\n')).toEqual(['Test', '', '  indented', 'end']);
  });
});

describe('compareTokens', () => {
  it('accepts an extension load equal to either plain load', () => {
    expect(compareTokens('text', [['a'], ['b']], ['b'])).toBeNull();
  });
  it('fails a difference on a deterministic page', () => {
    expect(compareTokens('text', [['a', 'b']], ['a', 'b', 'x'])?.problem).toMatch(/1 only with the extension: "x"/);
    expect(compareTokens('text', [['a', 'b'], ['a', 'b']], ['a'])?.problem).toMatch(/1 lost: "b"/);
  });
  it('notes a difference within the page\'s own variation', () => {
    const r = compareTokens('text', [['a', 'clock 1'], ['a', 'clock 2']], ['a', 'clock 3']);
    expect(r?.problem).toBeUndefined();
    expect(r?.note).toMatch(/varies between plain loads/);
  });
  it('fails a difference beyond the page\'s own variation', () => {
    const r = compareTokens('DOM', [['a', 'clock 1'], ['a', 'clock 2']], ['clock 3', 'x', 'y', 'z']);
    expect(r?.problem).toMatch(/beyond the page's own variation of 2 items/);
  });
  it('reports a reordering', () => {
    expect(compareTokens('DOM', [['a', 'b']], ['b', 'a'])?.problem).toMatch(/same items, different order/);
  });
});

describe('judge', () => {
  it('passes identical loads', () => {
    expect(judge([load()], [load()])).toEqual({ problems: [], notes: [], retry: false });
  });
  it('fails page errors that only happen with the extension, not the baseline ones', () => {
    const base = { kind: 'exception' as const, message: 'TypeError: ads is undefined', url: 'http://127.0.0.1/a.js' };
    const extra = { kind: 'exception' as const, message: 'TypeError: boom', url: '' };
    expect(judge([load({}, { pageErrors: [base] })], [load({}, { pageErrors: [base] })]).problems).toEqual([]);
    expect(judge([load({}, { pageErrors: [base] })], [load({}, { pageErrors: [base, extra] })]).problems[0]).toMatch(/TypeError: boom/);
  });
  it('fails any error of the extension itself', () => {
    const err = { kind: 'console' as const, message: 'scan failed', url: 'chrome-extension://abc/content.js' };
    const v = judge([load()], [load({}, { extensionErrors: [err] })]);
    expect(v.problems[0]).toMatch(/extension errors: "console: scan failed \(chrome-extension/);
    expect(v.retry).toBe(false);
  });
  it('fails added layout shift unless the page shifts as much by itself', () => {
    const shifted = judge([load({ cls: 0.02 })], [load({ cls: 0.1 })]);
    expect(shifted.problems[0]).toMatch(/layout shift 0.100 with the extension vs 0.020/);
    expect(shifted.retry).toBe(true);
    expect(judge([load({ cls: 0.02 })], [load({ cls: 0.025 })]).problems).toEqual([]);
    const noisy = judge([load({ cls: 0 }), load({ cls: 0.2 })], [load({ cls: 0.25 })]);
    expect(noisy.problems).toEqual([]);
    expect(noisy.notes[0]).toMatch(/own variation/);
  });
  it('allows a page that shifts a lot by itself a little timing variation, but not a calm page', () => {
    const busy = judge([load({ cls: 0.154 })], [load({ cls: 0.172 })]);
    expect(busy.problems).toEqual([]);
    expect(busy.notes[0]).toMatch(/within a quarter of the page's own shift/);
    expect(judge([load({ cls: 0 })], [load({ cls: 0.018 })]).problems).toHaveLength(1);
  });
  it('passes an aspect when one of two loads with the extension matches, and notes the other', () => {
    const v = judge([load()], [load({ text: 'Sergei Lavrov spoke.\nKabul was calm.\nAd slot' }), load()]);
    expect(v.problems).toEqual([]);
    expect(v.notes[0]).toMatch(/one load with the extension differed, another did not: visible text differs/);
  });
  it('fails page errors in every load with the extension, notes those in one only', () => {
    const err = { kind: 'exception' as const, message: 'Error: flaky', url: '' };
    expect(judge([load()], [load({}, { pageErrors: [err] }), load({}, { pageErrors: [err] })]).problems).toHaveLength(1);
    const v = judge([load()], [load({}, { pageErrors: [err] }), load()]);
    expect(v.problems).toEqual([]);
    expect(v.notes[0]).toMatch(/page errors in one load with the extension only/);
  });
  it('judges layout shift by the calmer of two loads with the extension', () => {
    expect(judge([load({ cls: 0.1 })], [load({ cls: 0.9 }), load({ cls: 0.1 })]).problems).toEqual([]);
  });
  it('notes the extension UI host left out of the DOM comparison', () => {
    const v = judge([load()], [load({ excluded: [{ tag: 'backstory-popover', parent: 'body' }] })]);
    expect(v.problems).toEqual([]);
    expect(v.notes).toEqual(['extension UI <backstory-popover> in <body> left out of the comparison']);
  });
  it('fails a late load event only when the plain load was on time', () => {
    expect(judge([load()], [load({}, { loadTimedOut: true })]).problems).toEqual(['load event late with the extension only']);
    expect(judge([load({}, { loadTimedOut: true })], [load({}, { loadTimedOut: true })]).problems).toEqual([]);
  });
});
