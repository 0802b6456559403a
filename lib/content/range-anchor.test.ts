import { describe, expect, it } from 'vitest';
import { lineRects, rangeAnchor, rangeElement, rectIndexAt } from './range-anchor';

/** A name wrapped across two lines: "Sergei" at the end of one line, "Lavrov" at the start of the next. */
function wrappedRange() {
  const p = document.createElement('p');
  p.textContent = 'Foreign Minister Sergei Lavrov said';
  document.body.append(p);
  const range = document.createRange();
  range.setStart(p.firstChild!, 17);
  range.setEnd(p.firstChild!, 30);
  const rects = [new DOMRect(300, 100, 60, 18), new DOMRect(0, 0, 0, 0), new DOMRect(10, 120, 55, 18)];
  range.getClientRects = () => rects as unknown as DOMRectList;
  range.getBoundingClientRect = () => new DOMRect(10, 100, 350, 38);
  return { p, range };
}

describe('range anchors', () => {
  it('drops empty line boxes', () => {
    const { p, range } = wrappedRange();
    expect(lineRects(range)).toHaveLength(2);
    p.remove();
  });

  it('picks the line under the pointer, or the nearest', () => {
    const { p, range } = wrappedRange();
    const rects = lineRects(range);
    expect(rectIndexAt(rects, { x: 30, y: 125 })).toBe(1);
    expect(rectIndexAt(rects, { x: 320, y: 105 })).toBe(0);
    expect(rectIndexAt(rects, { x: 100, y: 150 })).toBe(1);
    expect(rectIndexAt([], { x: 0, y: 0 })).toBe(0);
    p.remove();
  });

  it('anchors to one line and scrolls with the text element', () => {
    const { p, range } = wrappedRange();
    const anchor = rangeAnchor(range, 1);
    expect(anchor.getBoundingClientRect()).toMatchObject({ x: 10, y: 120, width: 55 });
    expect(anchor.contextElement).toBe(p);
    expect(rangeElement(range)).toBe(p);
    expect(rangeAnchor(range, 7).getBoundingClientRect()).toMatchObject({ x: 10, y: 120 });
    p.remove();
  });

  it('falls back to the bounding box when the range has no line boxes', () => {
    const { p, range } = wrappedRange();
    range.getClientRects = () => [] as unknown as DOMRectList;
    expect(rangeAnchor(range, 0).getBoundingClientRect()).toMatchObject({ x: 10, y: 100, width: 350 });
    p.remove();
  });
});
