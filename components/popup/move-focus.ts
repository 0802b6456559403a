/**
 * Arrow-key movement through a list of focusable items (results, tabs, page entities):
 * returns the index to focus next, or null when the key is not a movement key.
 */

/** Keys that move focus, and where. `wrap` loops from the last item to the first. */
export function nextIndex(key: string, current: number, count: number, options: { wrap?: boolean; vertical?: boolean } = {}): number | null {
  const { wrap = false, vertical = true } = options;
  if (count === 0) return null;
  const forward = vertical ? 'ArrowDown' : 'ArrowRight';
  const backward = vertical ? 'ArrowUp' : 'ArrowLeft';
  switch (key) {
    case forward:
      return current + 1 < count ? current + 1 : wrap ? 0 : current;
    case backward:
      return current > 0 ? current - 1 : wrap ? count - 1 : -1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * Handles a keydown inside `container`: moves focus among the elements matching `selector`.
 * Returns -1 when the user moved up from the first item (so the caller can focus the field above),
 * the new index when focus moved, and null when the key was not handled.
 */
export function moveFocus(event: KeyboardEvent, container: HTMLElement | null, selector: string, options: { wrap?: boolean; vertical?: boolean } = {}): number | null {
  if (!container || event.altKey || event.ctrlKey || event.metaKey) return null;
  const items = [...container.querySelectorAll<HTMLElement>(selector)];
  const current = items.indexOf(document.activeElement as HTMLElement);
  const next = nextIndex(event.key, current, items.length, options);
  if (next === null) return null;
  event.preventDefault();
  if (next >= 0) items[next]?.focus();
  return next;
}
