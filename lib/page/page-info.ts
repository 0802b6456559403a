/** What a note remembers of its article: canonical URL, title and outlet at the time. */
import { canonicalUrl } from './canonical-url';

/** The article a note is attached to. */
export interface PageInfo {
  url: string;
  title: string;
  /** The outlet's name (og:site_name), else the host name without "www.". */
  site: string;
}

function meta(doc: Document, property: string): string | null {
  const el = doc.querySelector(`meta[property="${property}" i][content], meta[name="${property}" i][content]`);
  const value = el?.getAttribute('content')?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
}

/** The outlet of the page: og:site_name, application-name, else the host name. */
export function pageSite(doc: Document, location: string | URL): string {
  return meta(doc, 'og:site_name') ?? meta(doc, 'application-name') ?? new URL(String(location)).hostname.replace(/^www\./, '');
}

/** The article's title: og:title, else the document title, else the first heading. */
export function pageTitle(doc: Document): string {
  const heading = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  return meta(doc, 'og:title') ?? (doc.title.replace(/\s+/g, ' ').trim() || heading || '');
}

/** Canonical URL, title and outlet of the page in `doc` shown at `location`. */
export function pageInfo(doc: Document, location: string | URL): PageInfo {
  return { url: canonicalUrl(doc, location), title: pageTitle(doc), site: pageSite(doc, location) };
}
