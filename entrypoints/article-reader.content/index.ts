import { defineContentScript } from 'wxt/utils/define-content-script';
import type { Reply } from '../../lib/messages/protocol';
import type { SaveArticleRequest } from '../../lib/messages/articles';
import { pageArticle } from './page-article';

/**
 * "Save this article": injected into the tab only when the reader saves it (lib/page/read-article),
 * so the article extractor (Readability, a fifth of the code) is not evaluated on every page.
 * Answers with a Reply: an error thrown by an injected script does not reach the caller in Chrome.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  main(): Reply<SaveArticleRequest> {
    try {
      return { ok: true, value: pageArticle(document, location.href) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  },
});
