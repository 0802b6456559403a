/** Messages about articles the reader saved ("Save this article"). */
import { array, literal, object, optional, string, url, type Validator } from '../validate';

/** A saved article in lists. */
export interface SavedArticleSummary {
  /** Its source id (starts with "saved-"). */
  id: string;
  url: string;
  title: string;
  publisher: string;
  published: string;
  /** Epoch milliseconds. */
  savedAt: number;
  mentions: number;
  quotes: number;
}

/** The page as Readability extracted it, sent by the popup or the context menu. */
export interface SaveArticleRequest {
  /** Canonical URL. */
  url: string;
  title: string;
  /** The outlet. */
  site: string;
  /** The article's plain text, one paragraph per line; used when `blocks` is absent. */
  text?: string;
  /**
   * The article as blocks in page order (lib/extract's htmlToArticle on a clone of the page):
   * keeps paragraph boundaries that plain text loses. One of `text` and `blocks` is needed.
   */
  blocks?: { kind: 'title' | 'byline' | 'caption' | 'body'; text: string }[];
  /** ISO 8601, when the page states it. */
  published?: string;
  byline?: string;
}

/** Article message map. */
export interface ArticleMessages {
  /** Extracts mentions and quotes from the page and stores it; saving the same URL again replaces it. */
  'articles.save': { request: SaveArticleRequest; response: { sourceId: string; mentions: number; quotes: number } };
  /** Saved articles, newest first. */
  'articles.list': { request: Record<string, never>; response: SavedArticleSummary[] };
  'articles.delete': { request: { id: string }; response: { deleted: boolean } };
}

/** Request validators for the article messages. */
export const articleMessageValidators: { [K in keyof ArticleMessages]: Validator<ArticleMessages[K]['request']> } = {
  'articles.save': object({
    url: url(),
    title: string({ max: 1000 }),
    site: string({ max: 500 }),
    text: optional(string({ max: 2_000_000 })),
    blocks: optional(array(object({ kind: literal('title', 'byline', 'caption', 'body'), text: string({ max: 100_000 }) }), { max: 5000 })),
    published: optional(string({ max: 100 })),
    byline: optional(string({ max: 1000 })),
  }),
  'articles.list': object({}) as Validator<Record<string, never>>,
  'articles.delete': object({ id: string({ min: 1, max: 200 }) }),
};
