import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorHighlightRules, highlightRulesOnRoot } from './highlight-rules';

const source = readFileSync(path.resolve(import.meta.dirname, '../../lib/scan/page-styles.css'), 'utf8');
const transform = (browser: string, id: string) =>
  (highlightRulesOnRoot(browser).transform as (code: string, id: string) => { code: string } | null)(source, id);

describe('anchorHighlightRules', () => {
  it('anchors every rule of the page styles on :root, selector lists included, and changes nothing else', () => {
    const anchored = anchorHighlightRules(source);
    const selectors = source.match(/::highlight\(/g)!.length;
    expect(anchored.match(/:root::highlight\(/g)!.length).toBe(selectors);
    expect(anchored.replaceAll(':root::highlight(', '::highlight(')).toBe(source);
    expect(anchorHighlightRules('::highlight(a), ::highlight(b) { color: red }')).toBe(':root::highlight(a), :root::highlight(b) { color: red }');
  });
});

describe('highlightRulesOnRoot', () => {
  const file = '/repo/lib/scan/page-styles.css';
  it('anchors the manifest’s copy for Chromium only', () => {
    expect(transform('chrome', file)!.code).toBe(anchorHighlightRules(source));
    expect(transform('firefox', file)).toBeNull();
  });

  it('leaves the inline copy (for shadow roots, where :root matches nothing) and other files alone', () => {
    expect(transform('chrome', `${file}?inline`)).toBeNull();
    expect(transform('chrome', '/repo/components/card.css')).toBeNull();
  });
});
