/**
 * Wires the content script: settings -> matcher -> annotator -> popover, plus the page
 * messages the popup and the keyboard commands send. No database code here: every piece of
 * data comes from the background by message.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { EntityType } from '../../lib/dataset/types';
import { lazy } from '../../lib/content/lazy';
import { followPassageNotes } from '../../lib/content/notes-follow';
import { PopoverController, type PageMark } from '../../lib/content/popover-controller';
import { send } from '../../lib/messages/client';
import { createPageRouter } from '../../lib/messages/page';
import { charTables, decodeMatcher } from '../../lib/matcher';
import { pageInfo } from '../../lib/page/page-info';
import { createAnnotator, type Mark } from '../../lib/scan/annotator';
import { cssHighlighter } from '../../lib/scan/highlighter';
import { loadSettings, watchSettings } from '../../lib/settings/settings-store';
import { isEnabledFor, type Settings } from '../../lib/settings/site-rules';
import { createSightingRecorder } from './sightings';
import { startPassageNotes } from './passage-notes';

const UI_TAG = 'backstory-popover';

/** Starts Backstory on this page; everything stops when `ctx` is invalidated. */
export async function startBackstory(ctx: ContentScriptContext): Promise<void> {
  const loaded = Promise.all([loadSettings(), send('dictionary.get', {})]);
  // The matcher's character tables (a few milliseconds) are decoded while those are on their way,
  // in a task of their own: the task that evaluates this script stays short.
  ctx.setTimeout(charTables, 0);
  const [stored, dictionary] = await loaded;
  let settings: Settings = stored;
  if (ctx.isInvalid) return;
  const highlighter = cssHighlighter(document, settings.highlightStyle);

  const entities = new Map(dictionary.entities.map((e) => [e.id, e]));
  const typeOf = (id: string): EntityType | undefined => entities.get(id)?.type;
  // Compiled once in the background, with the expression that finds where names may start:
  // decoding only copies typed arrays and builds that one RegExp.
  const matcher = decodeMatcher(dictionary.matcher);
  // The script starts once the page is parsed (document_idle); scanning also waits for a quiet
  // moment (at most a second), so the page's own start-up scripts go first.
  await quietMoment(1000);
  if (ctx.isInvalid) return;
  const sightings = createSightingRecorder(() => pageInfo(document, location.href));

  const passages = await startPassageNotes(ctx);
  const notes = followPassageNotes({
    place: () => passages.refresh(),
    url: () => location.href,
    later: (run, ms) => void ctx.setTimeout(run, ms),
  });

  let controller: PopoverController | undefined;
  /** Mounts the card's UI once the page has marks: a page without names gets nothing added and pays nothing. */
  const showUi = async (): Promise<void> => {
    const ui = await cardUi.get();
    if (!ui.mounted && !ctx.isInvalid && isEnabledFor(settings, location.href)) ui.mount();
  };

  const annotator = createAnnotator({
    root: document,
    matcher,
    highlighter,
    signal: ctx.signal,
    typeOf,
    onChange: (summary) => {
      sightings.seen(summary.map((s) => s.entityId));
      if (summary.length && !cardUi.current?.mounted) void showUi();
    },
    onScanned: () => {
      // The page's text changed: if a single-page app moved to another article, or some notes'
      // passages were not found so far, the notes are placed again (see notes-follow).
      notes.textChanged();
    },
  });
  ctx.onInvalidated(() => highlighter.dispose());

  /** The card's UI (a shadow-root host with its styles), made the first time the page has a mark. */
  const cardUi = lazy(() =>
    createShadowRootUi(ctx, {
      name: UI_TAG,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      onMount: (container) => {
        controller = new PopoverController({
          host: container,
          hitTest: (x, y) => live(annotator.hitTest(x, y)),
          marks: () => annotator.marks().map((m) => live(m)!),
          loadCard: (id) => send('entity.card', { id }),
          onAddNote: async (entityId, text) => {
            const page = pageInfo(document, location.href);
            await send('notes.add', { ...page, text, entityIds: [entityId] });
          },
          onOpenInPopup: (id) => void send('entity.open', { id }),
          dwellMs: settings.dwellMs,
          signal: ctx.signal,
        });
        return controller;
      },
      onRemove: (c) => c?.destroy(),
    }),
  );

  const apply = async (next: Settings) => {
    const was = isEnabledFor(settings, location.href);
    settings = next;
    highlighter.setStyle?.(next.highlightStyle);
    controller?.setDwell(next.dwellMs);
    const on = isEnabledFor(settings, location.href);
    if (!on) controller?.close();
    if (on !== was) await Promise.all([annotator.setEnabled(on), passages.setEnabled(on)]);
  };

  const route = createPageRouter({
    'page.entities': () => ({
      ...pageInfo(document, location.href),
      location: location.href,
      entities: annotator.summary().flatMap(({ entityId, count }) => {
        const entity = entities.get(entityId);
        return entity ? [{ entityId, name: entity.name, type: entity.type, count }] : [];
      }),
    }),
    'page.reveal': async ({ entityId }) => {
      const index = annotator.marks().findIndex((m) => m.entityId === entityId);
      if (index < 0 || !controller) return { ok: false };
      await controller.open(index, { viaKeyboard: true });
      return { ok: true };
    },
    'page.step': async ({ direction }) => {
      if (!controller) return { ok: false };
      await (direction === 'next' ? controller.next() : controller.prev());
      return { ok: true };
    },
    'page.notes': () => passages.refresh().then(notes.placed),
    'page.noteSelection': () => ({ ok: passages.openForSelection() }),
  });
  const onMessage = (message: unknown) => route(message);
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  ctx.onInvalidated(watchSettings((next) => void apply(next)));

  if (ctx.isInvalid) return;
  if (isEnabledFor(settings, location.href)) {
    const start = performance.now();
    await annotator.start();
    // Visible in the page's performance timeline (DevTools, the robustness runner).
    performance.measure('backstory:scan', { start, end: performance.now() });
    notes.placed(await passages.setEnabled(true));
  } else {
    await annotator.setEnabled(false);
  }
}

/** The controller measures and anchors to live Ranges; the annotator keeps cheap StaticRanges. */
function live(mark: Mark | null): PageMark | null {
  if (!mark) return null;
  if (mark.range instanceof Range) return { entityId: mark.entityId, range: mark.range };
  const range = document.createRange();
  range.setStart(mark.range.startContainer, mark.range.startOffset);
  range.setEnd(mark.range.endContainer, mark.range.endOffset);
  return { entityId: mark.entityId, range };
}

/** Resolves when the browser is idle, or after `timeoutMs` at the latest. */
function quietMoment(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}
