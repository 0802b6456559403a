import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lavrovCard, mangoushCard } from '../../components/test-fixtures';
import type { EntityCard } from '../messages/entities';
import { PopoverController, sameMark, type PageMark } from './popover-controller';

const cards: Record<string, EntityCard> = { 'sergei-lavrov': lavrovCard, 'najla-mangoush': mangoushCard };

interface Placed {
  mark: PageMark;
  rect: DOMRect;
}

/** A page with three marked names at known positions, and a hit test over them. */
function setupPage() {
  document.body.replaceChildren();
  const article = document.createElement('p');
  article.textContent = 'Sergei Lavrov met Najla Mangoush. Later Lavrov said more.';
  const before = document.createElement('button');
  before.textContent = 'Page button';
  document.body.append(before, article);
  const text = article.firstChild!;
  const place = (entityId: string, start: number, end: number, rect: DOMRect): Placed => {
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, end);
    range.getClientRects = () => [rect] as unknown as DOMRectList;
    range.getBoundingClientRect = () => rect;
    return { mark: { entityId, range }, rect };
  };
  const placed = [
    place('sergei-lavrov', 0, 13, new DOMRect(10, 10, 100, 18)),
    place('najla-mangoush', 18, 32, new DOMRect(150, 10, 110, 18)),
    place('sergei-lavrov', 40, 46, new DOMRect(10, 40, 50, 18)),
  ];
  const hitTest = vi.fn((x: number, y: number) => {
    const hit = placed.find(({ rect }) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom);
    return hit ? hit.mark : null;
  });

  const hostElement = document.createElement('backstory-popover');
  document.body.append(hostElement);
  const shadow = hostElement.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  shadow.append(container);
  return { placed, hitTest, shadow, container, before };
}

function move(x: number, y: number, target: EventTarget = document.body) {
  target.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType: 'mouse', bubbles: true, composed: true }));
}

function key(name: string, target: EventTarget = document.body, shiftKey = false) {
  const event = new KeyboardEvent('keydown', { key: name, shiftKey, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

/** Lets a frame pass (rAF-throttled hit testing) and pending promises settle. */
async function frame(ms = 16) {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('PopoverController', () => {
  let page: ReturnType<typeof setupPage>;
  let controller: PopoverController;
  let loadCard: ReturnType<typeof vi.fn<(id: string) => Promise<EntityCard | null>>>;
  let onAddNote: ReturnType<typeof vi.fn<(id: string, text: string) => Promise<void>>>;
  let onOpenInPopup: ReturnType<typeof vi.fn<(id: string) => void>>;
  let onCurrentMark: ReturnType<typeof vi.fn<(mark: PageMark | null) => void>>;

  const dialog = () => page.shadow.querySelector<HTMLElement>('[role="dialog"]')!;
  const isOpen = () => !dialog().hidden;

  beforeEach(() => {
    vi.useFakeTimers();
    page = setupPage();
    loadCard = vi.fn(async (id: string) => cards[id] ?? null);
    onAddNote = vi.fn(async () => {});
    onOpenInPopup = vi.fn();
    onCurrentMark = vi.fn();
    controller = new PopoverController({
      host: page.container,
      hitTest: page.hitTest,
      marks: () => page.placed.map((p) => p.mark),
      loadCard,
      onAddNote,
      onOpenInPopup,
      onCurrentMark,
      dwellMs: 300,
      closeDelayMs: 200,
      currentUrl: () => 'https://www.example.org/news/lavrov',
    });
  });

  afterEach(() => {
    controller.destroy();
    vi.useRealTimers();
  });

  it('adds its stylesheet to the shadow root once and starts closed', () => {
    expect(page.shadow.querySelectorAll('style[data-backstory-card-css]')).toHaveLength(1);
    expect(dialog().getAttribute('aria-modal')).toBe('false');
    expect(isOpen()).toBe(false);
  });

  it('opens after the dwell, labelled with the entity name, and fetches once', async () => {
    move(20, 15);
    await frame(250);
    expect(isOpen()).toBe(false);
    expect(loadCard).toHaveBeenCalledTimes(1); // prefetched while the pointer rests
    await frame(80); // the dwell starts at the first frame after the move
    expect(isOpen()).toBe(true);
    const labelledBy = dialog().getAttribute('aria-labelledby')!;
    expect(page.shadow.getElementById(labelledBy)?.textContent).toBe('Sergei Lavrov');
    expect(onCurrentMark).toHaveBeenLastCalledWith(page.placed[0]!.mark);
    expect(loadCard).toHaveBeenCalledTimes(1);
  });

  it('does not open when the pointer only passes over a name', async () => {
    move(20, 15);
    await frame(150);
    move(400, 300);
    await frame(500);
    expect(isOpen()).toBe(false);
  });

  it('restarts the dwell when the pointer moves on to another name', async () => {
    move(20, 15);
    await frame(200);
    move(160, 15);
    await frame(200);
    expect(isOpen()).toBe(false);
    await frame(120);
    expect(page.shadow.getElementById(dialog().getAttribute('aria-labelledby')!)?.textContent).toBe('Najla Mangoush');
  });

  it('hit-tests at most once per frame', async () => {
    for (let i = 0; i < 20; i++) move(20 + i, 15);
    await frame(16);
    expect(page.hitTest).toHaveBeenCalledTimes(1);
  });

  it('stays open while the pointer moves from the name into the card, and closes after leaving both', async () => {
    move(20, 15);
    await frame(320);
    expect(isOpen()).toBe(true);
    move(20, 30); // the gap between name and card
    await frame(100);
    const heading = dialog().querySelector('h2')!;
    move(30, 60, heading); // inside the card
    await frame(500);
    expect(isOpen()).toBe(true);
    move(600, 600);
    await frame(100);
    expect(isOpen()).toBe(true);
    await frame(150);
    expect(isOpen()).toBe(false);
    expect(onCurrentMark).toHaveBeenLastCalledWith(null);
  });

  it('closes on Escape and does not reopen until the pointer leaves the name', async () => {
    move(20, 15);
    await frame(320);
    const escape = key('Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(isOpen()).toBe(false);
    move(22, 15);
    await frame(600);
    expect(isOpen()).toBe(false);
    move(400, 300);
    await frame(16);
    move(22, 15);
    await frame(320);
    expect(isOpen()).toBe(true);
  });

  it('leaves Escape to the page when no card is open', () => {
    expect(key('Escape').defaultPrevented).toBe(false);
  });

  it('closes on a click outside but not on a click inside the card or on the name', async () => {
    move(20, 15);
    await frame(320);
    dialog().querySelector('h2')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(isOpen()).toBe(true);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { clientX: 20, clientY: 15, bubbles: true, composed: true }));
    expect(isOpen()).toBe(true);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { clientX: 500, clientY: 500, bubbles: true, composed: true }));
    expect(isOpen()).toBe(false);
  });

  it('paints synchronously from the cache on the second open', async () => {
    await controller.open(0);
    controller.close();
    void controller.open(2);
    expect(dialog().querySelector('h2')?.textContent).toBe('Sergei Lavrov');
    expect(loadCard).toHaveBeenCalledTimes(1);
  });

  it('shows a labelled loading state, then the card', async () => {
    let resolve!: (card: EntityCard) => void;
    loadCard.mockImplementationOnce(() => new Promise((r) => (resolve = r)));
    const opening = controller.open(1);
    expect(isOpen()).toBe(true);
    expect(dialog().getAttribute('aria-label')).toBe('Najla Mangoush');
    expect(dialog().getAttribute('aria-busy')).toBe('true');
    expect(dialog().querySelector('[role="status"]')?.textContent).toBe('Loading…');
    resolve(mangoushCard);
    await opening;
    expect(dialog().hasAttribute('aria-label')).toBe(false);
    expect(dialog().hasAttribute('aria-busy')).toBe(false);
    expect(dialog().querySelector('h2')?.textContent).toBe('Najla Mangoush');
  });

  it('says so when the card cannot be loaded, and does not cache the failure', async () => {
    loadCard.mockRejectedValueOnce(new Error('background asleep'));
    await controller.open(0);
    expect(dialog().textContent).toContain('Could not load details for “Sergei Lavrov”.');
    controller.close();
    await controller.open(0);
    expect(dialog().querySelector('h2')?.textContent).toBe('Sergei Lavrov');
  });

  it('steps through marks in reading order by keyboard, focusing the dialog, and Escape returns focus', async () => {
    page.before.focus();
    await controller.next();
    await frame();
    expect(controller.openEntityId).toBe('sergei-lavrov');
    expect(page.shadow.activeElement).toBe(dialog());
    await controller.next();
    expect(controller.openEntityId).toBe('najla-mangoush');
    await controller.next();
    await controller.next(); // wraps to the first
    expect(onCurrentMark).toHaveBeenLastCalledWith(page.placed[0]!.mark);
    await controller.prev();
    expect(onCurrentMark).toHaveBeenLastCalledWith(page.placed[2]!.mark);
    await frame();
    key('Escape', dialog());
    expect(isOpen()).toBe(false);
    expect(document.activeElement).toBe(page.before);
    // Stepping continues from the last card.
    await controller.next();
    expect(onCurrentMark).toHaveBeenLastCalledWith(page.placed[0]!.mark);
  });

  it('keeps a keyboard-opened card when the pointer wanders off', async () => {
    await controller.open(1, { viaKeyboard: true });
    move(600, 600);
    await frame(1000);
    expect(isOpen()).toBe(true);
  });

  it('keeps Tab inside the card', async () => {
    await controller.open(0, { viaKeyboard: true });
    await frame();
    const buttons = Array.from(dialog().querySelectorAll('button'));
    const last = buttons[buttons.length - 1]!;
    last.focus();
    expect(key('Tab', last).defaultPrevented).toBe(true);
    expect(page.shadow.activeElement).toBe(buttons[0]);
    expect(key('Tab', buttons[0]!, true).defaultPrevented).toBe(true);
    expect(page.shadow.activeElement).toBe(last);
  });

  it('passes the card actions the entity id', async () => {
    await controller.open(1);
    const open = Array.from(dialog().querySelectorAll('button')).find((b) => b.textContent === 'Open in Backstory')!;
    open.click();
    expect(onOpenInPopup).toHaveBeenCalledWith('najla-mangoush');
  });

  it('renders into a plain element too, and stops listening when destroyed', async () => {
    controller.destroy();
    expect(page.shadow.querySelector('[role="dialog"]')).toBeNull();
    page.hitTest.mockClear();
    move(20, 15);
    await frame(400);
    expect(page.hitTest).not.toHaveBeenCalled();

    const plain = document.createElement('div');
    document.body.append(plain);
    const abort = new AbortController();
    controller = new PopoverController({ host: plain, hitTest: page.hitTest, marks: () => [], loadCard, onAddNote, onOpenInPopup, signal: abort.signal });
    await controller.open(page.placed[0]!.mark);
    expect(plain.querySelector('[role="dialog"] h2')?.textContent).toBe('Sergei Lavrov');
    abort.abort();
    expect(plain.querySelector('[role="dialog"]')).toBeNull();
  });
});

describe('sameMark', () => {
  it('compares occurrences, not objects', () => {
    const p = document.createElement('p');
    p.textContent = 'Sergei Lavrov';
    const range = (start: number) => {
      const r = document.createRange();
      r.setStart(p.firstChild!, start);
      r.setEnd(p.firstChild!, 13);
      return r;
    };
    expect(sameMark({ entityId: 'a', range: range(0) }, { entityId: 'a', range: range(0) })).toBe(true);
    expect(sameMark({ entityId: 'a', range: range(0) }, { entityId: 'a', range: range(7) })).toBe(false);
    expect(sameMark({ entityId: 'a', range: range(0) }, null)).toBe(false);
  });
});
