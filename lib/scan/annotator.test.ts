import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DictionaryTerm, EntityType } from '../dataset/types';
import { compileMatcher } from '../matcher';
import { createAnnotator, type AnnotatorOptions } from './annotator';
import type { Highlighter } from './highlighter';

const terms: DictionaryTerm[] = [
  { text: 'Sergei Lavrov', entityId: 'lavrov', case: 'name' },
  { text: 'Lavrov', entityId: 'lavrov', case: 'name' },
  { text: 'Moscow', entityId: 'moscow', case: 'name' },
  { text: 'Moscow format', entityId: 'moscow-format', case: 'name' },
  { text: 'Taliban', entityId: 'taliban', case: 'name' },
  { text: 'Kabul', entityId: 'kabul', case: 'name' },
  { text: 'Hamid Karzai International Airport', entityId: null, case: 'name' },
  { text: 'Karzai', entityId: 'karzai', case: 'name' },
];
const types: Record<string, EntityType> = { lavrov: 'person', moscow: 'place', kabul: 'place', taliban: 'organization', karzai: 'person' };
const matcher = compileMatcher(terms);

/** A highlighter that records what is drawn. */
function fakeHighlighter() {
  const drawn = new Map<AbstractRange, string>();
  const adopted: DocumentOrShadowRoot[] = [];
  const h: Highlighter = {
    addAll: (ranges, type) => ranges.forEach((range) => drawn.set(range, type ?? 'entity')),
    delete: (range) => void drawn.delete(range),
    adopt: (root) => void adopted.push(root),
    clear: () => drawn.clear(),
    dispose: () => drawn.clear(),
  };
  return { h, drawn, adopted };
}

function textOf(range: AbstractRange): string {
  const r = document.createRange();
  r.setStart(range.startContainer, range.startOffset);
  r.setEnd(range.endContainer, range.endOffset);
  return r.toString();
}

/** Builds the page from element-building code (no HTML strings). */
function page(build: (body: HTMLElement) => void) {
  document.body.replaceChildren();
  build(document.body);
}

function el(tag: string, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  e.append(...children);
  return e;
}

const controllers: AbortController[] = [];
function annotate(extra: Partial<AnnotatorOptions> = {}) {
  const fake = fakeHighlighter();
  const controller = new AbortController();
  controllers.push(controller);
  const onChange = vi.fn();
  const annotator = createAnnotator({
    root: document,
    matcher,
    signal: controller.signal,
    typeOf: (id) => types[id],
    highlighter: fake.h,
    isVisible: () => true,
    debounceMs: 5,
    onChange,
    ...extra,
  });
  const found = () => annotator.marks().map((m) => [textOf(m.range), m.entityId]);
  return { annotator, fake, onChange, found, controller };
}

afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.body.replaceChildren();
});

describe('createAnnotator', () => {
  it('marks names in reading order without changing the DOM', async () => {
    page((b) =>
      b.append(
        el('h1', 'Lavrov: talks in Moscow'),
        el('p', 'Russian Foreign Minister ', el('b', 'Sergei'), ' ', el('a', 'Lavrov'), '’s remarks on the ', el('em', 'Moscow format'), '.'),
        el('p', 'Flights left Hamid Karzai International Airport in Kabul.'),
      ),
    );
    const before = document.documentElement.outerHTML;
    const { annotator, fake, onChange, found } = annotate();
    await annotator.start();
    expect(found()).toEqual([
      ['Lavrov', 'lavrov'],
      ['Moscow', 'moscow'],
      ['Sergei Lavrov', 'lavrov'],
      ['Moscow format', 'moscow-format'],
      ['Kabul', 'kabul'],
    ]);
    expect(document.documentElement.outerHTML).toBe(before);
    expect([...fake.drawn.values()].sort()).toEqual(['entity', 'person', 'person', 'place', 'place']);
    expect(onChange).toHaveBeenLastCalledWith([
      { entityId: 'lavrov', count: 2 },
      { entityId: 'kabul', count: 1 },
      { entityId: 'moscow', count: 1 },
      { entityId: 'moscow-format', count: 1 },
    ]);
  });

  it('never joins text across blocks or line breaks', async () => {
    page((b) => b.append(el('div', el('p', 'Sergei'), el('p', 'Lavrov')), el('p', 'Moscow', el('br'), 'format')));
    const { annotator, found } = annotate();
    await annotator.start();
    expect(found()).toEqual([
      ['Lavrov', 'lavrov'],
      ['Moscow', 'moscow'],
    ]);
  });

  it('joins text across inline elements, however nested or empty, and reads shadow roots of built-in hosts', async () => {
    const host = el('div');
    page((b) => b.append(el('p', 'Sergei', el('span'), ' ', el('i', el('b', 'Lav'), 'rov')), el('p', 'Moscow', el('div'), ' format'), host, el('p', 'Taliban')));
    host.attachShadow({ mode: 'open' }).append(el('p', 'Kabul'));
    const { annotator, found } = annotate();
    await annotator.start();
    expect(found().map(([text]) => text).sort()).toEqual(['Kabul', 'Moscow', 'Sergei Lavrov', 'Taliban']);
    const lavrov = annotator.marks().find((m) => m.entityId === 'lavrov')!;
    expect(lavrov.range.startContainer.textContent).toBe('Sergei');
    expect(lavrov.range.endContainer.textContent).toBe('rov');
  });

  it('reads through comments, but a block holding only a comment still separates text', async () => {
    page((b) => {
      const block = el('div');
      block.append(document.createComment(' ad slot '));
      b.append(el('p', 'Sergei ', document.createComment(' byline '), el('b', document.createComment(''), 'Lavrov')), el('p', 'Moscow', block, ' format'));
    });
    const { annotator, found } = annotate();
    await annotator.start();
    expect(found()).toEqual([
      ['Sergei Lavrov', 'lavrov'],
      ['Moscow', 'moscow'],
    ]);
  });

  it('rescans a changed inline element with the rest of its block', async () => {
    const link = el('a', 'Moscow');
    page((b) => b.append(el('p', 'Talks in ', link, ' today')));
    const { annotator, found } = annotate();
    await annotator.start();
    expect(found()).toEqual([['Moscow', 'moscow']]);
    link.append(' format');
    await vi.waitFor(() => expect(found()).toEqual([['Moscow format', 'moscow-format']]));
  });

  it('matches many short paragraphs together and still maps every mark to its own text node', async () => {
    const paragraphs: HTMLElement[] = [];
    for (let i = 0; i < 400; i++) {
      // Each ends in "Sergei" and the next starts with "Lavrov": never one name across paragraphs.
      paragraphs.push(el('p', `${i % 2 ? 'Lavrov' : 'Kabul'} said paragraph ${i} is about `, el('a', 'Moscow'), '’s role, Sergei'));
    }
    page((b) => b.append(...paragraphs));
    const { annotator, found } = annotate();
    await annotator.start();
    const marks = annotator.marks();
    expect(marks).toHaveLength(800);
    expect(found().filter(([text]) => text === 'Sergei Lavrov')).toEqual([]);
    marks.forEach((mark, k) => {
      const p = paragraphs[k >> 1]!;
      const node = k % 2 ? p.querySelector('a')!.firstChild : p.firstChild;
      expect(mark.range.startContainer).toBe(node);
      expect(mark.range.endContainer).toBe(node);
      expect(textOf(mark.range)).toBe(k % 2 ? 'Moscow' : (k >> 1) % 2 ? 'Lavrov' : 'Kabul');
    });
    // 800 marks read back through happy-dom's ranges: seconds on a loaded machine, not a hang.
  }, 30_000);

  it('skips scripts, form fields, editable and hidden regions, and its own UI', async () => {
    page((b) => {
      const hidden = el('p', 'Moscow');
      hidden.hidden = true;
      const editable = el('div', 'Moscow');
      editable.setAttribute('contenteditable', 'true');
      const ui = document.createElement('backstory-popover');
      ui.append('Moscow');
      const ignored = el('aside', 'Moscow');
      ignored.className = 'mine';
      b.append(el('script', 'var Moscow = 1'), el('style', '.Moscow{}'), el('textarea', 'Moscow'), el('noscript', 'Moscow'), hidden, editable, ui, ignored, el('p', 'Kabul'));
    });
    // As in a browser, where `hidden` is display: none (happy-dom has no such style; the real
    // check runs in the end-to-end tests).
    const { annotator, found } = annotate({ ignore: (e) => e.classList.contains('mine'), isVisible: (e) => !e.closest('[hidden]') });
    await annotator.start();
    expect(found()).toEqual([['Kabul', 'kabul']]);
  });

  it('does not mark text the page hides with CSS, and marks it once revealed', async () => {
    const hidden = el('p', 'Taliban');
    hidden.className = 'collapsed';
    page((b) => b.append(el('div', hidden), el('p', 'Kabul')));
    const { annotator, found } = annotate({ isVisible: (e) => !e.closest('.collapsed') });
    await annotator.start();
    expect(found()).toEqual([['Kabul', 'kabul']]);
    hidden.className = '';
    await vi.waitFor(() => expect(found()).toEqual([['Taliban', 'taliban'], ['Kabul', 'kabul']]));
  });

  it('includes open shadow roots of page components', async () => {
    const host = el('news-card');
    page((b) => b.append(host, el('p', 'Kabul')));
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(el('p', 'Taliban fighters'));
    const { annotator, fake, found } = annotate();
    await annotator.start();
    expect(found().map(([t]) => t).sort()).toEqual(['Kabul', 'Taliban']);
    expect(fake.adopted).toContain(shadow);
  });

  it('finds shadow roots that components attach after the scan, and stops looking after the last check', async () => {
    const late = el('late-quote');
    const later = el('plain-widget');
    page((b) => b.append(late, later, el('p', 'Kabul')));
    // One look only, 5 ms after the scan read the hosts.
    const { annotator, found, fake } = annotate({ lateShadowChecksMs: [5] });
    await annotator.start();
    expect(found()).toEqual([['Kabul', 'kabul']]);
    // Defined after the scan: nothing changes in the light DOM that an observer would see.
    const shadow = late.attachShadow({ mode: 'open' });
    shadow.append(el('p', 'Taliban fighters'));
    await vi.waitFor(() => expect(found().map(([t]) => t).sort()).toEqual(['Kabul', 'Taliban']));
    expect(fake.adopted).toContain(shadow);
    // The new root is followed like any other.
    shadow.append(el('p', 'Sergei Lavrov'));
    await vi.waitFor(() => expect(found().map(([t]) => t).sort()).toEqual(['Kabul', 'Sergei Lavrov', 'Taliban']));
    // That was the last look: a root attached now is not searched for, and no timer is left.
    later.attachShadow({ mode: 'open' }).append(el('p', 'Moscow'));
    await annotator.idle();
    expect(found().map(([t]) => t)).not.toContain('Moscow');
  });

  it('reads the shadow root of a component added on its own', async () => {
    page((b) => b.append(el('p', 'Kabul')));
    const { annotator, found } = annotate();
    await annotator.start();
    const card = el('news-card');
    card.attachShadow({ mode: 'open' }).append(el('p', 'Taliban fighters'));
    document.body.append(card);
    await vi.waitFor(() => expect(found().map(([t]) => t).sort()).toEqual(['Kabul', 'Taliban']));
  });

  it('gives components added later the quick looks again', async () => {
    page((b) => b.append(el('first-widget'), el('p', 'Kabul')));
    // A quick look, then a very late one: a host read after the quick look must not wait for it.
    const { annotator, found } = annotate({ lateShadowChecksMs: [5, 60_000] });
    await annotator.start();
    await new Promise((r) => setTimeout(r, 20));
    const added = el('news-quote');
    document.body.append(added);
    await vi.waitFor(() => expect(annotator.marks().length).toBe(1));
    await annotator.idle();
    added.attachShadow({ mode: 'open' }).append(el('p', 'Taliban fighters'));
    await vi.waitFor(() => expect(found().map(([t]) => t).sort()).toEqual(['Kabul', 'Taliban']));
  });

  it('tells after every pass that the text was read, names or not', async () => {
    page((b) => b.append(el('p', 'Kabul')));
    const onScanned = vi.fn();
    const { annotator, onChange } = annotate({ onScanned });
    await annotator.start();
    expect(onScanned).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    document.body.append(el('p', 'The talks lasted three hours.'));
    await vi.waitFor(() => expect(onScanned).toHaveBeenCalledTimes(2));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('picks up insertions, text changes and removals', async () => {
    const live = el('section', el('p', 'Kabul'));
    page((b) => b.append(live));
    const { annotator, found, onChange } = annotate();
    await annotator.start();
    expect(found()).toEqual([['Kabul', 'kabul']]);

    const added = el('article', el('p', 'Late news from Moscow'));
    live.append(added);
    await vi.waitFor(() => expect(found()).toEqual([['Kabul', 'kabul'], ['Moscow', 'moscow']]));

    const first = live.firstChild!.firstChild as Text;
    first.data = 'Taliban in Kabul';
    await vi.waitFor(() => expect(found()).toEqual([['Taliban', 'taliban'], ['Kabul', 'kabul'], ['Moscow', 'moscow']]));

    added.remove();
    await vi.waitFor(() => expect(found()).toEqual([['Taliban', 'taliban'], ['Kabul', 'kabul']]));
    expect(onChange).toHaveBeenLastCalledWith([
      { entityId: 'kabul', count: 1 },
      { entityId: 'taliban', count: 1 },
    ]);

    // An inline insertion completes a name inside an existing block.
    const p = el('p', 'Sergei ');
    live.append(p);
    await vi.waitFor(() => expect(found()).toHaveLength(2));
    p.append(el('span', 'Lavrov'));
    await vi.waitFor(() => expect(found().at(-1)).toEqual(['Sergei Lavrov', 'lavrov']));
    expect(found()).toHaveLength(3);
  });

  it('switches off and on at once', async () => {
    page((b) => b.append(el('p', 'Kabul and Moscow')));
    const { annotator, fake, onChange, found } = annotate();
    await annotator.start();
    expect(fake.drawn.size).toBe(2);
    await annotator.setEnabled(false);
    expect(fake.drawn.size).toBe(0);
    expect(found()).toEqual([]);
    expect(onChange).toHaveBeenLastCalledWith([]);
    // Changes while off are not followed, and not lost: switching on rescans.
    document.body.append(el('p', 'Taliban'));
    await annotator.setEnabled(true);
    expect(found().map(([t]) => t)).toEqual(['Kabul', 'Moscow', 'Taliban']);
    expect(fake.drawn.size).toBe(3);
  });

  it('stops for good when its signal aborts', async () => {
    page((b) => b.append(el('p', 'Kabul')));
    const { annotator, fake, controller } = annotate();
    await annotator.start();
    controller.abort();
    expect(fake.drawn.size).toBe(0);
    document.body.append(el('p', 'Moscow'));
    await annotator.start();
    expect(annotator.marks()).toEqual([]);
  });

  it('hit-tests the caret position against the marks of its block', async () => {
    const p = el('p', 'Talks in Moscow with ', el('a', 'Sergei Lavrov'), ' today');
    page((b) => b.append(p));
    const name = p.childNodes[1]!.firstChild as Text;
    let caret: { node: Node; offset: number } | null = { node: name, offset: 3 };
    const { annotator } = annotate({ caretAt: () => caret, contains: (_r, x) => x < 100 });
    await annotator.start();
    expect(annotator.hitTest(10, 10)?.entityId).toBe('lavrov');
    // The caret is in the mark but the point is outside its boxes (past the end of a line).
    expect(annotator.hitTest(200, 10)).toBeNull();
    caret = { node: p.lastChild!, offset: 3 };
    expect(annotator.hitTest(10, 10)).toBeNull();
    caret = null;
    expect(annotator.hitTest(10, 10)).toBeNull();
  });

  it('yields to the page when over its time budget', async () => {
    page((b) => {
      for (let i = 0; i < 300; i++) b.append(el('p', `Paragraph ${i} about Kabul.`));
    });
    const pause = vi.fn(() => Promise.resolve());
    const { annotator } = annotate({ budgetMs: 0, yieldToPage: pause });
    await annotator.start();
    expect(pause).toHaveBeenCalled();
    expect(annotator.marks()).toHaveLength(300);
  });

  it('finishes the page when the part it paused in is removed or moved while it yields', async () => {
    const paragraphs: HTMLElement[] = [];
    for (let i = 0; i < 300; i++) paragraphs.push(el('p', `Paragraph ${i} about Kabul.`));
    const aside = el('aside');
    page((b) => b.append(el('main', ...paragraphs), aside));
    let pauses = 0;
    const pause = () => {
      // First pause: the part read so far goes away; second: the next part moves out of the scanned tree.
      if (++pauses === 1) paragraphs.slice(0, 60).forEach((p) => p.remove());
      if (pauses === 2) aside.append(...paragraphs.slice(60, 120));
      return Promise.resolve();
    };
    const { annotator } = annotate({ budgetMs: 0, yieldToPage: pause, debounceMs: 1 });
    await annotator.start();
    await vi.waitFor(async () => {
      await annotator.idle();
      expect(annotator.marks()).toHaveLength(240);
    });
  });

  it('yields inside one long text node and still finds every name, also across slice ends', async () => {
    const sentence = 'Talks in Moscow format with Sergei Lavrov in Kabul went on. ';
    page((b) => b.append(el('p', sentence.repeat(2000))));
    const pause = vi.fn(() => Promise.resolve());
    const { annotator, found } = annotate({ budgetMs: 0, yieldToPage: pause });
    await annotator.start();
    expect(pause.mock.calls.length).toBeGreaterThan(5);
    expect(annotator.marks()).toHaveLength(6000);
    expect(found().slice(0, 3)).toEqual([
      ['Moscow format', 'moscow-format'],
      ['Sergei Lavrov', 'lavrov'],
      ['Kabul', 'kabul'],
    ]);
  });
});
