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
 * Yields the non-empty text nodes under `root` (not `root`'s own siblings), updating `state`
 * before each one. Open shadow roots met on the way are handed to `onShadowRoot`, not walked.
 */
export function* walkText(root: Node, skip: SkipTest, state: WalkState, onShadowRoot?: (sr: ShadowRoot) => void): Generator<Text> {
  if (root.nodeType === 3) {
    state.block = blockOf(root);
    yield root as Text;
    return;
  }
  const blocks: Node[] = [root.nodeType === 1 && isInline(root as Element) ? blockOf(root) : root];
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      if ((node as Text).data.length > 0) {
        state.block = blocks[blocks.length - 1]!;
        yield node as Text;
      }
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (skip(el)) {
        state.breaks++;
      } else {
        if (el.shadowRoot && onShadowRoot) onShadowRoot(el.shadowRoot);
        if (el.firstChild) {
          descend = true;
          if (!isInline(el)) blocks.push(el);
        } else if (!isInline(el)) {
          state.breaks++;
        }
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && blocks.length > 1 && blocks[blocks.length - 1] === node) blocks.pop();
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
}
