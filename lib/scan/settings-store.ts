/** The reader's enablement settings in extension storage (never the page's storage). */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SITE_SETTINGS, parseSiteSettings, withSiteEnabled, type SiteSettings } from './site-settings';

const item = storage.defineItem<SiteSettings>('local:siteSettings', { fallback: DEFAULT_SITE_SETTINGS });

/** The current settings. */
export async function getSiteSettings(): Promise<SiteSettings> {
  return parseSiteSettings(await item.getValue());
}

/** Switches Backstory on or off everywhere. */
export async function setGloballyEnabled(on: boolean): Promise<SiteSettings> {
  const next = { ...(await getSiteSettings()), enabled: on };
  await item.setValue(next);
  return next;
}

/** Switches Backstory on or off for the site of `url`. */
export async function setSiteEnabled(url: string, on: boolean): Promise<SiteSettings> {
  const next = withSiteEnabled(await getSiteSettings(), url, on);
  await item.setValue(next);
  return next;
}

/** Calls `listener` whenever the settings change (in any context); returns the unsubscribe function. */
export function watchSiteSettings(listener: (settings: SiteSettings) => void): () => void {
  return item.watch((value) => listener(parseSiteSettings(value)));
}
