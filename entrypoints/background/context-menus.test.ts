import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { MENU_ADD_NOTE, MENU_SAVE_ARTICLE, onMenuClick } from './context-menus';

const article = { url: 'https://example.org/a', title: 'A', site: 'Example', blocks: [{ kind: 'body', text: 'Body' }] };

function tabAnswers(value: unknown) {
  return vi.spyOn(browser.tabs, 'sendMessage').mockImplementation((async () => ({ ok: true, value })) as never);
}

describe('context menu actions', () => {
  // The fake browser has no scripting API: tests that save give it one.
  afterEach(() => {
    Reflect.deleteProperty(browser, 'scripting');
  });

  it('"Add note to selection" opens the page’s note form', async () => {
    const sent = tabAnswers({ ok: true });
    const save = vi.fn();
    await onMenuClick(MENU_ADD_NOTE, 7, save);
    expect(sent).toHaveBeenCalledWith(7, { type: 'page.noteSelection', request: {} });
    expect(save).not.toHaveBeenCalled();
  });

  it('"Save this article" reads the page’s article and saves it', async () => {
    const executeScript = vi.fn(async () => [{ frameId: 0, result: { ok: true, value: article } }]);
    Object.assign(browser, { scripting: { executeScript } });
    const save = vi.fn(async () => ({ ok: true as const, value: { sourceId: 's', mentions: 1, quotes: 0 } }));
    await onMenuClick(MENU_SAVE_ARTICLE, 7, save);
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 7 } }));
    expect(save).toHaveBeenCalledWith(article);
  });

  it('logs instead of throwing when the page cannot be read, and ignores clicks without a tab', async () => {
    Object.assign(browser, { scripting: { executeScript: vi.fn().mockRejectedValue(new Error('Cannot access contents of the page')) } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const save = vi.fn();
    await expect(onMenuClick(MENU_SAVE_ARTICLE, 7, save)).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalled();
    await onMenuClick(MENU_ADD_NOTE, undefined, save);
    expect(save).not.toHaveBeenCalled();
  });
});
