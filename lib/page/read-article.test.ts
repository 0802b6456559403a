import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ARTICLE_READER, readArticle } from './read-article';

const article = { url: 'https://example.org/a', title: 'A', site: 'Example', blocks: [{ kind: 'body', text: 'Body' }] };

/** The fake browser has no scripting API: each test gives it the injection's outcome. */
function injection(outcome: () => Promise<unknown>) {
  const executeScript = vi.fn(outcome);
  Object.assign(browser, { scripting: { executeScript } });
  return executeScript;
}

describe('readArticle', () => {
  afterEach(() => {
    Reflect.deleteProperty(browser, 'scripting');
  });

  it('injects the article reader into the tab and returns what it read', async () => {
    const run = injection(async () => [{ frameId: 0, result: { ok: true, value: article } }]);
    await expect(readArticle(7)).resolves.toEqual(article);
    expect(run).toHaveBeenCalledWith({ target: { tabId: 7 }, files: [ARTICLE_READER] });
  });

  it('passes on the reader’s own error, such as a page without article text', async () => {
    injection(async () => [{ frameId: 0, result: { ok: false, error: 'This page has no article text to save' } }]);
    await expect(readArticle(7)).rejects.toThrow('This page has no article text to save');
  });

  it('refuses what the page could have tampered with, like any request', async () => {
    injection(async () => [{ frameId: 0, result: { ok: true, value: { ...article, url: 'javascript:alert(1)' } } }]);
    await expect(readArticle(7)).rejects.toThrow();
    injection(async () => [{ frameId: 0, result: { ok: true, value: { ...article, title: 42 } } }]);
    await expect(readArticle(7)).rejects.toThrow();
  });

  it('says plainly when the page cannot be read: no permission, no result', async () => {
    injection(async () => {
      throw new Error('Cannot access contents of the page');
    });
    await expect(readArticle(7)).rejects.toThrow('Backstory cannot read this page');
    injection(async () => [{ frameId: 0 }]);
    await expect(readArticle(7)).rejects.toThrow('Backstory cannot read this page');
    injection(async () => []);
    await expect(readArticle(7)).rejects.toThrow('Backstory cannot read this page');
  });
});
