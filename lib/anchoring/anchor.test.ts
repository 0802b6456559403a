import { beforeEach, describe as group, expect, it } from 'vitest';
import { anchor, describe } from './anchor';
import { pageText, TextIndex } from './page-text';
import { matchQuote } from './text-quote';
import { collapse, originalRange } from './whitespace';
import type { PassageSelectors } from './types';

/** Builds the article body with DOM calls (no HTML strings). */
function article(paragraphs: string[], extra?: (root: HTMLElement) => void): HTMLElement {
  document.body.replaceChildren();
  const root = document.createElement('article');
  for (const text of paragraphs) {
    const p = document.createElement('p');
    // Split sentences into separate nodes so ranges cross node boundaries.
    for (const part of text.split(/(?<=\. )/)) {
      const span = document.createElement('span');
      span.append(part);
      p.append(span);
    }
    root.append(p);
  }
  extra?.(root);
  document.body.append(root);
  return root;
}

/** A range over the first occurrence of `needle` in the page text. */
function rangeOver(root: Node, needle: string, occurrence = 0): Range {
  const index = new TextIndex(root);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = index.text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`not found: ${needle}`);
  return index.rangeOf(at, at + needle.length);
}

const PARAS = [
  'Russian Foreign Minister Sergei Lavrov said on Thursday that Moscow is in no hurry to recognise the Taliban. He added that contacts will continue.',
  'China Daily reported that Beijing urged the Taliban to make a clean break with terrorist groups. The ministry spokesman repeated the call.',
  'Observers noted that both capitals kept their embassies open in Kabul. The situation remains fluid.',
];

let root: HTMLElement;
beforeEach(() => {
  root = article(PARAS);
});

group('page text', () => {
  it('skips scripts, styles and templates', () => {
    const r = article(['Visible text.'], (el) => {
      const s = document.createElement('script');
      s.append('var hidden = 1;');
      const st = document.createElement('style');
      st.append('p { color: red }');
      el.append(s, st);
    });
    expect(pageText(r)).toBe('Visible text.');
  });

  it('maps element boundary points to the next readable character', () => {
    const index = new TextIndex(root);
    const secondP = root.children[1]!;
    expect(index.offsetOf(root, 1)).toBe(index.text.indexOf('China Daily'));
    expect(index.offsetOf(secondP, 0)).toBe(index.text.indexOf('China Daily'));
    expect(index.offsetOf(root, root.childNodes.length)).toBe(index.text.length);
  });
});

group('describe', () => {
  it('records the exact text with prefix, suffix and position', () => {
    const sel = describe(root, rangeOver(root, 'in no hurry to recognise the Taliban'))!;
    expect(sel.quote.exact).toBe('in no hurry to recognise the Taliban');
    expect(sel.quote.prefix!.endsWith('that Moscow is ')).toBe(true);
    expect(sel.quote.suffix!.startsWith('. He added')).toBe(true);
    expect(sel.position!.end - sel.position!.start).toBe(sel.quote.exact.length);
  });

  it('handles a selection that crosses elements', () => {
    const sel = describe(root, rangeOver(root, 'contacts will continue.China Daily reported'))!;
    expect(sel.quote.exact).toBe('contacts will continue.China Daily reported');
  });

  it('returns null for a whitespace-only selection', () => {
    const range = document.createRange();
    range.setStart(root, 0);
    range.setEnd(root, 0);
    expect(describe(root, range)).toBeNull();
  });
});

group('anchor', () => {
  it('finds an unchanged passage by position', () => {
    const sel = describe(root, rangeOver(root, 'clean break with terrorist groups'))!;
    const result = anchor(root, sel);
    expect(result.status).toBe('anchored');
    if (result.status !== 'anchored') return;
    expect(result.method).toBe('position');
    expect(result.range.toString()).toBe('clean break with terrorist groups');
  });

  it('finds a passage by quote when text was inserted before it', () => {
    const sel = describe(root, rangeOver(root, 'clean break with terrorist groups'))!;
    root = article(['Breaking: an editor added this paragraph at the top.', ...PARAS]);
    const result = anchor(root, sel);
    expect(result.status === 'anchored' && result.method).toBe('quote');
    expect(result.status === 'anchored' && result.range.toString()).toBe('clean break with terrorist groups');
  });

  it('picks the occurrence whose context matches among repeated quotes', () => {
    const paras = ['The Taliban said nothing. Then the Taliban said more.', 'Later the Taliban said even more.'];
    root = article(paras);
    const sel = describe(root, rangeOver(root, 'the Taliban said'))!; // "Then the Taliban said more", not "Later ..."
    root = article(['Intro.', ...paras]);
    const result = anchor(root, sel);
    expect(result.status).toBe('anchored');
    if (result.status !== 'anchored') return;
    const index = new TextIndex(root);
    expect(index.text.slice(result.start - 5, result.end + 5)).toBe('Then the Taliban said more');
  });

  it('finds a slightly edited passage approximately', () => {
    const sel = describe(root, rangeOver(root, 'Beijing urged the Taliban to make a clean break with terrorist groups'))!;
    root = article([PARAS[0]!, PARAS[1]!.replace('urged', 'urges'), PARAS[2]!]);
    const result = anchor(root, sel);
    expect(result.status).toBe('anchored');
    if (result.status !== 'anchored') return;
    expect(result.method).toBe('fuzzy');
    expect(result.range.toString()).toBe('Beijing urges the Taliban to make a clean break with terrorist groups');
    expect(result.score).toBeGreaterThan(0.75);
  });

  it('orphans a passage whose text is gone, rather than attaching it elsewhere', () => {
    const sel = describe(root, rangeOver(root, 'both capitals kept their embassies open in Kabul'))!;
    root = article([PARAS[0]!, PARAS[1]!, 'The paragraph was rewritten entirely by the desk.']);
    expect(anchor(root, sel).status).toBe('orphan');
  });

  it('orphans a short quote that is not found exactly', () => {
    const sel: PassageSelectors = { quote: { type: 'TextQuoteSelector', exact: 'Lavrov sad' } };
    expect(anchor(root, sel)).toEqual({ status: 'orphan', bestScore: null });
  });

  it('orphans an approximate match whose context does not fit', () => {
    const sel: PassageSelectors = {
      quote: { type: 'TextQuoteSelector', exact: 'Moscow is in no hurry to recognise the Talibans', prefix: 'completely different words before ', suffix: ' and unrelated words after it' },
    };
    const result = anchor(root, sel);
    expect(result.status).toBe('orphan');
    expect(result.status === 'orphan' && result.bestScore).toBeLessThan(0.75);
  });

  it('ignores a stale position whose text changed', () => {
    const sel = describe(root, rangeOver(root, 'The situation remains fluid.'))!;
    const stale = { ...sel, position: { type: 'TextPositionSelector' as const, start: 0, end: sel.quote.exact.length } };
    const result = anchor(root, stale);
    expect(result.status === 'anchored' && result.method).toBe('quote');
  });

  it('tolerates a position beyond the end of a shorter page', () => {
    const sel = describe(root, rangeOver(root, 'The situation remains fluid.'))!;
    root = article([PARAS[2]!]);
    const result = anchor(root, sel);
    expect(result.status === 'anchored' && result.range.toString()).toBe('The situation remains fluid.');
  });
});

group('white space', () => {
  it('finds a passage again when the markup was re-indented', () => {
    const sel = describe(root, rangeOver(root, 'Beijing urged the Taliban'))!;
    root = article(PARAS.map((p) => p.replace(/ /g, '\n      ')));
    const result = anchor(root, sel);
    expect(result.status === 'anchored' && result.method).toBe('quote');
    expect(result.status === 'anchored' && result.range.toString()).toBe('Beijing\n      urged\n      the\n      Taliban');
  });

  it('orphans a passage made mostly of indentation whose words changed', () => {
    const menu = (a: string, b: string) => article([], (el) => {
      const nav = document.createElement('nav');
      nav.append(`\n        ${a}\n                \n                \n        ${b}\n        `);
      el.append(nav, ...PARAS.map((t) => Object.assign(document.createElement('p'), { textContent: t })));
    });
    root = menu('World', 'Europe');
    const sel = describe(root, rangeOver(root, 'World\n                \n                \n        Europe'))!;
    root = menu('Sport', 'Travel');
    expect(anchor(root, sel).status).toBe('orphan');
  });

  it('keeps about 32 visible characters of context, within the stored limit', () => {
    root = article([], (el) => {
      const p = document.createElement('p');
      p.append(`Lead words here.${' '.repeat(500)}\n${' '.repeat(500)}The passage itself.${'\t'.repeat(400)}And after it.`);
      el.append(p);
    });
    const sel = describe(root, rangeOver(root, 'The passage itself.'))!;
    expect(sel.quote.prefix!.length).toBeLessThanOrEqual(200);
    expect(sel.quote.suffix!.length).toBeLessThanOrEqual(200);
    expect(anchor(root, sel).status).toBe('anchored');
  });

  it('maps collapsed offsets back to the original text', () => {
    const c = collapse('a  b\n\n c');
    expect(c.text).toBe('a b c');
    expect(originalRange(c, 1, 4, 8)).toEqual({ start: 1, end: 7 });
    expect(originalRange(c, 5, 5, 8)).toEqual({ start: 8, end: 8 });
  });
});

group('matchQuote', () => {
  it('returns null for an empty quote', () => {
    expect(matchQuote('abc', '')).toBeNull();
  });

  it('refuses approximate matches below the quote similarity floor', () => {
    expect(matchQuote('the quick brown fox jumps', 'the quack briwn fax jimps', { minQuoteSimilarity: 0.9 })).toBeNull();
    expect(matchQuote('the quick brown fox jumps', 'the quick brawn fox jumps')?.quoteSimilarity).toBeCloseTo(0.96);
    expect(matchQuote('the quick brown fox jumps', 'the quack brawn fix jumps')).toBeNull();
  });
});
