/**
 * The page text that selectors are measured against: the document's text nodes in order,
 * skipping those whose content is never shown as text (scripts, styles, templates).
 * Describing and anchoring both go through `TextIndex`, so offsets always agree.
 */

/** Elements whose text nodes are not part of the readable page. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'IFRAME', 'OBJECT', 'SVG']);

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, spelled out so the module runs where NodeFilter is absent.
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY

function isSkipped(node: Node, root: Node): boolean {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
    if (SKIPPED.has(el.tagName.toUpperCase())) return true;
  }
  return false;
}

/** The readable text nodes under `root`, in document order. */
export function textNodes(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!isSkipped(n, root)) out.push(n as Text);
  }
  return out;
}

/** The text of `root` as selectors see it. */
export function pageText(root: Node): string {
  return textNodes(root)
    .map((t) => t.data)
    .join('');
}

/**
 * The page text with the start offset of every text node, to convert between
 * DOM boundary points and text offsets.
 */
export class TextIndex {
  /** The readable text nodes in order. */
  readonly nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text`. */
  readonly starts: number[];
  /** The whole page text. */
  readonly text: string;

  constructor(readonly root: Node) {
    this.nodes = textNodes(root);
    this.starts = [];
    let offset = 0;
    const parts: string[] = [];
    for (const node of this.nodes) {
      this.starts.push(offset);
      parts.push(node.data);
      offset += node.data.length;
    }
    this.text = parts.join('');
  }

  /**
   * The text offset of a DOM boundary point. A point inside a skipped element or between
   * elements maps to the next readable character.
   */
  offsetOf(container: Node, offset: number): number {
    const i = this.nodes.indexOf(container as Text);
    if (i >= 0) return this.starts[i]! + Math.min(offset, (container as Text).data.length);
    // An element boundary: the point sits before child `offset`, or at the end of `container`.
    const child = container.childNodes[offset] ?? null;
    for (let k = 0; k < this.nodes.length; k++) {
      const node = this.nodes[k]!;
      if (child) {
        if (node === child || child.compareDocumentPosition(node) & (FOLLOWING | CONTAINED_BY)) return this.starts[k]!;
      } else if (container.compareDocumentPosition(node) & FOLLOWING && !(container.compareDocumentPosition(node) & CONTAINED_BY)) {
        return this.starts[k]!;
      }
    }
    return this.text.length;
  }

  /** The DOM boundary point of a text offset (inside the text node that holds that character). */
  pointAt(offset: number, preferEnd = false): { node: Text; offset: number } | null {
    if (this.nodes.length === 0 || offset < 0 || offset > this.text.length) return null;
    // Binary search for the last node starting at or before `offset`.
    let lo = 0;
    let hi = this.nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    let i = lo;
    // An end point exactly at a node boundary belongs to the earlier node, so the range
    // does not spill into the next one; skip empty nodes either way.
    if (preferEnd) {
      while (i > 0 && this.starts[i] === offset) i--;
    } else {
      while (i < this.nodes.length - 1 && this.starts[i]! + this.nodes[i]!.data.length <= offset && this.starts[i + 1] === offset) i++;
    }
    const node = this.nodes[i]!;
    return { node, offset: Math.min(Math.max(offset - this.starts[i]!, 0), node.data.length) };
  }

  /** A DOM Range covering text offsets [start, end). Throws when out of bounds. */
  rangeOf(start: number, end: number): Range {
    const from = this.pointAt(start);
    const to = start === end ? from : this.pointAt(end, true);
    if (!from || !to || end < start) throw new RangeError(`Text offsets ${start}-${end} are outside the page text`);
    const doc = this.root.ownerDocument ?? (this.root as Document);
    const range = doc.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }
}
