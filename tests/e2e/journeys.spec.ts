/**
 * The three journeys a new reader takes first, end to end in Chromium with the built
 * extension: hover a name for its card, search in the popup, keep a note across a restart.
 */
import { expect, hoverText, tabIdOf, test, waitForMarks } from './fixtures';

test('hovering "Sergei Lavrov" on a demo page opens his card with his role from the dataset', async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(`${server}sputnik.html`);
  await waitForMarks(page);
  await hoverText(page, 'Sergei Lavrov');
  const card = page.getByRole('dialog', { name: 'Sergei Lavrov' });
  await expect(card).toBeVisible();
  await expect(card.getByText('Russian Foreign Minister').first()).toBeVisible();
  // The page itself is untouched: the card lives in its own shadow root host.
  expect(await page.evaluate(() => document.querySelector('article')!.querySelectorAll('mark, [class*="backstory"]').length)).toBe(0);
});

test('the popup finds entities by name', async ({ openPopup }) => {
  const popup = await openPopup();
  const search = popup.getByRole('searchbox', { name: 'Search entities' });
  await expect(search).toBeFocused();
  await search.fill('Lavrov');
  await expect(popup.getByRole('listitem').filter({ hasText: 'Sergei Lavrov' }).first()).toBeVisible();
  await search.fill('Kabul');
  await expect(popup.getByRole('listitem').filter({ hasText: 'Zamir Kabulov' }).first()).toBeVisible();
  await expect(popup.getByRole('listitem').filter({ hasText: /^Kabul/ }).first()).toBeVisible();
});

test('a note on an article survives a browser restart', async ({ context, server, extensionId, relaunch }) => {
  const text = 'Sputnik says Lavrov spoke after talks with Najla Mangoush; China Daily places him in Kaliningrad.';
  const page = await context.newPage();
  await page.goto(`${server}sputnik.html`);
  await waitForMarks(page);
  const tabId = await tabIdOf(context, page);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.getByRole('tab', { name: 'Notes' }).click();
  const article = popup.getByRole('region', { name: 'This article' });
  await article.getByLabel('New note on this article').fill(text);
  await article.getByRole('button', { name: 'Add note' }).click();
  await expect(article.getByText(text)).toBeVisible();

  const again = await relaunch();
  const reopened = await again.context.newPage();
  await reopened.goto(`${server}sputnik.html`);
  await waitForMarks(reopened);
  const newTab = await tabIdOf(again.context, reopened);
  const popup2 = await again.context.newPage();
  await popup2.goto(`chrome-extension://${again.extensionId}/popup.html?tab=${newTab}`);
  await popup2.getByRole('tab', { name: 'Notes' }).click();
  await expect(popup2.getByRole('region', { name: 'This article' }).getByText(text)).toBeVisible();
});
