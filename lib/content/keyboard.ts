/**
 * Keyboard helpers for the popover: reading-order stepping between marks (for the
 * next-mark / prev-mark commands) and keeping Tab inside an open card.
 */

/** Command names declared in the manifest's `commands`, delivered to the tab by the background. */
export const markCommands = { next: 'next-mark', prev: 'prev-mark' } as const;

/** A direction in reading order. */
export type Direction = 1 | -1;

/** Returns the direction for a command name, or null when it is not a mark command. */
export function commandDirection(command: string): Direction | null {
  if (command === markCommands.next) return 1;
  if (command === markCommands.prev) return -1;
  return null;
}

/**
 * The mark to go to from `current` (an index, or -1 when none is current), wrapping around at
 * the ends. With no current mark, starts from `start`: the first mark in view going forward,
 * the last in view going back. Null when there are no marks.
 */
export function stepIndex(current: number, count: number, direction: Direction, start: () => number): number | null {
  if (count <= 0) return null;
  if (current < 0 || current >= count) return Math.min(Math.max(start(), 0), count - 1);
  return (current + direction + count) % count;
}

/**
 * Where to start stepping when nothing is current: going forward, the first mark whose box is
 * not above the viewport; going back, the last mark whose box starts above the viewport's bottom.
 * `rectOf(i)` gives mark i's bounding box in viewport coordinates (marks are in reading order).
 */
export function startIndex(count: number, rectOf: (index: number) => { top: number; bottom: number }, viewportHeight: number, direction: Direction): number {
  if (direction === 1) {
    for (let i = 0; i < count; i++) if (rectOf(i).bottom > 0) return i;
    return 0;
  }
  for (let i = count - 1; i >= 0; i--) if (rectOf(i).top < viewportHeight) return i;
  return count - 1;
}

const tabbableSelector = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** Focusable elements inside `root` in tab order (hidden ones excluded). */
export function tabbables(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(tabbableSelector)).filter((el) => !el.closest('[hidden]') && el.tabIndex >= 0);
}

/**
 * For a Tab keydown inside a card: the element to focus so that Tab cycles within the card,
 * or null to let the browser move focus normally.
 */
export function wrapTab(items: readonly HTMLElement[], active: Element | null, backwards: boolean): HTMLElement | null {
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return null;
  const index = active ? items.indexOf(active as HTMLElement) : -1;
  if (index === -1) return backwards ? last : first;
  if (backwards && index === 0) return last;
  if (!backwards && index === items.length - 1) return first;
  return null;
}
