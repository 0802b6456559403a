/** "Save this article": the page's article as Readability sees it, for the background's extraction. */
import { Readability } from '@mozilla/readability';
import type { SaveArticleRequest } from '../../lib/messages/articles';
import { pageInfo } from '../../lib/page/page-info';

/** Extracts the readable article of `doc` (a clone is parsed; the page is never touched). */
export function pageArticle(doc: Document, location: string): SaveArticleRequest {
  const info = pageInfo(doc, location);
  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  const text = parsed?.textContent?.trim() || doc.body?.innerText?.trim() || '';
  if (!text) throw new Error('This page has no article text to save');
  const published =
    doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content') ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    undefined;
  return {
    url: info.url,
    title: parsed?.title?.trim() || info.title,
    site: parsed?.siteName?.trim() || info.site,
    text,
    ...(published ? { published } : {}),
    ...(parsed?.byline?.trim() ? { byline: parsed.byline.trim() } : {}),
  };
}
