/**
 * "Save this article": the reader saves an unseen article from the popup; from then on its
 * quotes and statements appear in the cards of the entities it mentions, marked as theirs.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, hoverText, tabIdOf, test, waitForMarks } from './fixtures';

/** Opens the popup for `page`'s tab and presses "Save this article"; returns the popup. */
async function saveFromPopup(context: BrowserContext, extensionId: string, page: Page): Promise<Page> {
  const tabId = await tabIdOf(context, page);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.getByRole('tab', { name: 'Notes' }).click();
  await popup.getByRole('button', { name: 'Save this article' }).click();
  return popup;
}

test('a saved article joins the cross-source context of the entities it mentions', async ({ context, server, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`${server}fixtures/articles/kabulov-follow-up.html`);
  await waitForMarks(page);
  const popup = await saveFromPopup(context, extensionId, page);
  await expect(popup.getByText('Article saved to your library.')).toBeVisible();
  await popup.close();

  // A fresh visit loads cards afresh (cards are cached per page).
  await page.reload();
  await waitForMarks(page);
  await hoverText(page, 'Zamir Kabulov');
  const card = page.getByRole('dialog', { name: 'Zamir Kabulov' });
  await expect(card).toBeVisible();
  await expect(card.getByText('Backstory Test Wire').first()).toBeVisible();
  await expect(card.getByText('your source').first()).toBeVisible();
});

test('saving a page without article text says so, and saves nothing', async ({ context, server, extensionId }) => {
  const page = await context.newPage();
  // A page with a title and nothing to read.
  await page.route('**/no-article.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Coming soon</title><body></body>' }));
  await page.goto(`${server}no-article.html`);
  const popup = await saveFromPopup(context, extensionId, page);
  await expect(popup.getByText('This page has no article text to save')).toBeVisible();
  await expect(popup.getByText('Article saved to your library.')).toHaveCount(0);
});
