/**
 * The reader's settings as plain data, and the pure rules over them: which sites Backstory
 * runs on, and how untrusted stored values are brought back into range.
 */

/** How marks are drawn on pages. */
export type HighlightStyle = 'underline' | 'background' | 'none';

/** Every highlight style, in the order the settings view offers them. */
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'background', 'none'];

/** The reader's settings. */
export interface Settings {
  /** Master switch: off means Backstory marks nothing anywhere. */
  enabled: boolean;
  /** Sites (host names without "www.") where the reader switched Backstory off. */
  disabledSites: string[];
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
 * The site key of a page URL: its host name, lower-case, without a leading "www.".
 * Null for pages Backstory never runs on (not http or https, or unparsable).
 */
export function siteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase();
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** True when `site` or one of its parent domains was switched off. */
export function isSiteDisabled(settings: Settings, site: string): boolean {
  const parts = site.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (settings.disabledSites.includes(parts.slice(i).join('.'))) return true;
  }
  return false;
}

/** True when Backstory should mark the page at `url`. */
export function isEnabledFor(settings: Settings, url: string): boolean {
  if (!settings.enabled) return false;
  const site = siteOf(url);
  return site !== null && !isSiteDisabled(settings, site);
}

/** New settings with Backstory switched on or off for one site (and, when on, its parent domains). */
export function withSite(settings: Settings, site: string, enabled: boolean): Settings {
  const parts = site.split('.');
  const covering = new Set(parts.map((_, i) => parts.slice(i).join('.')));
  const rest = settings.disabledSites.filter((s) => (enabled ? !covering.has(s) : s !== site));
  return { ...settings, disabledSites: enabled ? rest : [...rest, site].sort() };
}

/** Brings any stored value back to valid settings, keeping what is valid and defaulting the rest. */
export function normalizeSettings(raw: unknown): Settings {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const sites = Array.isArray(value.disabledSites) ? value.disabledSites.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length <= 253) : [];
  const dwell = typeof value.dwellMs === 'number' && Number.isFinite(value.dwellMs) ? Math.round(value.dwellMs) : DEFAULT_SETTINGS.dwellMs;
  return {
    enabled: typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: [...new Set(sites.map((s) => s.toLowerCase()))].sort(),
    highlightStyle: HIGHLIGHT_STYLES.includes(value.highlightStyle as HighlightStyle) ? (value.highlightStyle as HighlightStyle) : DEFAULT_SETTINGS.highlightStyle,
    dwellMs: Math.min(DWELL_MAX_MS, Math.max(DWELL_MIN_MS, dwell)),
  };
}
