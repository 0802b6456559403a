/**
 * One pass over the readable text under a root, in document order, without touching the DOM.
 * Text nodes are grouped by their nearest block-level container, so a name split across inline
 * elements ("<b>Sergei</b> Lavrov") is still one run of text, while text from different
 * blocks is never joined.
 */

/** Elements whose text is never page prose, or is the reader's own input. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'textarea', 'input', 'select', 'option', 'template', 'iframe', 'object',
  'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'head', 'button',
]);

/** Elements laid out inline by default: their text joins the surrounding text. */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 'rb', 'ruby', 's', 'samp', 'slot', 'small', 'span', 'strike',
  'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

/** Decides which elements the walk leaves out, with everything under them. */
export type SkipTest = (el: Element) => boolean;

/**
 * True for elements the scan never reads: scripts and styles, form fields, editable regions,
 * `hidden` elements, Backstory's own UI (`backstory-*` elements), and whatever `ignore` says.
 */
export function makeSkipTest(ignore?: SkipTest): SkipTest {
  return (el) => {
    const name = el.localName;
    if (SKIPPED.has(name) || name.startsWith('backstory-')) return true;
    if (el.hasAttribute('hidden')) return true;
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') return true;
    return ignore ? ignore(el) : false;
  };
}

/** True when an element's text may join its neighbours' (inline by default). */
export function isInline(el: Element): boolean {
  return INLINE.has(el.localName);
}

/**
 * The block a node's text belongs to: its nearest non-inline element ancestor (or itself),
 * or the shadow root / document at the top of its tree.
 */
export function blockOf(node: Node): Node {
  let n: Node | null = node.nodeType === 1 ? node : node.parentNode;
  while (n && n.nodeType === 1 && isInline(n as Element)) n = n.parentNode;
  return n ?? node;
}

/** True when `node` lies inside an element the walk would skip. */
export function isInSkipped(node: Node, skip: SkipTest): boolean {
  for (let n: Node | null = node.nodeType === 1 ? node : node.parentNode; n; n = n.parentNode) {
    if (n.nodeType === 1 && skip(n as Element)) return true;
  }
  return false;
}

/** Where the walk is: the block of the text node it last returned, and a break counter. */
export interface WalkState {
  block: Node;
  /** Increases at every element that separates text inside one block (br, img, skipped elements). */
  breaks: number;
}

/**
 * A resumable pass over the non-empty text nodes under `root` (not `root`'s own siblings), in
 * document order, updating `state` before returning each one. Open shadow roots met on the way
 * are handed to `onShadowRoot`, not walked. A plain loop over firstChild / nextSibling, no
 * generator: this runs for every node of the page, and a generator's resumption costs more than
 * the DOM reads themselves.
 */
export class TextWalker {
  private readonly blocks: Node[];
  private node: Node | null;
  private single: Text | null = null;

  constructor(
    private readonly root: Node,
    private readonly skip: SkipTest,
    private readonly state: WalkState,
    private readonly onShadowRoot?: (sr: ShadowRoot) => void,
  ) {
    if (root.nodeType === 3) {
      this.single = root as Text;
      this.blocks = [];
      this.node = null;
    } else {
      this.blocks = [root.nodeType === 1 && isInline(root as Element) ? blockOf(root) : root];
      this.node = root.firstChild;
    }
  }

  /** The next non-empty text node, or null when the walk is over. */
  next(): Text | null {
    if (this.single) {
      const text = this.single;
      this.single = null;
      this.state.block = blockOf(text);
      return text;
    }
    const { root, blocks, state, skip } = this;
    let node = this.node;
    let found: Text | null = null;
    while (node && !found) {
      let descend = false;
      const type = node.nodeType;
      if (type === 3) {
        if ((node as Text).length > 0) {
          state.block = blocks[blocks.length - 1]!;
          found = node as Text;
        }
      } else if (type === 1) {
        const el = node as Element;
        if (skip(el)) {
          state.breaks++;
        } else {
          if (this.onShadowRoot) {
            const sr = el.shadowRoot;
            if (sr) this.onShadowRoot(sr);
          }
          const inline = isInline(el);
          if (el.firstChild) {
            descend = true;
            if (!inline) blocks.push(el);
          } else if (!inline) {
            state.breaks++;
          }
        }
      }
      if (descend) {
        node = node.firstChild;
        continue;
      }
      let next = node.nextSibling;
      while (!next) {
        node = node.parentNode;
        if (!node || node === root) break;
        if (blocks.length > 1 && blocks[blocks.length - 1] === node) blocks.pop();
        next = node.nextSibling;
      }
      node = next;
    }
    this.node = node;
    return found;
  }
}

/** The non-empty text nodes under `root` as a generator (see {@link TextWalker}). */
export function* walkText(root: Node, skip: SkipTest, state: WalkState, onShadowRoot?: (sr: ShadowRoot) => void): Generator<Text> {
  const walker = new TextWalker(root, skip, state, onShadowRoot);
  for (let text = walker.next(); text; text = walker.next()) yield text;
}
