/**
 * Notes end to end in real Chromium: an article note (popup) and a passage note (the in-page
 * "Add note" button) survive a browser restart and are found again, the passage re-marked; a
 * note whose passage was rewritten shows as an orphan and marks nothing; a backup exported from
 * one profile imports into a fresh one (twice without duplicates); two tabs writing at once lose nothing.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { freshProfileDir, launchWithExtension } from '../../scripts/lib/chromium';
import { expect, tabIdOf, test } from './fixtures';

const SPUTNIK_PASSAGE = "welcomes the Taliban's recent statement that they are ready for such dialogue";
const FIXTURE_PASSAGE = 'agreed to share border patrol schedules every week';

/** Opens `url` and waits until Backstory's first scan of it is done (passage notes start right after). */
async function openArticle(context: BrowserContext, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0);
  return { page, tabId: await tabIdOf(context, page) };
}

/** Opens the popup's Notes tab acting on `tabId`. */
async function openNotes(context: BrowserContext, extensionId: string, tabId?: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 700 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html${tabId === undefined ? '' : `?tab=${tabId}`}`);
  await popup.getByRole('tab', { name: 'Notes' }).click();
  return popup;
}

/** Selects the first occurrence of `text` in the page, as a reader dragging over it would. */
async function select(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue?.indexOf(text) ?? -1;
      if (at < 0) continue;
      node.parentElement?.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`Text not found on page: ${text}`);
  }, text);
}

/** Selects `passage`, opens the in-page note form with "Add note" and types `text` (not saved yet). */
async function composePassageNote(page: Page, passage: string, text: string) {
  await select(page, passage);
  await page.getByRole('button', { name: 'Add note to selection' }).click();
  const form = page.getByRole('dialog', { name: 'Note on the passage' });
  await form.getByLabel('Your note (optional)').fill(text);
  return form;
}

/** Adds a passage note through the page and waits until its passage is marked. */
async function addPassageNote(page: Page, passage: string, text: string): Promise<void> {
  const form = await composePassageNote(page, passage, text);
  await form.getByRole('button', { name: 'Save note' }).click();
  await expect(form).toBeHidden();
  await expect.poll(() => noteMarks(page)).toContain(passage);
}

/** The text of every passage drawn in the `backstory-note` highlight. */
function noteMarks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('backstory-note');
    return highlight ? [...highlight].map((range) => (range as Range).toString()) : [];
  });
}

/** Sends a background message from an extension page (the popup), as its own code does. */
function sendFrom(popup: Page, type: string, request: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  return popup.evaluate(
    ([type, request]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<never> } } }).chrome.runtime.sendMessage({ type, request }),
    [type, request] as const,
  );
}

test.describe('notes', () => {
  test('an article note and a passage note survive a restart; the passage is marked again', async ({ context, server, extensionId, relaunch }) => {
    const url = `${server}sputnik.html`;
    const { page, tabId } = await openArticle(context, url);
    const popup = await openNotes(context, extensionId, tabId);
    const article = popup.getByRole('region', { name: 'This article' });
    await article.getByLabel('New note on this article').fill('Article note: compare with the China Daily account.');
    await article.getByRole('button', { name: 'Add note' }).click();
    await expect(article.getByText('Article note: compare with the China Daily account.')).toBeVisible();

    await addPassageNote(page, SPUTNIK_PASSAGE, 'Passage note: the Taliban offer.');
    expect(await noteMarks(page)).toEqual([SPUTNIK_PASSAGE]);

    const session = await relaunch();
    const again = await openArticle(session.context, url);
    await expect.poll(() => noteMarks(again.page)).toEqual([SPUTNIK_PASSAGE]);
    const popupAgain = await openNotes(session.context, session.extensionId, again.tabId);
    const listed = popupAgain.getByRole('region', { name: 'This article' });
    await expect(listed.getByText('Article note: compare with the China Daily account.')).toBeVisible();
    await expect(listed.getByText('Passage note: the Taliban offer.')).toBeVisible();
    await expect(listed.locator('blockquote')).toContainText(SPUTNIK_PASSAGE);
    await expect(listed.getByText('Passage not found on this page')).toHaveCount(0);
  });

  test('in a single-page app, passage notes of the next article are found when the app moves to it', async ({ context, server }) => {
    const passage = 'Zamir Kabulov met Sergei Lavrov';
    const first = await openArticle(context, `${server}fixtures/hostile/spa.html`);
    await first.page.locator('#next').click();
    await expect(first.page).toHaveTitle('SPA article two');
    await addPassageNote(first.page, passage, 'Noted on the second article.');

    // Another visit starts on the first article; the app then moves to the second without loading.
    const again = await openArticle(context, `${server}fixtures/hostile/spa.html`);
    expect(await noteMarks(again.page)).toEqual([]);
    await again.page.locator('#next').click();
    await expect.poll(() => noteMarks(again.page)).toEqual([passage]);
  });

  test('a passage note on a body loaded late (no known names in it) is found again once the body is in', async ({ context, server }) => {
    const passage = 'the delegation arrived on Tuesday and the talks lasted three hours';
    const first = await openArticle(context, `${server}fixtures/hostile/late-body.html`);
    await first.page.locator('#load').click();
    await addPassageNote(first.page, passage, 'Noted on the late body.');

    const again = await openArticle(context, `${server}fixtures/hostile/late-body.html`);
    expect(await noteMarks(again.page)).toEqual([]);
    await again.page.locator('#load').click();
    await expect.poll(() => noteMarks(again.page)).toEqual([passage]);
  });

  test('a passage rewritten since the note was written is an orphan: flagged, never marked', async ({ context, server, relaunch }) => {
    const { page } = await openArticle(context, `${server}fixtures/notes/article.html`);
    await addPassageNote(page, FIXTURE_PASSAGE, 'Weekly patrol schedules?');

    const session = await relaunch();
    const { page: updated, tabId } = await openArticle(session.context, `${server}fixtures/notes/article-updated.html`);
    const popup = await openNotes(session.context, session.extensionId, tabId);
    const article = popup.getByRole('region', { name: 'This article' });
    const note = article.getByRole('listitem').filter({ hasText: 'Weekly patrol schedules?' });
    await expect(note.getByText('Passage not found on this page')).toBeVisible();
    await expect(note.locator('blockquote')).toContainText(FIXTURE_PASSAGE);
    // The popup's question re-anchored the notes: nothing is drawn for the orphan.
    expect(await noteMarks(updated)).toEqual([]);
  });

  test('export a backup, import it into a fresh profile; importing again adds nothing', async ({ context, server, extensionId }) => {
    const { page, tabId } = await openArticle(context, `${server}sputnik.html`);
    await addPassageNote(page, SPUTNIK_PASSAGE, 'Exported passage note.');
    const popup = await openNotes(context, extensionId, tabId);
    const article = popup.getByRole('region', { name: 'This article' });
    await article.getByLabel('New note on this article').fill('Exported article note.');
    await article.getByRole('button', { name: 'Add note' }).click();
    await expect(article.getByText('Exported article note.')).toBeVisible();

    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export', exact: true }).click()]);
    const file = await download.path();
    const text = await readFile(file, 'utf8');
    expect(text).toContain('Exported passage note.');

    const fresh = await launchWithExtension({ profileDir: freshProfileDir() });
    try {
      const other = await openNotes(fresh.context, fresh.extensionId);
      const all = other.getByRole('region', { name: 'All notes' });
      for (let round = 0; round < 2; round++) {
        await other.locator('input[type="file"]').setInputFiles({ name: 'backstory-backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
        await expect(other.getByRole('status')).toContainText(round === 0 ? 'Imported 2 notes.' : 'Imported 0 notes.');
        await expect(all.getByRole('listitem')).toHaveCount(2);
      }
      await expect(all.getByText('Exported article note.')).toBeVisible();
      await expect(all.getByText('Exported passage note.')).toBeVisible();
      await expect(all.locator('blockquote')).toContainText(SPUTNIK_PASSAGE);
    } finally {
      await fresh.context.close();
    }
  });

  test('two tabs adding notes at the same time lose nothing', async ({ context, server, extensionId }) => {
    const url = `${server}sputnik.html`;
    const first = await openArticle(context, url);
    const second = await openArticle(context, url);
    const formA = await composePassageNote(first.page, SPUTNIK_PASSAGE, 'From the first tab.');
    const formB = await composePassageNote(second.page, 'Moscow format', 'From the second tab.');
    const popupA = await openNotes(context, extensionId, first.tabId);
    const popupB = await openNotes(context, extensionId, second.tabId);
    const info = { url: 'https://sputniknews.com/20210819/lavrov-russia-calls-for-nationwide-dialogue-in-afghanistan-involving-all-political-actors.html', title: 'Lavrov', site: 'Sputnik International' };
    const burst = (popup: Page, tab: string) => Array.from({ length: 5 }, (_, i) => sendFrom(popup, 'notes.add', { ...info, text: `${tab} note ${i}` }));

    const replies = await Promise.all([
      formA.getByRole('button', { name: 'Save note' }).click(),
      formB.getByRole('button', { name: 'Save note' }).click(),
      ...burst(popupA, 'A'),
      ...burst(popupB, 'B'),
    ]);
    for (const reply of replies.slice(2)) expect(reply).toMatchObject({ ok: true });
    await expect(formA).toBeHidden();
    await expect(formB).toBeHidden();

    const listed = await sendFrom(popupA, 'notes.list', { url: info.url });
    const texts = (listed.value as { text: string }[]).map((n) => n.text).sort();
    expect(texts).toEqual(['A note 0', 'A note 1', 'A note 2', 'A note 3', 'A note 4', 'B note 0', 'B note 1', 'B note 2', 'B note 3', 'B note 4', 'From the first tab.', 'From the second tab.']);
    // Each tab marks every passage noted on the article once it looks again.
    await first.page.reload();
    await expect.poll(() => noteMarks(first.page).then((m) => m.sort())).toEqual(['Moscow format', SPUTNIK_PASSAGE].sort());
  });
});
