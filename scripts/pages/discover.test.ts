import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPages } from './discover';

describe('listPages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pages-'));
  mkdirSync(join(dir, 'bbc-1'));
  writeFileSync(join(dir, 'bbc-1', 'source.html'), '<p>hi</p>');
  mkdirSync(join(dir, 'no-source'));
  writeFileSync(join(dir, 'rtl.html'), '<p dir="rtl">x</p>');
  writeFileSync(join(dir, 'README.md'), '# not a page');

  it('finds NAME/source.html folders and loose .html files, sorted', () => {
    expect(listPages(dir)).toEqual([
      { name: 'bbc-1', path: 'bbc-1/source.html', bytes: 9 },
      { name: 'rtl.html', path: 'rtl.html', bytes: 18 },
    ]);
  });
  it('keeps only the named pages', () => {
    expect(listPages(dir, ['rtl.html']).map((p) => p.name)).toEqual(['rtl.html']);
  });
});
