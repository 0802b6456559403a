/** Reads the article of a tab for "Save this article", from the popup or the context menu. */
import { browser } from 'wxt/browser';
import { articleMessageValidators, type SaveArticleRequest } from '../messages/articles';

/** The script that reads it (entrypoints/article-reader.content), injected on demand. */
export const ARTICLE_READER = '/content-scripts/article-reader.js';

const UNREADABLE = 'Backstory cannot read this page';

/**
 * Injects the article reader into the tab's top frame and returns the article it read, checked
 * like any request. Throws with the reader's own message (a page without article text) or a
 * plain one when the page cannot be read (a browser page, a PDF, a page still loading).
 */
export async function readArticle(tabId: number): Promise<SaveArticleRequest> {
  let results: { result?: unknown }[];
  try {
    results = await browser.scripting.executeScript({ target: { tabId }, files: [ARTICLE_READER] });
  } catch {
    throw new Error(UNREADABLE);
  }
  const reply = results[0]?.result as { ok?: unknown; value?: unknown; error?: unknown } | undefined;
  if (!reply || typeof reply !== 'object') throw new Error(UNREADABLE);
  if (reply.ok !== true) throw new Error(typeof reply.error === 'string' ? reply.error : UNREADABLE);
  return articleMessageValidators['articles.save'](reply.value);
}
