/**
 * The reader's settings as plain data, and the pure rules over them: which sites Backstory
 * runs on (the enablement rules of lib/scan/site-settings.ts), and how untrusted stored values
 * are brought back into range.
 */
import { isEnabledFor as enabledFor, isSiteDisabled as siteIsDisabled, parseSiteSettings, siteKey, withSiteEnabled, type SiteSettings } from '../scan/site-settings';

/** How marks are drawn on pages. */
export type HighlightStyle = 'underline' | 'background' | 'none';

/** Every highlight style, in the order the settings view offers them. */
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'background', 'none'];

/** The reader's settings: where Backstory runs (enabled, disabledSites), and how it looks. */
export interface Settings extends SiteSettings {
  highlightStyle: HighlightStyle;
  /** How long the pointer rests on a mark before its popover opens, in milliseconds. */
  dwellMs: number;
}

/** Bounds of the popover dwell time, in milliseconds. */
export const DWELL_MIN_MS = 100;
/** Upper bound of the popover dwell time, in milliseconds. */
export const DWELL_MAX_MS = 2000;

/** Settings of a fresh install. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: [],
  highlightStyle: 'underline',
  dwellMs: 350,
});

/**
 * The site key of a page URL: its host name, lower-case, without a leading "www."
 * ("file" for local files). Null for pages Backstory never runs on.
 */
export function siteOf(url: string): string | null {
  return siteKey(url);
}

/** True when `site` or one of its parent domains was switched off. */
export function isSiteDisabled(settings: Settings, site: string): boolean {
  return siteIsDisabled(settings, site);
}

/** True when Backstory should mark the page at `url`. */
export function isEnabledFor(settings: Settings, url: string): boolean {
  return enabledFor(settings, url);
}

/** New settings with Backstory switched on or off for one site (switching on also clears its parent domains). */
export function withSite(settings: Settings, site: string, enabled: boolean): Settings {
  // The shared rule works on URLs; any URL of the site stands for it.
  const url = site === 'file' ? 'file:///' : `https://${site}/`;
  return { ...settings, ...withSiteEnabled(settings, url, enabled) };
}

/** Brings any stored value back to valid settings, keeping what is valid and defaulting the rest. */
export function normalizeSettings(raw: unknown): Settings {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const sites = parseSiteSettings(raw);
  const dwell = typeof value.dwellMs === 'number' && Number.isFinite(value.dwellMs) ? Math.round(value.dwellMs) : DEFAULT_SETTINGS.dwellMs;
  return {
    enabled: sites.enabled,
    disabledSites: [...new Set(sites.disabledSites.map((s) => s.toLowerCase()))].sort(),
    highlightStyle: HIGHLIGHT_STYLES.includes(value.highlightStyle as HighlightStyle) ? (value.highlightStyle as HighlightStyle) : DEFAULT_SETTINGS.highlightStyle,
    dwellMs: Math.min(DWELL_MAX_MS, Math.max(DWELL_MIN_MS, dwell)),
  };
}
