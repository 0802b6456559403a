/**
 * The canonical URL of an article, so that notes find their article again whichever
 * link the reader followed: link rel=canonical, else og:url, else the address without
 * tracking parameters and fragment.
 */

/** Query parameters that identify a campaign or a click, never the article. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'igsh', 'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id',
  'vero_id', 'wickedid', 'ref_src', 'ref_url', 'cmpid', 'ocid', 'smid', 'smtyp', 's_cid', 'ncid', 'sr_share',
  'at_medium', 'at_campaign', 'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4',
  'CMP', 'xtor', 'guccounter', 'guce_referrer', 'guce_referrer_sig',
]);

/** Prefixes of tracking parameter families (utm_source, utm_medium, ...). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'ga_', 'stm_'];

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(name) || TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * `url` without tracking parameters and fragment. Non-http(s) or unparsable input is
 * returned unchanged.
 */
export function stripTracking(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return url;
  parsed.hash = '';
  // forEach, not the keys() iterator: Firefox content scripts see page-world iterators they cannot spread.
  const names: string[] = [];
  parsed.searchParams.forEach((_value, name) => names.push(name));
  for (const name of names) if (isTracking(name)) parsed.searchParams.delete(name);
  if (parsed.searchParams.toString() === '') parsed.search = '';
  return parsed.href;
}

/** An http(s) URL resolved against `base`, or null. */
function resolveHttp(href: string | null | undefined, base: string): URL | null {
  if (!href || !href.trim()) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Some sites declare their home page as every page's canonical; such a hint would merge
 * every article's notes, so it is ignored unless the page itself is the home page.
 */
function plausible(candidate: URL, page: URL): boolean {
  const isRoot = candidate.pathname === '/' && candidate.search === '';
  return !isRoot || (page.pathname === '/' && page.search === '');
}

/** The canonical URL of the article in `doc`, shown at `location`. */
export function canonicalUrl(doc: Document, location: string | URL): string {
  const page = new URL(String(location));
  const link = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  const og = doc.querySelector('meta[property="og:url" i][content]')?.getAttribute('content');
  for (const href of [link, og]) {
    const candidate = resolveHttp(href, page.href);
    if (candidate && plausible(candidate, page)) return stripTracking(candidate.href);
  }
  return stripTracking(page.href);
}
