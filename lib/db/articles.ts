/** Articles the reader saved, with the mentions and quotes extraction found in them. */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { SavedArticleSummary } from '../messages/articles';
import type { BackstoryDB, SavedArticle } from './schema';
import { commitAll } from './tx';

type DB = IDBPDatabase<BackstoryDB>;

type ArticlesTx = IDBPTransaction<BackstoryDB, ('articles' | 'meta')[], 'readwrite'>;

/** Reads the articles revision; the returned function queues the write of the next one. */
async function bumpRevision(tx: ArticlesTx): Promise<() => Promise<unknown>> {
  const meta = await tx.objectStore('meta').get('articles');
  const revision = (meta?.key === 'articles' ? meta.revision : 0) + 1;
  return () => tx.objectStore('meta').put({ key: 'articles', revision });
}

/** Stores a saved article, replacing any earlier save of the same URL. */
export async function saveArticle(db: DB, article: SavedArticle): Promise<void> {
  const tx = db.transaction(['articles', 'meta'], 'readwrite');
  const earlier = await tx.objectStore('articles').index('by-url').getKey(article.url);
  const bump = await bumpRevision(tx);
  await commitAll(tx, (write) => {
    if (earlier !== undefined && earlier !== article.id) write(tx.objectStore('articles').delete(earlier));
    write(tx.objectStore('articles').put(article));
    write(bump());
  });
}

/** One saved article, or undefined. */
export function getArticle(db: DB, id: string): Promise<SavedArticle | undefined> {
  return db.get('articles', id);
}

/** Every saved article, newest first. */
export async function listArticles(db: DB): Promise<SavedArticle[]> {
  return (await db.getAllFromIndex('articles', 'by-saved')).reverse();
}

/** Saved articles that mention an entity. */
export function listArticlesByEntity(db: DB, entityId: string): Promise<SavedArticle[]> {
  return db.getAllFromIndex('articles', 'by-entity', entityId);
}

/** Removes a saved article; false when there was none. */
export async function deleteArticle(db: DB, id: string): Promise<boolean> {
  const tx = db.transaction(['articles', 'meta'], 'readwrite');
  const key = await tx.objectStore('articles').getKey(id);
  if (key === undefined) {
    await tx.done;
    return false;
  }
  const bump = await bumpRevision(tx);
  await commitAll(tx, (write) => {
    write(tx.objectStore('articles').delete(id));
    write(bump());
  });
  return true;
}

/** A counter that changes whenever saved articles change (for caches built from them). */
export async function articlesRevision(db: DB): Promise<number> {
  const meta = await db.get('meta', 'articles');
  return meta?.key === 'articles' ? meta.revision : 0;
}

/** The list entry for a saved article. */
export function summarizeArticle(article: SavedArticle): SavedArticleSummary {
  return {
    id: article.id,
    url: article.url,
    title: article.source.title,
    publisher: article.source.publisher,
    published: article.source.published,
    savedAt: article.savedAt,
    mentions: article.mentions.length,
    quotes: article.quotes.length,
  };
}
