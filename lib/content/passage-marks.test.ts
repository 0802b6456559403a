import { afterEach, describe, expect, it } from 'vitest';
import { describe as describePassage } from '../anchoring/anchor';
import { NOTE_HIGHLIGHT } from '../scan/page-styles';
import { noteableRange, noteHighlights, placePassages } from './passage-marks';

function page(html: string[]): HTMLElement {
  const article = document.createElement('article');
  for (const text of html) {
    const p = document.createElement('p');
    p.textContent = text;
    article.append(p);
  }
  document.body.append(article);
  return article;
}

function rangeOf(root: Node, text: string): Range {
  const walker = document.createTreeWalker(root, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    return range;
  }
  throw new Error(text);
}

function selectionOf(range: Range | null): Selection {
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  if (range) selection.addRange(range);
  return selection;
}

afterEach(() => {
  document.body.replaceChildren();
  document.getSelection()?.removeAllRanges();
});

describe('placePassages', () => {
  const first = 'Russia is ready to resume the Moscow format of talks on Afghanistan.';
  const second = 'Envoys agreed to share border patrol schedules every week.';

  it('finds passages again, reports orphans and skips article notes', () => {
    const root = page([first, second]);
    const kept = describePassage(root, rangeOf(root, 'resume the Moscow format'))!;
    const gone = describePassage(root, rangeOf(root, 'share border patrol schedules'))!;
    root.lastElementChild!.textContent = 'Officials declined to give a date.';
    const placed = placePassages(root, [
      { id: 'kept', target: kept },
      { id: 'article-note' },
      { id: 'gone', target: gone },
    ]);
    expect(placed.anchored.map((a) => [a.id, a.range.toString()])).toEqual([['kept', 'resume the Moscow format']]);
    expect(placed.orphans).toEqual(['gone']);
  });

  it('follows a passage that moved when text was inserted before it', () => {
    const root = page([first, second]);
    const target = describePassage(root, rangeOf(root, 'border patrol'))!;
    root.prepend(Object.assign(document.createElement('p'), { textContent: 'Update: a new paragraph at the top.' }));
    const placed = placePassages(root, [{ id: 'moved', target }]);
    expect(placed.anchored[0]?.range.toString()).toBe('border patrol');
  });

  it('has nothing to do without passage notes', () => {
    expect(placePassages(page([first]), [{ id: 'a' }])).toEqual({ anchored: [], orphans: [] });
  });
});

describe('noteableRange', () => {
  it('offers a selection of page text', () => {
    const root = page(['Sergei Lavrov said on Thursday']);
    expect(noteableRange(selectionOf(rangeOf(root, 'Lavrov said')))?.toString()).toBe('Lavrov said');
  });

  it('refuses empty, collapsed and white-space selections', () => {
    const root = page(['Sergei   Lavrov']);
    expect(noteableRange(null)).toBeNull();
    expect(noteableRange(selectionOf(null))).toBeNull();
    const collapsed = rangeOf(root, 'Lavrov');
    collapsed.collapse(true);
    expect(noteableRange(selectionOf(collapsed))).toBeNull();
    expect(noteableRange(selectionOf(rangeOf(root, '   ')))).toBeNull();
  });

  it('refuses editable fields and the extension’s own UI', () => {
    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    editable.textContent = 'A draft comment about Lavrov';
    const own = document.createElement('backstory-notes');
    own.textContent = 'Add note';
    document.body.append(editable, own);
    expect(noteableRange(selectionOf(rangeOf(editable, 'draft comment')))).toBeNull();
    expect(noteableRange(selectionOf(rangeOf(own, 'Add note')), (node) => own.contains(node))).toBeNull();
  });
});

describe('noteHighlights', () => {
  it('registers backstory-note with exactly the given ranges, and removes it', () => {
    const added: AbstractRange[] = [];
    const registry = new Map<string, unknown>();
    class FakeHighlight {
      priority = 0;
      add(range: AbstractRange) {
        added.push(range);
      }
      clear() {
        added.length = 0;
      }
    }
    const doc = {
      defaultView: { CSS: { highlights: registry }, Highlight: FakeHighlight },
    } as unknown as Document;
    const highlights = noteHighlights(doc);
    const root = page(['one two three']);
    highlights.set([rangeOf(root, 'one'), rangeOf(root, 'three')]);
    expect(registry.has(NOTE_HIGHLIGHT)).toBe(true);
    expect(added.map((r) => (r as Range).toString())).toEqual(['one', 'three']);
    highlights.set([rangeOf(root, 'two')]);
    expect(added.map((r) => (r as Range).toString())).toEqual(['two']);
    highlights.set([]);
    expect(registry.has(NOTE_HIGHLIGHT)).toBe(false);
    highlights.dispose();
  });

  it('does nothing where the browser has no CSS highlights', () => {
    const highlights = noteHighlights({ defaultView: { CSS: {} } } as unknown as Document);
    expect(() => highlights.set([document.createRange()])).not.toThrow();
  });
});
