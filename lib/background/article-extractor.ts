/**
 * "Save this article" runs the same extraction as the bundled dataset (lib/extract): the
 * page's Readability text becomes title, byline and paragraph blocks, and the extractor finds
 * mentions, roles and quotes with the stored dataset's dictionary.
 */
import type { ArticleInput, Block } from '../extract/article';
import { createExtractor } from '../extract/extract-article';
import type { SaveArticleRequest } from '../messages/articles';
import type { Dictionary } from '../messages/entities';
import type { ArticleExtraction, ArticleExtractor } from '../notes/saved-article';

/**
 * The extractor's input for a page the reader saves: its blocks as sent, or one block per
 * line of its text, under the title (and byline) block.
 */
export function toArticleInput(request: SaveArticleRequest): ArticleInput {
  const given: Block[] = request.blocks ?? (request.text ?? '').split(/\n/u).map((text) => ({ kind: 'body' as const, text }));
  const body = given
    .map((b) => ({ ...b, text: b.text.replace(/\s+/gu, ' ').trim() }))
    // The page's own title block, or a first line repeating the headline, is replaced by the request's title.
    .filter((b, i) => b.text && b.kind !== 'title' && !(i === 0 && b.text === request.title) && !(request.byline && b.kind === 'byline'));
  const input: ArticleInput = {
    title: request.title,
    publisher: request.site,
    url: request.url,
    blocks: [{ kind: 'title', text: request.title }, ...(request.byline ? [{ kind: 'byline' as const, text: request.byline }] : []), ...body],
    stripped: [],
  };
  if (request.byline) input.byline = request.byline;
  if (request.published) input.published = request.published;
  return input;
}

/** An ArticleExtractor over lib/extract, recompiling the dictionary only when its version changes. */
export function createDatasetExtractor(): ArticleExtractor {
  let compiled: { version: string; run: ReturnType<typeof createExtractor> } | null = null;
  return (request: SaveArticleRequest, dictionary: Dictionary): ArticleExtraction => {
    if (compiled?.version !== dictionary.version) {
      compiled = { version: dictionary.version, run: createExtractor({ dictionary: dictionary.terms, entities: dictionary.entities }) };
    }
    const found = compiled.run(toArticleInput(request));
    return { text: found.text, mentions: found.mentions, quotes: found.quotes, sentences: found.sentences, roles: found.roles };
  };
}
