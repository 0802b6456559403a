import { describe, expect, it } from 'vitest';
import { commandDirection, startIndex, stepIndex, tabbables, wrapTab } from './keyboard';

describe('commandDirection', () => {
  it('maps the manifest commands to directions', () => {
    expect(commandDirection('next-mark')).toBe(1);
    expect(commandDirection('prev-mark')).toBe(-1);
    expect(commandDirection('_execute_action')).toBeNull();
  });
});

describe('stepIndex', () => {
  it('steps in reading order and wraps at both ends', () => {
    expect(stepIndex(0, 3, 1, () => 0)).toBe(1);
    expect(stepIndex(2, 3, 1, () => 0)).toBe(0);
    expect(stepIndex(0, 3, -1, () => 0)).toBe(2);
  });
  it('starts from the given start when nothing is current, and gives null without marks', () => {
    expect(stepIndex(-1, 5, 1, () => 3)).toBe(3);
    expect(stepIndex(-1, 5, 1, () => 9)).toBe(4);
    expect(stepIndex(-1, 0, 1, () => 0)).toBeNull();
  });
});

describe('startIndex', () => {
  // Marks 100px apart; the viewport shows 250..750 after scrolling, i.e. marks 3..7.
  const rectOf = (i: number) => ({ top: i * 100 - 250, bottom: i * 100 - 230 });
  it('going forward, picks the first mark not above the viewport', () => {
    expect(startIndex(10, rectOf, 500, 1)).toBe(3);
  });
  it('going back, picks the last mark above the viewport bottom', () => {
    expect(startIndex(10, rectOf, 500, -1)).toBe(7);
  });
  it('falls back to the ends', () => {
    expect(startIndex(2, () => ({ top: -500, bottom: -480 }), 500, 1)).toBe(0);
    expect(startIndex(2, () => ({ top: 900, bottom: 920 }), 500, -1)).toBe(1);
  });
});

describe('tabbables and wrapTab', () => {
  function setup() {
    const root = document.createElement('div');
    const first = document.createElement('button');
    const hiddenWrap = document.createElement('div');
    hiddenWrap.hidden = true;
    hiddenWrap.append(document.createElement('button'));
    const disabled = document.createElement('button');
    disabled.disabled = true;
    const link = document.createElement('a');
    link.href = 'https://example.org/';
    root.append(first, hiddenWrap, disabled, link);
    document.body.append(root);
    return { root, first, link };
  }

  it('lists only reachable elements', () => {
    const { root, first, link } = setup();
    expect(tabbables(root)).toEqual([first, link]);
    root.remove();
  });

  it('wraps Tab from the last to the first and Shift+Tab from the first to the last', () => {
    const { root, first, link } = setup();
    const items = tabbables(root);
    expect(wrapTab(items, link, false)).toBe(first);
    expect(wrapTab(items, first, true)).toBe(link);
    expect(wrapTab(items, first, false)).toBeNull();
    expect(wrapTab(items, root, false)).toBe(first);
    expect(wrapTab([], null, false)).toBeNull();
    root.remove();
  });
});
