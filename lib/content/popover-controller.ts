/**
 * Where a hover becomes a card. The controller owns the popover's lifecycle: hover intent and
 * dwell timers, positioning next to the hovered words, keyboard opening and focus, dismissal
 * (Escape, click outside, scroll away) and a per-page cache of cards. It renders the pure
 * `EntityCard` view and knows nothing of its markup; the annotator is reached only through
 * the injected `hitTest` and `marks`.
 *
 * Wiring in the content script (WXT):
 * ```ts
 * const ui = await createShadowRootUi(ctx, {
 *   name: 'backstory-popover', position: 'inline', anchor: 'html', append: 'last',
 *   onMount: (container, shadow) => new PopoverController({
 *     host: container,              // the card is rendered here; styles go into `shadow`
 *     hitTest: annotator.hitTest, marks: () => annotator.marks,
 *     loadCard: (id) => send('entity.card', { id }),
 *     onAddNote: (id, text) => send('notes.add', { url, title, site, text, entityIds: [id] }).then(() => {}),
 *     onOpenInPopup: (id) => ..., signal: ctx.signal,
 *   }),
 *   onRemove: (controller) => controller?.destroy(),
 * });
 * ui.mount();
 * ```
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { h, render } from 'preact';
import EntityCard from '../../components/EntityCard';
import cardCss from '../../components/card.css?inline';
import type { EntityCard as CardData } from '../messages/entities';
import { stepIndex, startIndex, tabbables, wrapTab, type Direction } from './keyboard';
import { lineRects, rangeAnchor, rangeElement, rectIndexAt, type Point } from './range-anchor';

/** A marked name on the page, as the annotator reports it. */
export interface PageMark {
  entityId: string;
  range: Range;
}

/** What the controller needs from its surroundings. */
export interface PopoverControllerOptions {
  /**
   * Where the popover is rendered: the container WXT's `createShadowRootUi` passes to `onMount`,
   * or a ShadowRoot. The card's stylesheet is added to the shadow root that holds it.
   */
  host: ShadowRoot | HTMLElement;
  /** The mark under a viewport point, or null. Called at most once per animation frame. */
  hitTest(x: number, y: number): PageMark | null;
  /** All marks in reading order (for keyboard stepping). */
  marks(): readonly PageMark[];
  /** Fetches an entity's card from the background (one message); null when unknown. */
  loadCard(entityId: string): Promise<CardData | null>;
  /** Saves a note about the entity on this article; a rejection is shown in the card. */
  onAddNote(entityId: string, text: string): Promise<void> | void;
  /** Opens the entity in the popup's full view. */
  onOpenInPopup(entityId: string): void;
  /** Told which mark the card is for (null when closed), e.g. to draw a focus highlight. */
  onCurrentMark?(mark: PageMark | null): void;
  /** How long the pointer must rest on a name before the card opens. */
  dwellMs?: number;
  /** How long the card stays after the pointer leaves name and card (time to cross the gap). */
  closeDelayMs?: number;
  /** The page's URL, so the card leaves it out of "Your reading". Defaults to location.href. */
  currentUrl?: () => string;
  /** Aborting it destroys the controller (pass WXT's `ctx.signal`). */
  signal?: AbortSignal;
}

/** How the open card was opened: pointer cards close when the pointer leaves, keyboard cards do not. */
type Via = 'pointer' | 'keyboard';

interface OpenCard {
  mark: PageMark;
  via: Via;
  /** Which line box of a wrapped name the card sits next to. */
  line: number;
  /** Incremented on every open, so late loads for an older card are ignored. */
  token: number;
  /** The words are in right-to-left text. */
  rtl: boolean;
}

/** True when two marks are the same occurrence (the annotator may hand out fresh objects). */
export function sameMark(a: PageMark | null, b: PageMark | null): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  return (
    a.entityId === b.entityId &&
    a.range.startContainer === b.range.startContainer &&
    a.range.startOffset === b.range.startOffset &&
    a.range.endContainer === b.range.endContainer &&
    a.range.endOffset === b.range.endOffset
  );
}

/** The focused element, looking inside shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** True when the range's text runs right to left. */
function isRtl(range: Range): boolean {
  const element = rangeElement(range);
  return element ? getComputedStyle(element).direction === 'rtl' : false;
}

const styleMarker = 'data-backstory-card-css';

/** Adds the card stylesheet to a shadow root once (as text, which works under any page CSP we meet). */
function injectStyles(root: ShadowRoot): void {
  if (root.querySelector(`style[${styleMarker}]`)) return;
  const style = root.ownerDocument.createElement('style');
  style.setAttribute(styleMarker, '');
  style.textContent = cardCss;
  root.prepend(style);
}

let instances = 0;

/** Shows the entity card for the mark under the pointer or chosen by keyboard. */
export class PopoverController {
  private readonly options: Required<Omit<PopoverControllerOptions, 'onCurrentMark' | 'signal'>> & Pick<PopoverControllerOptions, 'onCurrentMark'>;
  private readonly doc: Document;
  private readonly dialog: HTMLElement;
  private readonly labelId: string;
  private readonly listeners = new AbortController();
  private readonly cache = new Map<string, CardData | null>();
  private readonly loading = new Map<string, Promise<CardData | null>>();
  private readonly topLayer: boolean;

  private current: OpenCard | null = null;
  private tokens = 0;
  /** Last mark opened, so keyboard stepping continues from it after the card closed. */
  private cursor: PageMark | null = null;
  private candidate: PageMark | null = null;
  /** A mark whose card was dismissed while the pointer was on it: it does not reopen until the pointer leaves it. */
  private dismissed: PageMark | null = null;
  private pointer: Point | null = null;
  private overCard = false;
  private frame = 0;
  private dwellTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private stopAutoUpdate: (() => void) | null = null;
  private returnFocus: Element | null = null;
  private focusOnShow = false;
  private destroyed = false;

  constructor(options: PopoverControllerOptions) {
    this.options = {
      dwellMs: 300,
      closeDelayMs: 300,
      currentUrl: () => location.href,
      ...options,
    };
    const { host } = options;
    this.doc = host.ownerDocument;
    this.labelId = `backstory-card-name-${++instances}`;

    const root = host instanceof ShadowRoot ? host : host.getRootNode();
    if (root instanceof ShadowRoot) injectStyles(root);

    const dialog = this.doc.createElement('div');
    dialog.className = 'popover';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'false');
    dialog.tabIndex = -1;
    // The top layer puts the card above any page overlay and outside page transforms.
    this.topLayer = typeof dialog.showPopover === 'function';
    if (this.topLayer) dialog.setAttribute('popover', 'manual');
    dialog.hidden = true;
    host.append(dialog);
    this.dialog = dialog;

    this.listen();
    options.signal?.addEventListener('abort', () => this.destroy(), { once: true });
  }

  /** The entity id of the open card, or null. */
  get openEntityId(): string | null {
    return this.current?.mark.entityId ?? null;
  }

  /**
   * Opens the card for a mark (or the mark at an index of `marks()`) at once, without dwell.
   * With `viaKeyboard`, the mark is scrolled into view, the dialog takes focus, and Escape
   * gives focus back to where it was.
   */
  async open(target: number | PageMark, { viaKeyboard = false, point }: { viaKeyboard?: boolean; point?: Point } = {}): Promise<void> {
    if (this.destroyed) return;
    const mark = typeof target === 'number' ? this.options.marks()[target] : target;
    if (!mark) return;
    this.cancelDwell();
    this.cancelClose();
    if (viaKeyboard) {
      const active = deepActiveElement(this.doc);
      if (!this.dialog.contains(active) && active !== this.dialog) this.returnFocus = active;
      this.scrollIntoView(mark);
    }
    const rects = lineRects(mark.range);
    const open: OpenCard = {
      mark,
      via: viaKeyboard ? 'keyboard' : 'pointer',
      line: point ? rectIndexAt(rects, point) : 0,
      token: ++this.tokens,
      rtl: isRtl(mark.range),
    };
    const switching = this.current !== null;
    this.current = open;
    this.cursor = mark;
    this.dismissed = null;
    this.options.onCurrentMark?.(mark);

    const cached = this.cache.get(mark.entityId);
    if (cached !== undefined) this.paint(cached, mark);
    else this.paintStatus('Loading…', mark);
    // Focus waits for the first position: a hidden element cannot take focus.
    this.focusOnShow = viaKeyboard;
    this.show(switching);

    if (cached !== undefined) return;
    try {
      const card = await this.load(mark.entityId);
      if (this.current?.token !== open.token) return;
      this.paint(card, mark);
    } catch {
      if (this.current?.token !== open.token) return;
      this.paintStatus(`Could not load details for “${mark.range.toString().trim()}”.`, mark);
    }
  }

  /** Moves to the next mark in reading order and opens its card (the next-mark command). */
  next(): Promise<void> {
    return this.step(1);
  }

  /** Moves to the previous mark in reading order and opens its card (the prev-mark command). */
  prev(): Promise<void> {
    return this.step(-1);
  }

  /** Closes the card. With `restoreFocus`, focus returns to where it was before a keyboard open. */
  close({ restoreFocus = false }: { restoreFocus?: boolean } = {}): void {
    this.cancelDwell();
    this.cancelClose();
    if (!this.current) return;
    const focusWasInside = this.dialog.contains(deepActiveElement(this.doc)) || deepActiveElement(this.doc) === this.dialog;
    this.current = null;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    render(null, this.dialog);
    if (this.topLayer && this.dialog.matches(':popover-open')) this.dialog.hidePopover();
    this.dialog.hidden = true;
    delete this.dialog.dataset.state;
    this.options.onCurrentMark?.(null);
    const back = this.returnFocus;
    this.returnFocus = null;
    if (focusWasInside) {
      if (restoreFocus && back instanceof HTMLElement && back.isConnected && back !== this.doc.body) back.focus({ preventScroll: true });
      else this.dialog.blur();
    }
  }

  /** Changes how long the pointer must rest on a name (the reader's setting). */
  setDwell(ms: number): void {
    this.options.dwellMs = ms;
  }

  /** Forgets cached cards (all, or one entity's), e.g. after the dataset or a note changed. */
  invalidate(entityId?: string): void {
    if (entityId === undefined) this.cache.clear();
    else this.cache.delete(entityId);
  }

  /** Closes the card, removes every listener and the popover element. */
  destroy(): void {
    if (this.destroyed) return;
    this.close();
    this.destroyed = true;
    this.listeners.abort();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.dialog.remove();
  }

  // --- pointer -------------------------------------------------------------------------------

  private listen(): void {
    const signal = this.listeners.signal;
    const capture = { capture: true, passive: true, signal };
    this.doc.addEventListener(
      'pointermove',
      (event) => {
        if (event.pointerType === 'touch') return;
        this.pointer = { x: event.clientX, y: event.clientY };
        this.overCard = event.composedPath().includes(this.dialog);
        this.scheduleHitTest();
      },
      capture,
    );
    this.doc.addEventListener(
      'pointerout',
      (event) => {
        // Leaving the window: nothing is under the pointer any more.
        if (event.relatedTarget === null && event.pointerType !== 'touch') {
          this.pointer = null;
          this.overCard = false;
          this.scheduleHitTest();
        }
      },
      capture,
    );
    // A stationary pointer meets other words when the page scrolls under it: a pointer card
    // whose name scrolled away closes through the same hover logic.
    this.doc.addEventListener(
      'scroll',
      () => {
        if (this.pointer) this.scheduleHitTest();
      },
      capture,
    );
    this.doc.addEventListener('pointerdown', (event) => this.onPointerDown(event), capture);
    this.doc.addEventListener('keydown', (event) => this.onKeyDown(event), { capture: true, signal });
  }

  /** One hit test per frame at most, however many pointer events arrive. */
  private scheduleHitTest(): void {
    if (this.frame || this.destroyed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const point = this.pointer;
      this.hover(point && !this.overCard ? this.options.hitTest(point.x, point.y) : null);
    });
  }

  /** Hover intent: what to do now that `mark` (or nothing, or the card) is under the pointer. */
  private hover(mark: PageMark | null): void {
    if (this.dismissed && !sameMark(mark, this.dismissed)) this.dismissed = null;
    const open = this.current;
    if (open && (this.overCard || sameMark(mark, open.mark))) {
      this.cancelDwell();
      this.cancelClose();
      return;
    }
    if (mark && !sameMark(mark, this.dismissed)) {
      this.startDwell(mark);
      // Resting on another name while a card is open: that card waits for the dwell to switch.
      this.cancelClose();
      return;
    }
    this.cancelDwell();
    if (open?.via === 'pointer') this.scheduleClose();
  }

  private startDwell(mark: PageMark): void {
    if (sameMark(mark, this.candidate) && this.dwellTimer !== undefined) return;
    this.cancelDwell();
    this.candidate = mark;
    // Fetch while the pointer rests, so the card can paint in the frame the dwell ends.
    void this.load(mark.entityId).catch(() => undefined);
    const point = this.pointer ?? undefined;
    this.dwellTimer = setTimeout(() => {
      this.dwellTimer = undefined;
      this.candidate = null;
      void this.open(mark, { point });
    }, this.options.dwellMs);
  }

  private cancelDwell(): void {
    clearTimeout(this.dwellTimer);
    this.dwellTimer = undefined;
    this.candidate = null;
  }

  private scheduleClose(): void {
    if (this.closeTimer !== undefined) return;
    this.closeTimer = setTimeout(() => {
      this.closeTimer = undefined;
      this.close();
    }, this.options.closeDelayMs);
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  private onPointerDown(event: PointerEvent): void {
    const open = this.current;
    if (!open || event.composedPath().includes(this.dialog)) return;
    // A click on the name itself keeps its card.
    if (sameMark(this.options.hitTest(event.clientX, event.clientY), open.mark)) return;
    this.close();
  }

  // --- keyboard ------------------------------------------------------------------------------

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.current) return;
    if (event.key === 'Escape') {
      // The card is on top of everything, so Escape is ours while it is open.
      event.preventDefault();
      event.stopPropagation();
      if (this.current.via === 'pointer' && this.pointer) this.dismissed = this.current.mark;
      this.close({ restoreFocus: true });
      return;
    }
    if (event.key === 'Tab' && event.composedPath().includes(this.dialog)) {
      const root = this.dialog.getRootNode() as Document | ShadowRoot;
      const target = wrapTab(tabbables(this.dialog), root.activeElement, event.shiftKey);
      if (target) {
        event.preventDefault();
        target.focus();
      }
    }
  }

  private step(direction: Direction): Promise<void> {
    const marks = this.options.marks();
    const from = this.current?.mark ?? this.cursor;
    const current = from ? marks.findIndex((mark) => sameMark(mark, from)) : -1;
    const view = this.doc.defaultView;
    const index = stepIndex(current, marks.length, direction, () =>
      startIndex(marks.length, (i) => marks[i]!.range.getBoundingClientRect(), view?.innerHeight ?? 0, direction),
    );
    return index === null ? Promise.resolve() : this.open(index, { viaKeyboard: true });
  }

  private scrollIntoView(mark: PageMark): void {
    const rect = mark.range.getBoundingClientRect();
    const height = this.doc.defaultView?.innerHeight ?? 0;
    if (rect.top >= 0 && rect.bottom <= height) return;
    const element = mark.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }

  // --- rendering and position ----------------------------------------------------------------

  private load(entityId: string): Promise<CardData | null> {
    const cached = this.cache.get(entityId);
    if (cached !== undefined) return Promise.resolve(cached);
    let pending = this.loading.get(entityId);
    if (!pending) {
      pending = this.options
        .loadCard(entityId)
        .then((card) => {
          this.cache.set(entityId, card);
          return card;
        })
        .finally(() => this.loading.delete(entityId));
      this.loading.set(entityId, pending);
    }
    return pending;
  }

  private paint(card: CardData | null, mark: PageMark): void {
    if (!card) {
      this.paintStatus(`Backstory has no details for “${mark.range.toString().trim()}”.`, mark);
      return;
    }
    const { entityId } = mark;
    this.dialog.removeAttribute('aria-label');
    this.dialog.removeAttribute('aria-busy');
    this.dialog.setAttribute('aria-labelledby', this.labelId);
    render(
      h(EntityCard, {
        // A new entity gets a fresh card (no expanded quotes carried over).
        key: entityId,
        card,
        compact: true,
        labelId: this.labelId,
        currentUrl: this.options.currentUrl(),
        onAddNote: (text: string) => this.options.onAddNote(entityId, text),
        onOpenInPopup: () => this.options.onOpenInPopup(entityId),
      }),
      this.dialog,
    );
  }

  /** A one-line card (loading, error) labelled with the words on the page. */
  private paintStatus(message: string, mark: PageMark): void {
    this.dialog.removeAttribute('aria-labelledby');
    this.dialog.setAttribute('aria-label', mark.range.toString().trim() || 'Backstory');
    if (message === 'Loading…') this.dialog.setAttribute('aria-busy', 'true');
    else this.dialog.removeAttribute('aria-busy');
    render(h('p', { class: 'status-line', role: 'status' }, message), this.dialog);
  }

  private show(switching: boolean): void {
    const dialog = this.dialog;
    dialog.hidden = false;
    if (this.topLayer && !dialog.matches(':popover-open')) dialog.showPopover();
    dialog.dataset.state = 'open';
    if (!switching) dialog.style.visibility = 'hidden';
    this.stopAutoUpdate?.();
    const open = this.current!;
    const anchor = rangeAnchor(open.mark.range, open.line);
    this.stopAutoUpdate = autoUpdate(anchor, dialog, () => void this.position(open), {
      elementResize: typeof ResizeObserver === 'function',
      layoutShift: typeof IntersectionObserver === 'function',
    });
  }

  private async position(open: OpenCard): Promise<void> {
    const dialog = this.dialog;
    const { x, y, placement } = await computePosition(rangeAnchor(open.mark.range, open.line), dialog, {
      strategy: 'fixed',
      // Align with the start of the words in the page's own direction.
      placement: open.rtl ? 'bottom-end' : 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight }) {
            dialog.style.setProperty('--available-height', `${Math.max(160, Math.floor(availableHeight))}px`);
          },
        }),
      ],
    });
    if (this.current !== open) return;
    dialog.style.left = `${x}px`;
    dialog.style.top = `${y}px`;
    dialog.dataset.placement = placement;
    dialog.style.visibility = '';
    if (this.focusOnShow) {
      this.focusOnShow = false;
      dialog.focus({ preventScroll: true });
    }
  }
}
