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

/** The only elements a page can attach a shadow root to, besides custom elements (names with a hyphen). */
const SHADOW_HOSTS = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main',
  'nav', 'p', 'section', 'span',
]);

/** Decides which elements the walk leaves out, with everything under them. */
export type SkipTest = (el: Element) => boolean;

/**
 * True for elements the scan never reads: scripts and styles, form fields, editable regions,
 * `hidden` elements, Backstory's own UI (`backstory-*` elements), and whatever `ignore` says.
 */
export function makeSkipTest(ignore?: SkipTest): SkipTest {
  return (el) => skippedByName(el.localName) || skippedByAttributes(el) || (ignore ? ignore(el) : false);
}

/** True for tag names the scan never reads (see {@link makeSkipTest}). */
function skippedByName(name: string): boolean {
  return SKIPPED.has(name) || name.startsWith('backstory-');
}

/** True for `hidden` elements and editable regions. */
function skippedByAttributes(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
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

/** What the walk shows: elements (to skip, to count as breaks) and text. */
const SHOW = 0x1 | 0x4; // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT

/**
 * A resumable pass over the non-empty text nodes under `root` (not `root`'s own siblings), in
 * document order, updating `state` before returning each one. Open shadow roots met on the way
 * are handed to `onShadowRoot`, not walked.
 *
 * The browser's own TreeWalker moves through the tree (one call per node, where reading
 * firstChild / nextSibling / parentNode from script costs several); each element is looked at
 * once, by its tag name. Elements carrying `hidden` or `contenteditable` are found up front
 * with one selector query, so no attribute is read node by node.
 */
export class TextWalker {
  private readonly walker: TreeWalker | null;
  private single: Text | null = null;
  /** The element to leave with its subtree before moving on (a skipped one). */
  private leave: Node | null = null;
  private lastParent: Node | null = null;
  private lastParentElement: Element | null = null;
  private lastBlock: Node;
  /** Elements under the root with an attribute that may make the walk skip them. */
  private readonly flagged: Set<Element>;
  /** The text of the node last returned (read once, here). */
  data = '';
  /** The parent element of the node last returned (null at the top of a document or shadow tree). */
  parent: Element | null = null;

  constructor(
    root: Node,
    /** Extra elements to leave out with their subtree (besides those {@link makeSkipTest} names). */
    private readonly ignore: SkipTest | undefined,
    private readonly state: WalkState,
    private readonly onShadowRoot?: (sr: ShadowRoot) => void,
  ) {
    this.lastBlock = root;
    if (root.nodeType === 3) {
      this.single = root as Text;
      this.walker = null;
      this.flagged = new Set();
    } else {
      const doc = root.ownerDocument ?? (root as Document);
      this.walker = doc.createTreeWalker(root, SHOW);
      const query = (root as ParentNode).querySelectorAll?.bind(root as ParentNode);
      this.flagged = new Set(query ? query('[hidden],[contenteditable]') : []);
    }
  }

  /** The next non-empty text node, or null when the walk is over. */
  next(): Text | null {
    const { state, walker } = this;
    if (!walker) {
      const text = this.single;
      this.single = null;
      if (!text) return null;
      this.data = text.data;
      this.parent = text.parentElement;
      state.block = blockOf(text);
      return text;
    }
    for (;;) {
      let node: Node | null;
      if (this.leave) {
        // Past the skipped element's subtree: its next sibling, or its nearest ancestor's.
        walker.currentNode = this.leave;
        this.leave = null;
        node = walker.nextSibling();
        while (!node && walker.parentNode()) node = walker.nextSibling();
      } else {
        node = walker.nextNode();
      }
      if (!node) return null;
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        if (!data.length) continue;
        const parent = node.parentNode;
        if (parent !== this.lastParent) {
          this.lastParent = parent;
          this.lastParentElement = parent && parent.nodeType === 1 ? (parent as Element) : null;
          this.lastBlock = parent ? blockOf(parent) : node;
        }
        state.block = this.lastBlock;
        this.data = data;
        this.parent = this.lastParentElement;
        return node as Text;
      }
      const el = node as Element;
      const name = el.localName;
      if (skippedByName(name) || (this.flagged.has(el) && skippedByAttributes(el)) || (this.ignore && this.ignore(el))) {
        state.breaks++;
        this.leave = el;
        continue;
      }
      if (this.onShadowRoot && (SHADOW_HOSTS.has(name) || name.includes('-'))) {
        const sr = el.shadowRoot;
        if (sr) this.onShadowRoot(sr);
      }
      // Any element not laid out inline separates the text before it from the text after it.
      if (!INLINE.has(name)) state.breaks++;
    }
  }
}
