import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveSettings, settingsItem, updateSettings, watchSettings } from './settings-store';
import { DEFAULT_SETTINGS, withSite } from './site-rules';

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts with the defaults', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('stores, normalizes and reloads', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, dwellMs: 5 });
    expect((await loadSettings()).dwellMs).toBe(100);
    await updateSettings((s) => withSite(s, 'example.org', false));
    expect((await loadSettings()).disabledSites).toEqual(['example.org']);
  });

  it('repairs a corrupted stored value', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabled: 42 } });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await settingsItem.getValue()).toEqual({ enabled: 42 });
  });

  it('notifies watchers', async () => {
    const seen: boolean[] = [];
    const stop = watchSettings((s) => seen.push(s.enabled));
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false });
    await expect.poll(() => seen).toEqual([false]);
    stop();
  });
});
