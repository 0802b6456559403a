/**
 * Reads an article from an HTML document: the text through @mozilla/readability (the same
 * reader view Firefox uses), the metadata from meta tags (Open Graph, article:*, Dublin Core,
 * JSON-LD via Readability). Works on any DOM implementation (the page's own in the content
 * script, linkedom in the CLI). Readability rewrites the document it reads, so pass a clone:
 * `htmlToArticle(document.cloneNode(true) as Document)`.
 */
import { Readability } from '@mozilla/readability';
import type { StrippedText } from '../dataset/types';
import type { ArticleInput, Block } from './article';
import { normalizeIsoDate } from './dates';
import { stripFurniture } from './furniture';
import { readByline } from './plain-text';

/** Elements whose text is one block of the article. */
const BLOCK_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'FIGCAPTION', 'PRE', 'DD', 'DT', 'TD', 'TH', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'FIGURE', 'UL', 'OL', 'TABLE', 'TR', 'CAPTION']);

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/gu, ' ').trim();

function meta(doc: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const el of Array.from(doc.querySelectorAll('meta'))) {
      const name = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
      if (name.split(/\s+/u).includes(key.toLowerCase())) {
        const content = clean(el.getAttribute('content'));
        if (content) return content;
      }
    }
  }
  return undefined;
}

/** The text blocks under `root`, innermost block elements first in document order. */
function collectBlocks(root: Element): { text: string; caption: boolean }[] {
  const out: { text: string; caption: boolean }[] = [];
  const visit = (el: Element, inCaption: boolean) => {
    const caption = inCaption || el.tagName === 'FIGCAPTION';
    const children = Array.from(el.children);
    const hasBlockChild = children.some((c) => BLOCK_TAGS.has(c.tagName) || c.querySelector(Array.from(BLOCK_TAGS).join(',')));
    if (!hasBlockChild) {
      const text = clean(el.textContent);
      if (text) out.push({ text, caption });
      return;
    }
    // Text directly inside a container that also holds blocks is its own block.
    let loose = '';
    const flush = () => {
      const text = clean(loose);
      if (text) out.push({ text, caption });
      loose = '';
    };
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 1 && (BLOCK_TAGS.has((node as Element).tagName) || (node as Element).querySelector(Array.from(BLOCK_TAGS).join(',')))) {
        flush();
        visit(node as Element, caption);
      } else if (node.nodeType === 1 || node.nodeType === 3) {
        loose += ` ${node.textContent ?? ''}`;
      }
    }
    flush();
  };
  visit(root, false);
  return out;
}

/** Options for reading an HTML article. */
export interface HtmlArticleOptions {
  /** The page's URL, when the document does not name a canonical one. */
  url?: string;
}

/** Reads an article from a document (which it modifies: pass a clone). */
export function htmlToArticle(doc: Document, options: HtmlArticleOptions = {}): ArticleInput {
  // Metadata first: Readability strips parts of the document as it reads it.
  const ogTitle = meta(doc, 'og:title', 'twitter:title', 'title', 'dc.title');
  const publisher = meta(doc, 'og:site_name', 'publisher', 'application-name', 'dc.publisher');
  const published = normalizeIsoDate(meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created'));
  const updated = normalizeIsoDate(meta(doc, 'article:modified_time', 'dateModified', 'og:updated_time', 'dcterms.modified'));
  const author = meta(doc, 'author', 'article:author', 'dc.creator', 'byl');
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url') ?? options.url;
  const language = clean(doc.documentElement?.getAttribute('lang')) || meta(doc, 'og:locale', 'language', 'dc.language');
  const timeEl = doc.querySelector('time[datetime]');
  const timeAttr = timeEl?.getAttribute('datetime');

  const parsed = new Readability<Element>(doc, { serializer: (node) => node as Element, charThreshold: 200 }).parse();
  const root = parsed?.content ?? doc.body;
  const title = clean(ogTitle ?? parsed?.title ?? doc.title);
  const stripped: StrippedText[] = [];
  const blocks: Block[] = [{ kind: 'title', text: title }];
  const byline = author && !/^https?:/u.test(author) ? author : clean(parsed?.byline) || undefined;
  let first = true;
  let dateline: string | undefined;
  for (const block of root ? collectBlocks(root) : []) {
    // Readability keeps the headline in the content; the title block already has it.
    if (first && block.text === title) continue;
    first = false;
    const printedByline = blocks.length <= 2 ? readByline(block.text) : null;
    if (printedByline) {
      blocks.push({ kind: 'byline', text: block.text });
      dateline = printedByline.dateline;
      continue;
    }
    const check = stripFurniture(block.text);
    stripped.push(...check.removed);
    if (!check.kept) continue;
    blocks.push({ kind: block.caption || check.caption ? 'caption' : 'body', text: check.kept });
  }

  const out: ArticleInput = { title, blocks, stripped };
  const site = publisher ?? clean(parsed?.siteName);
  if (site) out.publisher = site;
  const when = published ?? normalizeIsoDate(parsed?.publishedTime) ?? normalizeIsoDate(timeAttr);
  if (when) out.published = when;
  if (updated) out.updated = updated;
  if (byline) out.byline = byline;
  if (dateline) out.dateline = dateline;
  if (language) out.language = language;
  if (canonical && /^https?:/u.test(canonical)) out.url = canonical;
  return out;
}
