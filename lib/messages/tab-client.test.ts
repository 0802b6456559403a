import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { NoContentScriptError, sendToTab } from './tab-client';
import { MessageError } from './client';

describe('sendToTab', () => {
  it('sends the envelope to the tab and returns the checked value', async () => {
    const spy = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: { ok: true } } as never);
    await expect(sendToTab(7, 'page.reveal', { entityId: 'kabul' })).resolves.toEqual({ ok: true });
    expect(spy).toHaveBeenCalledWith(7, { type: 'page.reveal', request: { entityId: 'kabul' } });
  });

  it('reports a tab without a content script', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(sendToTab(7, 'page.entities', {})).rejects.toBeInstanceOf(NoContentScriptError);
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(undefined as never);
    await expect(sendToTab(7, 'page.entities', {})).rejects.toBeInstanceOf(NoContentScriptError);
  });

  it('passes on errors and refuses malformed answers', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: false, error: 'nope' } as never);
    await expect(sendToTab(7, 'page.reveal', { entityId: 'x' })).rejects.toThrow('nope');
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: { entities: 'all' } } as never);
    await expect(sendToTab(7, 'page.entities', {})).rejects.toBeInstanceOf(MessageError);
  });
});
