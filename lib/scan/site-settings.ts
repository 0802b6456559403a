/**
 * Where Backstory marks pages: a global switch and a list of sites the reader switched off.
 * Pure logic; `settings-store.ts` keeps the settings in extension storage.
 */

/** The reader's enablement settings. */
export interface SiteSettings {
  /** Global switch. */
  enabled: boolean;
  /** Site keys (see {@link siteKey}) where Backstory is off; a site covers its subdomains. */
  disabledSites: string[];
}

/** Settings of a fresh install: on everywhere. */
export const DEFAULT_SITE_SETTINGS: SiteSettings = Object.freeze({ enabled: true, disabledSites: [] }) as SiteSettings;

/**
 * The site of a page as the reader thinks of it: the host name, lower case, without a leading
 * `www.` or a trailing dot. Null for pages that are not http(s) (or file: pages, keyed "file").
 */
export function siteKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'file:') return 'file';
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** True when Backstory should mark the page at `url`. */
export function isEnabledFor(settings: SiteSettings, url: string): boolean {
  if (!settings.enabled) return false;
  const key = siteKey(url);
  if (key === null) return false;
  return !isSiteDisabled(settings, key);
}

/** True when `key` or one of its parent domains is switched off ("news.example.com" under "example.com"). */
export function isSiteDisabled(settings: SiteSettings, key: string): boolean {
  for (let host = key; ; ) {
    if (settings.disabledSites.includes(host)) return true;
    const dot = host.indexOf('.');
    if (dot < 0) return false;
    host = host.slice(dot + 1);
  }
}

/**
 * New settings with the site of `url` switched on or off. Switching a site on also removes
 * its parent domains' entries, so the page really becomes enabled.
 */
export function withSiteEnabled(settings: SiteSettings, url: string, on: boolean): SiteSettings {
  const key = siteKey(url);
  if (key === null) return settings;
  if (!on) {
    if (isSiteDisabled(settings, key)) return settings;
    return { ...settings, disabledSites: [...settings.disabledSites, key].sort() };
  }
  const covers = (site: string) => key === site || key.endsWith(`.${site}`);
  return { ...settings, disabledSites: settings.disabledSites.filter((s) => !covers(s)) };
}

/** Reads settings from storage defensively: anything malformed falls back to the defaults. */
export function parseSiteSettings(raw: unknown): SiteSettings {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_SITE_SETTINGS, disabledSites: [] };
  const r = raw as Partial<Record<keyof SiteSettings, unknown>>;
  const sites = Array.isArray(r.disabledSites) ? r.disabledSites.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length < 300) : [];
  return { enabled: typeof r.enabled === 'boolean' ? r.enabled : true, disabledSites: [...new Set(sites)] };
}
