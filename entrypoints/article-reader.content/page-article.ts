/** "Save this article": the page's article as the extractor reads it, for the background. */
import { htmlToArticle } from '../../lib/extract/html-to-article';
import type { SaveArticleRequest } from '../../lib/messages/articles';
import { pageInfo } from '../../lib/page/page-info';

/** Reads the article of `doc` (from a clone: the page is never touched), keeping its paragraphs. */
export function pageArticle(doc: Document, location: string): SaveArticleRequest {
  const info = pageInfo(doc, location);
  const article = htmlToArticle(doc.cloneNode(true) as Document, { url: location });
  const blocks = article.blocks.filter((block) => block.text.trim() !== '');
  if (!blocks.some((block) => block.kind === 'body')) throw new Error('This page has no article text to save');
  return {
    url: info.url,
    title: article.title || info.title,
    site: article.publisher || info.site,
    blocks,
    ...(article.published ? { published: article.published } : {}),
    ...(article.byline ? { byline: article.byline } : {}),
  };
}
