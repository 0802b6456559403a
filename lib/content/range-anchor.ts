/**
 * A floating-ui reference made from a Range: the popover sits next to the hovered words, even
 * when a name wraps across lines or lives inside a scrolled container.
 */
import type { VirtualElement } from '@floating-ui/dom';

/** A point in viewport coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** The range's visible line boxes (a wrapped name has one per line; empty boxes are dropped). */
export function lineRects(range: Pick<Range, 'getClientRects'>): DOMRect[] {
  return Array.from(range.getClientRects()).filter((rect) => rect.width > 0 && rect.height > 0);
}

/** Index of the rect under `point`, else the nearest one; 0 when there are none. */
export function rectIndexAt(rects: readonly DOMRect[], point: Point): number {
  let best = 0;
  let bestDistance = Infinity;
  rects.forEach((rect, index) => {
    const dx = Math.max(rect.left - point.x, 0, point.x - rect.right);
    const dy = Math.max(rect.top - point.y, 0, point.y - rect.bottom);
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

/** The element whose scrolling moves the range: floating-ui listens to its scroll ancestors. */
export function rangeElement(range: Pick<Range, 'startContainer'>): Element | undefined {
  const node = range.startContainer;
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : (node.parentElement ?? undefined);
}

/**
 * A virtual element for one line of `range`. The line is fixed by index rather than by pointer
 * position, so the card stays with the same line while the page scrolls.
 */
export function rangeAnchor(range: Range, line: number): VirtualElement {
  return {
    getBoundingClientRect() {
      const rects = lineRects(range);
      return rects[Math.min(line, rects.length - 1)] ?? range.getBoundingClientRect();
    },
    getClientRects: () => range.getClientRects(),
    contextElement: rangeElement(range),
  };
}
