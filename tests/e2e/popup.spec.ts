/**
 * The toolbar popup in real Chromium with the built extension: popup.html opened in a tab,
 * acting on a real demo tab named by `?tab=<id>` (as the toolbar's active tab would be).
 * Search, entity detail, what is on this page, notes, the site switch, and keyboard-only use.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page, TestInfo } from '@playwright/test';
import { expect, tabIdOf, test, waitForMarks } from './fixtures';

/** Opens a demo article and returns its page and tab id. */
async function openDemoTab(context: BrowserContext, server: string, name: 'sputnik' | 'chinadaily'): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  const url = `${server}${name}.html`;
  await page.goto(url);
  await waitForMarks(page);
  return { page, tabId: await tabIdOf(context, page) };
}

/** Opens the popup in a 400px-wide tab, acting on `tabId` when given. */
async function openPopupFor(context: BrowserContext, extensionId: string, tabId?: number, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.goto(`chrome-extension://${extensionId}/popup.html${tabId === undefined ? '' : `?tab=${tabId}`}`);
  return popup;
}

function shotsDir(testInfo: TestInfo): string {
  const dir = process.env.BACKSTORY_SCREENSHOTS ? resolve(import.meta.dirname, '../../docs') : testInfo.outputPath();
  mkdirSync(dir, { recursive: true });
  return dir;
}

const field = (popup: Page) => popup.getByRole('searchbox', { name: 'Search entities' });
const result = (popup: Page, name: string) => popup.getByRole('listitem').filter({ hasText: name });

test.describe('popup', () => {
  test('search: "Kabulov" finds Zamir Kabulov and "Sergey" finds Sergei Lavrov', async ({ context, extensionId }, testInfo) => {
    const popup = await openPopupFor(context, extensionId);
    await expect(field(popup)).toBeFocused();
    await field(popup).fill('Kabulov');
    await expect(result(popup, 'Zamir Kabulov').first()).toBeVisible();
    await popup.screenshot({ path: resolve(shotsDir(testInfo), 'popup-search.png') });
    await field(popup).fill('Sergey');
    await expect(result(popup, 'Sergei Lavrov').first()).toBeVisible();
    await field(popup).fill('Kabul');
    await popup.getByRole('radio', { name: 'Places' }).click();
    await expect(result(popup, 'Zamir Kabulov')).toHaveCount(0);
  });

  test('entity detail: roles, quotes and the cross-source comparison, and back', async ({ context, extensionId }, testInfo) => {
    const popup = await openPopupFor(context, extensionId);
    await field(popup).fill('Lavrov');
    await result(popup, 'Sergei Lavrov').first().getByRole('button').click();
    await expect(popup.getByRole('heading', { level: 2, name: 'Sergei Lavrov' })).toBeVisible();
    await expect(popup.getByRole('heading', { name: 'Roles' })).toBeVisible();
    await expect(popup.getByRole('heading', { name: 'Across sources' })).toBeVisible();
    await popup.screenshot({ path: resolve(shotsDir(testInfo), 'popup-detail.png'), fullPage: true });
    await popup.getByRole('button', { name: 'Back' }).click();
    await expect(field(popup)).toHaveValue('Lavrov');
  });

  test('on this page: the demo article entities with counts; choosing one opens its card in the page', async ({ context, server, extensionId }, testInfo) => {
    const { page, tabId } = await openDemoTab(context, server, 'chinadaily');
    const popup = await openPopupFor(context, extensionId, tabId);
    await popup.getByRole('tab', { name: 'On this page' }).click();
    const kabulov = popup.getByRole('button', { name: /^Zamir Kabulov/ });
    await expect(kabulov).toBeVisible();
    await expect(popup.getByRole('button', { name: /^Sergei Lavrov/ })).toBeVisible();
    await popup.screenshot({ path: resolve(shotsDir(testInfo), 'popup-on-this-page.png') });
    await kabulov.click();
    await expect(page.getByRole('dialog', { name: 'Zamir Kabulov' })).toBeVisible();
  });

  test('notes: add a note on this article and edit it', async ({ context, server, extensionId }, testInfo) => {
    const { tabId } = await openDemoTab(context, server, 'sputnik');
    const popup = await openPopupFor(context, extensionId, tabId);
    await popup.getByRole('tab', { name: 'Notes' }).click();
    const article = popup.getByRole('region', { name: 'This article' });
    await article.getByLabel('New note on this article').fill('Compare with the China Daily account of the meeting.');
    await article.getByRole('button', { name: 'Add note' }).click();
    await expect(article.getByText('Compare with the China Daily account of the meeting.')).toBeVisible();
    await article.getByRole('button', { name: /^Edit/ }).click();
    await article.getByLabel('Edit note').fill('China Daily: Zhirnov met the Taliban on Tuesday.');
    await article.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(article.getByText('China Daily: Zhirnov met the Taliban on Tuesday.')).toBeVisible();
    await expect(popup.getByRole('region', { name: 'All notes' }).getByText('China Daily: Zhirnov met the Taliban on Tuesday.')).toBeVisible();
    await popup.screenshot({ path: resolve(shotsDir(testInfo), 'popup-notes.png') });
  });

  test('settings: switching Backstory off for the site removes the marks', async ({ context, server, extensionId }, testInfo) => {
    const { page, tabId } = await openDemoTab(context, server, 'sputnik');
    const popup = await openPopupFor(context, extensionId, tabId, 'dark');
    await popup.getByRole('tab', { name: 'Settings' }).click();
    const site = popup.getByRole('switch', { name: /^On / });
    await expect(site).toHaveAttribute('aria-checked', 'true');
    await popup.screenshot({ path: resolve(shotsDir(testInfo), 'popup-settings-dark.png') });
    await site.click();
    await expect(site).toHaveAttribute('aria-checked', 'false');
    await page.waitForFunction(() => [...CSS.highlights].every(([name, h]) => !name.startsWith('backstory') || h.size === 0));
    await site.click();
    await waitForMarks(page);
  });

  test('settings: the highlight style changes on the open page, moving marks between highlights without touching a stylesheet', async ({ context, server, extensionId }) => {
    const { page, tabId } = await openDemoTab(context, server, 'chinadaily');
    /** The person marks: under which highlight, how they look, and the page's own stylesheet counts. */
    const look = () =>
      page.evaluate(() => {
        const highlights = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
        const name = [...highlights.keys()].find((k) => k.startsWith('backstory-person'))!;
        const [range] = highlights.get(name)!;
        const style = getComputedStyle(range!.startContainer.parentElement!, `::highlight(${name})`);
        return { name, line: style.textDecorationLine, background: style.backgroundColor, sheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length };
      });
    const before = await look();
    expect(before).toMatchObject({ name: 'backstory-person', line: 'underline', background: 'rgba(0, 0, 0, 0)', adopted: 0 });
    const popup = await openPopupFor(context, extensionId, tabId);
    await popup.getByRole('tab', { name: 'Settings' }).click();
    await popup.getByRole('radio', { name: 'Background tint' }).check();
    await page.waitForFunction(() => CSS.highlights.has('backstory-person-tint') && !CSS.highlights.has('backstory-person'));
    expect(await look()).toEqual({ ...before, name: 'backstory-person-tint', line: 'none', background: 'rgba(255, 183, 0, 0.22)' });
    await popup.getByRole('radio', { name: /^None/ }).check();
    await page.waitForFunction(() => CSS.highlights.has('backstory-person-plain'));
    expect(await look()).toEqual({ ...before, name: 'backstory-person-plain', line: 'none' });
    await popup.getByRole('radio', { name: 'Underline' }).check();
    await page.waitForFunction(() => CSS.highlights.has('backstory-person'));
    expect(await look()).toEqual(before);
  });

  test('keyboard only: type, arrow to a result, Enter, Escape back, arrow through tabs', async ({ context, server, extensionId }) => {
    const { tabId } = await openDemoTab(context, server, 'chinadaily');
    const popup = await openPopupFor(context, extensionId, tabId);
    await expect(field(popup)).toBeFocused();
    await popup.keyboard.type('Kabulov');
    // Results update as you type: wait for the answer to the whole word before moving into them.
    await expect(popup.getByRole('listitem').first()).toContainText('Zamir Kabulov');
    await expect(popup.locator('[aria-busy="true"]')).toHaveCount(0);
    await popup.keyboard.press('ArrowDown');
    const first = result(popup, 'Zamir Kabulov').first().getByRole('button');
    await expect(first).toBeFocused();
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('heading', { level: 2, name: 'Zamir Kabulov' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Back' })).toBeFocused();
    await popup.keyboard.press('Escape');
    await expect(first).toBeFocused();
    // Focus is visible wherever it lands.
    const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await popup.getByRole('tab', { name: 'Search' }).focus();
    await popup.keyboard.press('ArrowRight');
    await expect(popup.getByRole('tab', { name: 'On this page' })).toBeFocused();
    await expect(popup.getByRole('tab', { name: 'On this page' })).toHaveAttribute('aria-selected', 'true');
    await popup.keyboard.press('Tab');
    await expect(popup.getByRole('button', { name: /^Zamir Kabulov|^Sergei Lavrov|^Kabul/ }).first()).toBeVisible();
  });

  test('makes no network requests', async ({ context, extensionId }) => {
    const requests: string[] = [];
    context.on('request', (request) => {
      if (!request.url().startsWith('chrome-extension://') && !request.url().startsWith('data:')) requests.push(request.url());
    });
    const popup = await openPopupFor(context, extensionId);
    await field(popup).fill('Kabulov');
    await expect(result(popup, 'Zamir Kabulov').first()).toBeVisible();
    expect(requests).toEqual([]);
  });
});
