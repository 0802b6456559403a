/**
 * The reader's settings in extension storage (never in a page's origin), shared by the popup,
 * the options page and the content script. One versioned item: a future shape change adds a
 * migration here.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './site-rules';

/** The storage item holding the settings. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { ...DEFAULT_SETTINGS },
  version: 1,
});

/** The current settings, always valid. */
export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

/** Writes the settings (normalized) and returns what was stored. */
export async function saveSettings(settings: Settings): Promise<Settings> {
  const clean = normalizeSettings(settings);
  await settingsItem.setValue(clean);
  return clean;
}

/** Applies a change to the current settings and stores the result. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return saveSettings(change(await loadSettings()));
}

/** Calls `listener` with the new settings whenever they change anywhere; returns an unsubscribe function. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(normalizeSettings(value)));
}
