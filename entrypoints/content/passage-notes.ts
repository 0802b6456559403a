/**
 * Passage notes in the page: "Add note" next to the reader's selection opens a small form that
 * saves a note with W3C selectors for the passage; on every visit the article's passage notes
 * are found again and drawn in the `backstory-note` highlight, and orphans are reported.
 * The form lives in its own shadow root (`backstory-notes`); notes live in the background.
 */
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import NoteComposer from '../../components/NoteComposer';
import composerCss from '../../components/note-composer.css?inline';
import { describe } from '../../lib/anchoring/anchor';
import type { PassageSelectors } from '../../lib/anchoring/types';
import { lazy } from '../../lib/content/lazy';
import { noteableRange, noteHighlights, placePassages } from '../../lib/content/passage-marks';
import { send } from '../../lib/messages/client';
import type { PassageStatus } from '../../lib/messages/page';
import { pageInfo } from '../../lib/page/page-info';

/** Host element of the note UI (the annotator leaves it alone). */
const NOTES_UI_TAG = 'backstory-notes';

/** Quiet time after the selection last changed before "Add note" shows. */
const SELECTION_DEBOUNCE_MS = 150;

/** The running passage-notes feature of one page. */
export interface PassageNotes {
  /** Fetches the article's notes, anchors the passage notes and redraws them; resolves with where they stand. */
  refresh(): Promise<PassageStatus>;
  /** Opens the note form for the current selection (context menu); false when nothing is selected. */
  openForSelection(): boolean;
  /** Follows the site switch: off hides the button, the form and the highlights. */
  setEnabled(on: boolean): Promise<PassageStatus>;
}

/** Starts passage notes on this page; everything stops when `ctx` is invalidated. */
export async function startPassageNotes(ctx: ContentScriptContext): Promise<PassageNotes> {
  const highlights = noteHighlights(document);
  ctx.onInvalidated(() => highlights.dispose());
  let enabled = false;
  /** The passage the button or form is for, and its selectors once the form is open. */
  let pending: { range: Range; target: PassageSelectors | null } | null = null;
  let open = false;
  let pointerDown = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** The form's UI (a shadow-root host with its styles), made the first time a passage is selected. */
  const formUi = lazy(() =>
    createShadowRootUi(ctx, {
      name: NOTES_UI_TAG,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      onMount: (container, shadow) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(composerCss);
        shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
        const box = document.createElement('div');
        box.className = 'note-tool';
        container.append(box);
        return box;
      },
      onRemove: (box) => box && render(null, box),
    }),
  );

  const isOwnUi = (node: Node | null) => {
    const host = formUi.current?.shadowHost;
    return node !== null && host !== undefined && (node === host || host.contains(node));
  };

  function place(box: HTMLElement, range: Range) {
    const rects = range.getClientRects();
    const rect = rects[rects.length - 1] ?? range.getBoundingClientRect();
    const width = open ? 340 : 130;
    const height = open ? 230 : 40;
    const below = rect.bottom + 6;
    const top = below + height > innerHeight ? Math.max(8, rect.top - 6 - height) : below;
    const left = Math.min(Math.max(8, open ? rect.left : rect.right - width / 2), innerWidth - width - 8);
    box.style.top = `${Math.round(top)}px`;
    box.style.left = `${Math.round(Math.max(8, left))}px`;
  }

  function draw() {
    const ui = formUi.current;
    if (pending && !ui) {
      void formUi.get().then(() => !ctx.isInvalid && draw());
      return;
    }
    if (!ui) return;
    if (pending && !ui.mounted) ui.mount();
    const box = ui.mounted;
    if (!box) return;
    if (!pending) {
      render(null, box);
      return;
    }
    place(box, pending.range);
    render(h(NoteComposer, { open, quote: pending.range.toString(), onOpen: openForm, onSave: save, onCancel: close }), box);
  }

  function openForm() {
    if (!pending) return;
    pending.target = describe(document, pending.range);
    if (!pending.target) return close();
    open = true;
    draw();
  }

  function close() {
    open = false;
    pending = null;
    draw();
  }

  async function save(text: string) {
    const target = pending?.target;
    if (!target) throw new Error('The selected passage is no longer on the page');
    await send('notes.add', { ...pageInfo(document, location.href), text, target });
    close();
    document.getSelection()?.removeAllRanges();
    await refresh();
  }

  function onSelection() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!enabled || open || pointerDown || ctx.isInvalid) return;
      const range = noteableRange(document.getSelection(), isOwnUi);
      pending = range ? { range: range.cloneRange(), target: null } : null;
      draw();
    }, SELECTION_DEBOUNCE_MS);
  }

  const listen = { signal: ctx.signal, capture: true } as const;
  document.addEventListener('selectionchange', onSelection, listen);
  document.addEventListener('keyup', onSelection, listen);
  document.addEventListener('pointerdown', (event) => void (pointerDown = !isOwnUi(event.target as Node | null)), listen);
  document.addEventListener(
    'pointerup',
    () => {
      pointerDown = false;
      onSelection();
    },
    listen,
  );
  // The button and form follow their passage when the page scrolls.
  addEventListener(
    'scroll',
    () => {
      const box = formUi.current?.mounted;
      if (pending && box) place(box, pending.range);
    },
    { ...listen, passive: true },
  );
  ctx.onInvalidated(() => clearTimeout(timer));

  let last: Promise<PassageStatus> = Promise.resolve({ anchored: [], orphans: [] });
  function refresh(): Promise<PassageStatus> {
    // One at a time, so an older answer never overwrites a newer drawing.
    last = last
      .catch(() => undefined)
      .then(async () => {
        const notes = await send('notes.list', { url: pageInfo(document, location.href).url });
        const placed = placePassages(document, notes);
        if (!ctx.isInvalid) highlights.set(enabled ? placed.anchored.map((a) => a.range) : []);
        return { anchored: placed.anchored.map((a) => a.id), orphans: placed.orphans };
      });
    return last;
  }

  return {
    refresh,
    openForSelection() {
      const range = noteableRange(document.getSelection(), isOwnUi);
      if (!enabled || !range) return false;
      pending = { range: range.cloneRange(), target: null };
      openForm();
      return open;
    },
    setEnabled(on) {
      enabled = on;
      if (!on) close();
      return refresh();
    },
  };
}
