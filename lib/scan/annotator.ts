/**
 * The page annotator: finds every dictionary name in a document's text, marks it with CSS Custom
 * Highlights (the DOM is never modified), answers "which mark is under the pointer?", and keeps
 * up with pages that change. Work is done in chunks that yield to the page.
 */
import type { EntityType } from '../dataset/types';
import type { Matcher } from '../matcher';
import { cssHighlighter, type Highlighter } from './highlighter';
import { blockOf, isInSkipped, isInline, makeSkipTest, TextWalker, type SkipTest, type WalkState } from './text-walk';
import { yieldToPage } from './yield';

/** One marked occurrence of an entity. */
export interface Mark {
  entityId: string;
  /** The marked text (a StaticRange where supported: it costs the page nothing when the DOM changes). */
  range: AbstractRange;
  type: EntityType | undefined;
  /** Index of the dictionary term that matched. */
  term: number;
}

/** How many times an entity is marked on the page. */
export interface EntityCount {
  entityId: string;
  count: number;
}

/** A caret position under a point. */
export interface CaretPosition {
  node: Node;
  offset: number;
}

/** Options of {@link createAnnotator}. */
export interface AnnotatorOptions {
  /** The page. */
  root: Document;
  /** The compiled dictionary. */
  matcher: Matcher;
  /** Stops everything (observer, highlights, pending work) when aborted. */
  signal?: AbortSignal;
  /** The entity type of an id, for per-type styling; undefined gives the generic style. */
  typeOf?: (entityId: string) => EntityType | undefined;
  /** Extra elements to leave out (with their subtree), e.g. the extension's own UI host. */
  ignore?: (el: Element) => boolean;
  /** Called after each scan pass that changed the marks, with counts per entity (most marked first). */
  onChange?: (summary: EntityCount[]) => void;
  /** Called after every scan pass, whether or not it changed the marks (the page's text changed). */
  onScanned?: () => void;
  /** Where marks are drawn; defaults to `CSS.highlights` of `root`. */
  highlighter?: Highlighter;
  /** Caret under a point; defaults to caretPositionFromPoint / caretRangeFromPoint. */
  caretAt?: (x: number, y: number, shadowRoots: ShadowRoot[]) => CaretPosition | null;
  /** Whether a point is inside a mark's rendered boxes; defaults to the range's client rects. */
  contains?: (range: AbstractRange, x: number, y: number) => boolean;
  /** Whether an element is rendered; defaults to `checkVisibility()`. Hidden text is not marked (nor is editable text). */
  isVisible?: (el: Element) => boolean;
  /** Longest stretch of work before yielding to the page, in ms (default 8). */
  budgetMs?: number;
  /** Quiet time before a burst of page changes is rescanned, in ms (default 80). */
  debounceMs?: number;
  /** Gives the page the main thread (default: scheduler.yield / MessageChannel / setTimeout). */
  yieldToPage?: () => Promise<void>;
  /**
   * Delays between looks at custom elements read without a shadow root, in ms: a component
   * defined or rendered after the scan attaches one without any change the page's observer sees.
   * Default 0.25 s doubling up to 32 s (about a minute in all), then it stops looking.
   */
  lateShadowChecksMs?: readonly number[];
}

/** A running annotator. */
export interface Annotator {
  /** Scans the whole page, then follows its changes. Resolves when the first full scan is done. */
  start(): Promise<void>;
  /** Resolves when no scan is running or pending (after start, after page changes). */
  idle(): Promise<void>;
  /** The mark under a viewport point, or null. Cheap enough for every pointer move. */
  hitTest(x: number, y: number): Mark | null;
  /** Every mark, in reading order. */
  marks(): readonly Mark[];
  /** Counts per entity, most marked first. */
  summary(): EntityCount[];
  /** Switches marking off (everything removed, page no longer observed) or on again (full rescan). */
  setEnabled(on: boolean): Promise<void>;
  /** Removes every mark and stops for good. */
  stop(): void;
}

const OBSERVED_ATTRIBUTES = ['hidden', 'open', 'style', 'class', 'contenteditable'];
const LATE_SHADOW_CHECKS_MS = [250, 500, 1000, 2000, 4000, 8000, 16000, 32000];
/** Characters matched between two looks at the clock inside one long text (a few ms of work at most). */
const SLICE_CHARS = 16_384;
/** Text nodes read between two looks at the clock. */
const NODES_PER_CHECK = 32;
/** The texts read are matched together once they reach this many characters. */
const BATCH_CHARS = 8_192;
/** Joins the texts of two runs: neither a word character nor white space, so no name crosses it. */
const RUN_SEPARATOR = '\u0000';

/**
 * Creates an annotator for a page. Nothing happens until `start()`.
 *
 * Text is read in runs: the text nodes of one block with no break between them (see text-walk),
 * so a name split by inline markup is still found. Runs are matched many at a time, joined by a
 * separator no name crosses, in one matcher call; every hit becomes a Mark keyed by its block,
 * which makes rescans, removals and hit tests local.
 */
export function createAnnotator(options: AnnotatorOptions): Annotator {
  const doc = options.root;
  const { matcher, typeOf = () => undefined, onChange } = options;
  const budget = options.budgetMs ?? 8;
  const debounceMs = options.debounceMs ?? 80;
  const pause = options.yieldToPage ?? yieldToPage;
  const skip: SkipTest = makeSkipTest(options.ignore);
  const ignore = options.ignore;
  const isVisible = options.isVisible ?? defaultIsVisible;
  const caretAt = options.caretAt ?? ((x, y, roots) => defaultCaretAt(doc, x, y, roots));
  const contains = options.contains ?? ((range, x, y) => defaultContains(doc, range, x, y));
  // Created now, not at the first mark: installing the styles restyles the page, best done early.
  const highlighter: Highlighter = options.highlighter ?? cssHighlighter(doc);
  const StaticRangeCtor = (doc.defaultView as (Window & typeof globalThis) | null)?.StaticRange;

  /** Marks per block, in text order within the block. */
  const byBlock = new Map<Node, Mark[]>();
  /** Blocks whose hits were not marked because they were hidden; rechecked when attributes change. */
  const hiddenBlocks = new Set<Node>();
  /** Marks per dictionary term (an array, not a map by entity: one increment per mark). */
  const termCounts = new Int32Array(matcher.terms.length);
  const shadowRoots = new Set<ShadowRoot>();
  /** Custom elements read without a shadow root, looked at again now and then (see lateShadowChecksMs). */
  const rootless = new Set<Element>();
  const lateChecks = options.lateShadowChecksMs ?? LATE_SHADOW_CHECKS_MS;
  let lateTimer: ReturnType<typeof setTimeout> | null = null;
  let lateStep = 0;
  /** Marks found but not drawn yet: block, mark, parent element of its start, block, mark, ... */
  const pending: (Node | Mark | Element | null)[] = [];
  let ordered: Mark[] | null = null;
  let enabled = false;
  let stopped = false;
  /** Increased whenever work in flight must be abandoned (off, stop). */
  let generation = 0;
  let queue: Promise<void> = Promise.resolve();
  let changed = false;
  let observer: MutationObserver | null = null;
  const dirty = new Set<Node>();
  let prune = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function dropBlock(block: Node) {
    hiddenBlocks.delete(block);
    const list = byBlock.get(block);
    if (!list) return;
    byBlock.delete(block);
    for (const mark of list) {
      highlighter.delete(mark.range, mark.type);
      termCounts[mark.term] = termCounts[mark.term]! - 1;
    }
    changed = true;
  }

  function makeRange(startContainer: Text, startOffset: number, endContainer: Text, endOffset: number): AbstractRange {
    // A fresh literal, members in the order the browser reads them (alphabetical): a third
    // cheaper than one reused init object, which the engine turns into a slow dictionary.
    if (StaticRangeCtor) return new StaticRangeCtor({ endContainer, endOffset, startContainer, startOffset });
    const range = doc.createRange();
    range.setStart(startContainer, startOffset);
    range.setEnd(endContainer, endOffset);
    return range;
  }

  /**
   * Texts read but not matched yet, from one or more runs: the parts to join (node texts, and a
   * separator between runs) and, per text node, the node, where its text starts in the joined
   * text, its parent element (null at the top of a tree) and its block.
   */
  const batchParts: string[] = [];
  const batchNodes: Text[] = [];
  const batchStarts: number[] = [];
  const batchParents: (Element | null)[] = [];
  const batchBlocks: Node[] = [];
  let batchLength = 0;
  /** When the current stretch of work started (the scan yields once it exceeds the budget). */
  let sliceStart = 0;

  /** Adds a text node to the batch; `newRun` when it does not continue the previous node's run. */
  function read(node: Text, data: string, parent: Element | null, block: Node, newRun: boolean) {
    if (newRun && batchNodes.length) {
      batchParts.push(RUN_SEPARATOR);
      batchLength += 1;
    }
    batchParts.push(data);
    batchNodes.push(node);
    batchStarts.push(batchLength);
    batchParents.push(parent);
    batchBlocks.push(block);
    batchLength += data.length;
  }

  /**
   * Matches the batch and queues its marks. A long batch (one long text) is matched in slices,
   * drawing what was found and giving the page the thread whenever the budget is spent; false
   * when the scan was abandoned meanwhile.
   */
  async function flush(gen: number): Promise<boolean> {
    if (!batchNodes.length) return true;
    const text = batchParts.length === 1 ? batchParts[0]! : batchParts.join('');
    const nodes = batchNodes;
    const starts = batchStarts;
    const last = nodes.length - 1;
    let k = 0;
    let from = 0;
    for (;;) {
      const to = from + SLICE_CHARS;
      const hits = matcher.findAll(text, from, to);
      for (const hit of hits) {
        const { start, end } = hit;
        while (k < last && starts[k + 1]! <= start) k++;
        let e = k;
        while (e < last && starts[e + 1]! < end) e++;
        const entityId = hit.entityId!;
        const range = makeRange(nodes[k]!, start - starts[k]!, nodes[e]!, end - starts[e]!);
        pending.push(batchBlocks[k]!, { entityId, range, type: typeOf(entityId), term: hit.term }, batchParents[k] ?? null);
      }
      from = Math.max(to, hits.length ? hits[hits.length - 1]!.end : to);
      if (from >= text.length) break;
      if (performance.now() - sliceStart > budget) {
        commit();
        await pause();
        sliceStart = performance.now();
        if (gen !== generation) return false;
      }
    }
    dropBatch();
    return true;
  }

  /** Forgets the batch. */
  function dropBatch() {
    batchParts.length = 0;
    batchNodes.length = 0;
    batchStarts.length = 0;
    batchParents.length = 0;
    batchBlocks.length = 0;
    batchLength = 0;
  }

  /**
   * Draws the marks found since the last commit. Whether the element holding each is rendered
   * and not editable is checked first, for all of them, before any highlight changes: checks
   * interleaved with drawing would recompute styles at every mark.
   */
  function commit() {
    const visibleOf = new Map<Element, boolean>();
    let block: Node | null = null;
    let list: Mark[] | undefined;
    /** Consecutive marks mostly share their element: its answer is kept at hand. */
    let lastParent: Element | null = null;
    let lastVisible = true;
    /** Ranges to draw per entity type, added in one batch each once every check is done. */
    const drawn = new Map<EntityType | undefined, AbstractRange[]>();
    let type: EntityType | undefined | null = null;
    let ranges: AbstractRange[] = [];
    for (let i = 0; i < pending.length; i += 3) {
      const at = pending[i] as Node;
      const mark = pending[i + 1] as Mark;
      const parent = pending[i + 2] as Element | null;
      if (parent && parent !== lastParent) {
        lastParent = parent;
        let visible = visibleOf.get(parent);
        if (visible === undefined) {
          visible = isVisible(parent) && !(parent as HTMLElement).isContentEditable;
          visibleOf.set(parent, visible);
        }
        lastVisible = visible;
      }
      if (at !== block) {
        block = at;
        list = byBlock.get(block);
      }
      if (parent && !lastVisible) {
        hiddenBlocks.add(at);
        continue;
      }
      if (!list) byBlock.set(at, (list = []));
      list.push(mark);
      termCounts[mark.term] = termCounts[mark.term]! + 1;
      if (mark.type !== type) {
        type = mark.type;
        let to = drawn.get(type);
        if (!to) drawn.set(type, (to = []));
        ranges = to;
      }
      ranges.push(mark.range);
    }
    for (const [t, rs] of drawn) highlighter.addAll(rs, t);
    if (drawn.size) changed = true;
    pending.length = 0;
  }

  /** Scans the text under `roots`, replacing the marks of every block it reads. */
  async function scan(roots: Node[], gen: number) {
    /** Blocks already cleared by this scan (their old marks dropped); none to clear on a page without marks. */
    const fresh = new Set<Node>();
    const clean = byBlock.size === 0 && hiddenBlocks.size === 0;
    const pendingRoots = [...roots];
    const state: WalkState = { block: doc, breaks: 0 };
    sliceStart = performance.now();
    /** Matches and draws what was read, gives the page the thread; false when the scan was abandoned meanwhile. */
    const breather = async (): Promise<boolean> => {
      if (!(await flush(gen))) return false;
      commit();
      await pause();
      sliceStart = performance.now();
      return gen === generation;
    };
    const onShadowRoot = (sr: ShadowRoot) => {
      addShadowRoot(sr);
      pendingRoots.push(sr);
    };
    while (pendingRoots.length) {
      const root = pendingRoots.shift()!;
      if (!root.isConnected) continue;
      if (root.nodeType === 1 || root.nodeType === 11) {
        // The root's own block is rescanned whole, even if it holds no text any more.
        const rootBlock = root.nodeType === 1 && isInline(root as Element) ? blockOf(root) : root;
        if (!fresh.has(rootBlock)) {
          fresh.add(rootBlock);
          dropBlock(rootBlock);
        }
      }
      if (root.nodeType === 11 && (root as ShadowRoot).host) highlighter.adopt(root as ShadowRoot);
      let block: Node | null = null;
      let breaks = state.breaks;
      let sinceCheck = 0;
      /** Set when the page moved or removed the part being read while the scan gave it the thread. */
      let lost = false;
      const walker = new TextWalker(root, ignore, state, onShadowRoot, awaitShadowRoot);
      for (let text = walker.next(); text; text = walker.next()) {
        let newRun = false;
        if (state.block !== block || state.breaks !== breaks) {
          // A new run: the batch is matched first if it is long enough.
          if (batchLength >= BATCH_CHARS) {
            if (!(await flush(gen))) return;
            if ((lost = !walker.canResume())) break;
          }
          block = state.block;
          breaks = state.breaks;
          newRun = true;
          if (!clean && !fresh.has(block)) {
            fresh.add(block);
            dropBlock(block);
          }
        }
        read(text, walker.data, walker.parent, block!, newRun);
        if (++sinceCheck >= NODES_PER_CHECK) {
          sinceCheck = 0;
          // Over budget: what was read is matched now; the rest of the block joins a new run.
          if (performance.now() - sliceStart > budget) {
            if (!(await breather())) return;
            if ((lost = !walker.canResume())) break;
            block = null;
          }
        }
      }
      if (!(await flush(gen))) return;
      commit();
      if (lost) {
        // The rest of this root is read again, from the start, once the page settles.
        dirty.add(root);
        schedule();
      }
    }
  }

  /** Follows a shadow root's changes and lets hit tests look into it; false when already known. */
  function addShadowRoot(sr: ShadowRoot): boolean {
    if (shadowRoots.has(sr)) return false;
    shadowRoots.add(sr);
    observer?.observe(sr, observeOptions);
    return true;
  }

  /** Keeps a custom element read without a shadow root, to look at it again later. */
  function awaitShadowRoot(host: Element) {
    if (rootless.has(host)) return;
    rootless.add(host);
    // A host just read (a page adding components as it scrolls) gets the quick looks too.
    if (lateTimer !== null && lateStep <= 1) return;
    if (lateTimer !== null) clearTimeout(lateTimer);
    lateStep = 0;
    nextLateCheck();
  }

  function nextLateCheck() {
    if (lateStep >= lateChecks.length) {
      rootless.clear();
      return;
    }
    lateTimer = setTimeout(checkLateShadowRoots, lateChecks[lateStep++]);
  }

  /** Scans the shadow roots attached since the hosts were read; gone hosts are forgotten. */
  function checkLateShadowRoots() {
    lateTimer = null;
    for (const host of rootless) {
      const sr = host.shadowRoot;
      if (!host.isConnected) rootless.delete(host);
      else if (sr) {
        rootless.delete(host);
        if (addShadowRoot(sr)) dirty.add(sr);
      }
    }
    if (dirty.size) schedule();
    if (rootless.size) nextLateCheck();
  }

  function report() {
    if (!changed) return;
    changed = false;
    ordered = null;
    onChange?.(summary());
  }

  function summary(): EntityCount[] {
    const counts = new Map<string, number>();
    const { terms } = matcher;
    for (let t = 0; t < termCounts.length; t++) {
      const n = termCounts[t]!;
      if (n > 0) counts.set(terms[t]!.entityId!, (counts.get(terms[t]!.entityId!) ?? 0) + n);
    }
    return [...counts].map(([entityId, count]) => ({ entityId, count })).sort((a, b) => b.count - a.count || (a.entityId < b.entityId ? -1 : 1));
  }

  function enqueue(work: (gen: number) => Promise<void>): Promise<void> {
    const gen = generation;
    queue = queue.then(async () => {
      if (gen !== generation) return;
      await work(gen);
      if (gen !== generation) return;
      report();
      options.onScanned?.();
    });
    return queue;
  }

  const observeOptions: MutationObserverInit = {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: OBSERVED_ATTRIBUTES,
  };

  function onMutations(records: MutationRecord[]) {
    for (const r of records) {
      const target = r.target;
      if (r.type === 'characterData') {
        dirty.add(blockOf(target));
      } else if (r.type === 'childList') {
        for (const added of r.addedNodes) {
          dirty.add(added.nodeType === 1 && !isInline(added as Element) ? added : blockOf(target));
        }
        if (r.removedNodes.length) {
          prune = true;
          for (const removed of r.removedNodes) {
            if (removed.nodeType !== 1 || isInline(removed as Element)) {
              dirty.add(blockOf(target));
              break;
            }
          }
        }
      } else if (r.type === 'attributes') {
        // Hidden text with names may have been revealed; visible text hidden needs no work.
        if (r.attributeName === 'contenteditable' || r.attributeName === 'hidden') dirty.add(blockOf(target));
        for (const block of hiddenBlocks) {
          if (block === target || target.contains(block) || block.contains(target)) dirty.add(block);
        }
      }
    }
    if (dirty.size || prune) schedule();
  }

  function schedule() {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void enqueue(rescanDirty);
    }, debounceMs);
  }

  async function rescanDirty(gen: number) {
    if (prune) {
      prune = false;
      for (const [block, list] of byBlock) {
        if (!block.isConnected || list.some((m) => !m.range.startContainer.isConnected || !m.range.endContainer.isConnected)) {
          dropBlock(block);
        }
      }
    }
    const roots: Node[] = [];
    for (const node of dirty) {
      if (!node.isConnected || isInSkipped(node, skip)) continue;
      roots.push(node);
    }
    dirty.clear();
    // Only outermost roots: a root inside another is rescanned with it.
    const outer = roots.filter((r) => !roots.some((o) => o !== r && o.contains(r)));
    if (outer.length) await scan(outer, gen);
  }

  function body(): Node {
    return doc.body ?? doc.documentElement;
  }

  async function turnOn() {
    enabled = true;
    generation++;
    observer = new MutationObserver(onMutations);
    observer.observe(body(), observeOptions);
    for (const sr of shadowRoots) if (sr.isConnected) observer.observe(sr, observeOptions);
    await enqueue((gen) => scan([body()], gen));
  }

  function turnOff() {
    enabled = false;
    generation++;
    observer?.disconnect();
    observer = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    dirty.clear();
    rootless.clear();
    if (lateTimer !== null) clearTimeout(lateTimer);
    lateTimer = null;
    pending.length = 0;
    dropBatch();
    prune = false;
    const had = byBlock.size > 0;
    byBlock.clear();
    hiddenBlocks.clear();
    termCounts.fill(0);
    ordered = null;
    highlighter.clear();
    if (had) onChange?.([]);
  }

  options.signal?.addEventListener('abort', () => annotator.stop(), { once: true });

  const annotator: Annotator = {
    async start() {
      if (stopped || options.signal?.aborted || enabled) return queue;
      await turnOn();
    },
    idle() {
      if (timer === null) return queue;
      return new Promise<void>((resolve) => setTimeout(resolve, debounceMs)).then(() => annotator.idle());
    },
    hitTest(x, y) {
      if (!enabled || byBlock.size === 0) return null;
      const caret = caretAt(x, y, [...shadowRoots]);
      if (!caret || caret.node.nodeType !== 3) return null;
      const list = byBlock.get(blockOf(caret.node));
      if (!list) return null;
      for (const mark of list) {
        if (inRange(mark.range, caret.node, caret.offset) && contains(mark.range, x, y)) return mark;
      }
      return null;
    },
    marks() {
      if (!ordered) {
        const blocks = [...byBlock.keys()].sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
        ordered = blocks.flatMap((b) => byBlock.get(b)!);
      }
      return ordered;
    },
    summary,
    async setEnabled(on) {
      if (stopped || on === enabled) return queue;
      if (on) await turnOn();
      else turnOff();
    },
    stop() {
      if (stopped) return;
      turnOff();
      highlighter.dispose();
      stopped = true;
    },
  };
  return annotator;
}

/** True when (node, offset) lies within the range, ends included. */
function inRange(range: AbstractRange, node: Node, offset: number): boolean {
  return comparePoints(range.startContainer, range.startOffset, node, offset) <= 0 && comparePoints(node, offset, range.endContainer, range.endOffset) <= 0;
}

function comparePoints(a: Node, ao: number, b: Node, bo: number): number {
  if (a === b) return ao - bo;
  return a.compareDocumentPosition(b) & 4 ? -1 : 1;
}

/** One options object for every call (the browser reads its fields on each call; a new object each time costs more). */
const VISIBILITY_OPTIONS = { visibilityProperty: true };

/**
 * Shown: not under `display: none` (which includes `hidden` elements), `content-visibility:
 * hidden` or `visibility: hidden` (menus and teasers waiting to open, pages hidden until their
 * scripts run). Names there are not marked, nor counted as on the page, until they are shown.
 */
function defaultIsVisible(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return check ? check.call(el, VISIBILITY_OPTIONS) : true;
}

function defaultCaretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[]): CaretPosition | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number, o?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y, shadowRoots.length ? { shadowRoots } : undefined);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

function defaultContains(doc: Document, range: AbstractRange, x: number, y: number): boolean {
  const live = doc.createRange();
  try {
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
  } catch {
    return false;
  }
  for (const rect of live.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
