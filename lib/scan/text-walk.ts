/**
 * One pass over the readable text under a root, in document order, without touching the DOM.
 * Text nodes are grouped by their nearest block-level container, so a name split across inline
 * elements ("<b>Sergei</b> Lavrov") is still one run of text, while text from different
 * blocks is never joined.
 */

/** What a tag name says about an element, as bits. */
const SKIP = 1;
const INLINE = 2;
const SHADOW_HOST = 4;
/** A custom element (a name with a hyphen): it may attach a shadow root after the walk. */
const CUSTOM = 8;

/** Elements whose text is never page prose, or is the reader's own input. */
const SKIPPED_NAMES = [
  'script', 'style', 'noscript', 'textarea', 'input', 'select', 'option', 'template', 'iframe', 'object',
  'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'head', 'button',
];

/** Elements laid out inline by default: their text joins the surrounding text. */
const INLINE_NAMES = [
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 'rb', 'ruby', 's', 'samp', 'slot', 'small', 'span', 'strike',
  'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
];

/** The only elements a page can attach a shadow root to, besides custom elements (names with a hyphen). */
const SHADOW_HOST_NAMES = [
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main',
  'nav', 'p', 'section', 'span',
];

/** Tag name -> SKIP | INLINE | SHADOW_HOST bits: one lookup per element. */
const KINDS = new Map<string, number>();
for (const [names, bit] of [[SKIPPED_NAMES, SKIP], [INLINE_NAMES, INLINE], [SHADOW_HOST_NAMES, SHADOW_HOST]] as const) {
  for (const name of names) KINDS.set(name, (KINDS.get(name) ?? 0) | bit);
}

/** The bits of a tag name: custom elements may host shadow roots; Backstory's own (`backstory-*`) are skipped. */
function kindOf(name: string): number {
  const kind = KINDS.get(name);
  if (kind !== undefined) return kind;
  if (!name.includes('-')) return 0;
  return name.startsWith('backstory-') ? SKIP : SHADOW_HOST | CUSTOM;
}

/** Decides which elements the walk leaves out, with everything under them. */
export type SkipTest = (el: Element) => boolean;

/**
 * True for elements whose changes are never rescanned: those the walk skips by name (scripts
 * and styles, form fields, Backstory's own UI: `backstory-*`), `hidden` elements and editable
 * regions (whose text the annotator reads on a full scan but never marks), and whatever
 * `ignore` says.
 */
export function makeSkipTest(ignore?: SkipTest): SkipTest {
  return (el) => skippedByName(el.localName) || skippedByAttributes(el) || (ignore ? ignore(el) : false);
}

/** True for tag names the scan never reads (see {@link makeSkipTest}). */
function skippedByName(name: string): boolean {
  return (kindOf(name) & SKIP) !== 0;
}

/** True for `hidden` elements and editable regions. */
function skippedByAttributes(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** True when an element's text may join its neighbours' (inline by default). */
export function isInline(el: Element): boolean {
  return (kindOf(el.localName) & INLINE) !== 0;
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
 * are handed to `onShadowRoot`, not walked; custom elements without one yet, to `onRootless`.
 *
 * The walk moves with the nodes' own firstChild / nextSibling links and keeps the elements it is
 * inside on a stack, so it never asks a node for its parent (nor pays for a TreeWalker's filter
 * at every step); each element is looked at once, by its tag name, and no attribute is read.
 * Text in `hidden` or editable elements is returned like any other: the annotator leaves it
 * unmarked when it checks the elements holding names (fewer than the page's elements by far).
 */
export class TextWalker {
  /** The root itself when it is a text node (returned once), else null. */
  private single: Text | null = null;
  private readonly textRoot: boolean;
  /** What the next call does first: 0 start at the root's first child, 1 descend into the current element, 2 move on, 3 nothing (an empty root). */
  private step = 0;
  /** The node the walk is at: the text last returned, or the element it is about to enter. */
  private current: Node;
  /** The kind of the element the next call descends into. */
  private enteringKind = 0;
  /** The elements the walk is inside (below the root), outermost first. */
  private readonly open: Element[] = [];
  /** Of those, the ones not laid out inline: the innermost is the block of the text read. */
  private readonly blocks: Node[];
  /** The text of the node last returned (read once, here). */
  data = '';
  /** The parent element of the node last returned (null at the top of a document or shadow tree). */
  parent: Element | null = null;
  private readonly rootElement: Element | null;

  constructor(
    private readonly root: Node,
    /** Extra elements to leave out with their subtree (besides those {@link makeSkipTest} names). */
    private readonly ignore: SkipTest | undefined,
    private readonly state: WalkState,
    private readonly onShadowRoot?: (sr: ShadowRoot) => void,
    /** Custom elements met without a shadow root: components defined or rendered later may attach one. */
    private readonly onRootless?: (host: Element) => void,
  ) {
    this.rootElement = root.nodeType === 1 ? (root as Element) : null;
    this.current = root;
    this.textRoot = root.nodeType === 3;
    if (this.textRoot) {
      this.single = root as Text;
      this.blocks = [];
    } else {
      this.blocks = [this.rootElement && isInline(this.rootElement) ? blockOf(root) : root];
    }
  }

  /** Hands on an element's open shadow root, or the element itself when a custom one has none yet. */
  private visitHost(el: Element, kind: number): void {
    if (!(kind & SHADOW_HOST) || !this.onShadowRoot) return;
    const sr = el.shadowRoot;
    if (sr) this.onShadowRoot(sr);
    else if (kind & CUSTOM && this.onRootless) this.onRootless(el);
  }

  /**
   * False when the walk can no longer go on from where it is: the root left the document, or the
   * node the walk stopped at (or an element it is inside) was removed or moved elsewhere. Ask
   * after the page had the thread; the caller then reads the root again from the start.
   */
  canResume(): boolean {
    if (!this.root.isConnected) return false;
    if (this.textRoot) return true;
    // Each element the walk is inside must still hang where it was, and so must the current node.
    let parent: Node = this.root;
    for (const el of this.open) {
      if (el.parentNode !== parent) return false;
      parent = el;
    }
    const current = this.current;
    return current === this.root || current.parentNode === parent;
  }

  /** The next non-empty text node, or null when the walk is over. */
  next(): Text | null {
    const { state } = this;
    if (this.textRoot) {
      const text = this.single;
      this.single = null;
      if (!text) return null;
      this.data = text.data;
      this.parent = text.parentElement;
      state.block = blockOf(text);
      return text;
    }
    const { open, blocks } = this;
    for (;;) {
      let node: Node | null;
      if (this.step === 2) {
        // The next sibling of the current node, or of the nearest element it is inside that has one.
        node = this.current.nextSibling;
        while (!node) {
          const up = open.pop();
          if (!up) return null;
          if (up === blocks[blocks.length - 1]) {
            // Leaving a block: what follows never joins what came before it.
            blocks.pop();
            state.breaks++;
          }
          node = up.nextSibling;
        }
      } else if (this.step === 1) {
        const el = this.current as Element;
        const block = !(this.enteringKind & INLINE);
        node = el.firstChild;
        if (!node) {
          // An empty element: one not laid out inline still separates the text around it.
          if (block) state.breaks++;
          this.step = 2;
          continue;
        }
        open.push(el);
        if (block) blocks.push(el);
      } else {
        if (this.step === 3) return null;
        // The root's own shadow root (a component rescanned on its own) is handed on like any other.
        const el = this.rootElement;
        if (el) this.visitHost(el, kindOf(el.localName));
        node = this.root.firstChild;
        if (!node) {
          this.step = 3;
          return null;
        }
      }
      this.current = node;
      this.step = 2;
      const type = node.nodeType;
      if (type === 3) {
        const data = (node as Text).data;
        if (!data.length) continue;
        state.block = blocks[blocks.length - 1]!;
        this.data = data;
        this.parent = open.length ? open[open.length - 1]! : this.rootElement;
        return node as Text;
      }
      // Comments, processing instructions and doctypes hold no page text.
      if (type !== 1) continue;
      const el = node as Element;
      const kind = kindOf(el.localName);
      if (kind & SKIP || (this.ignore && this.ignore(el))) {
        state.breaks++;
        continue;
      }
      if (kind & SHADOW_HOST) this.visitHost(el, kind);
      this.enteringKind = kind;
      this.step = 1;
    }
  }
}
