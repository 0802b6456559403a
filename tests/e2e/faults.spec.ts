/**
 * Faults in real Chromium with the built extension: no network request at all, seen from the
 * browser's side; the service worker stopped in the middle of a write; malformed files imported
 * from the popup. (Malformed messages and a full disk are fuzzed in lib/background/fuzz.test.ts.)
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, hoverText, tabIdOf, test, waitForMarks } from './fixtures';

// Lets context.on('request') see the service worker's own requests too (read at launch).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

interface StoredNote {
  id: string;
  url: string;
  title: string;
  text: string;
  createdAt: number;
  updatedAt: number;
}

/** Sends one protocol message from an extension page, as the popup does. */
function sendFrom<T>(page: Page, type: string, request: unknown): Promise<{ ok: boolean; value?: T; error?: string }> {
  return page.evaluate(
    ({ type, request }) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<never> } } }).chrome.runtime.sendMessage({ type, request }),
    { type, request },
  );
}

/** Every note, deleted ones included, read through the background. */
async function allNotes(page: Page): Promise<StoredNote[]> {
  const reply = await sendFrom<StoredNote[]>(page, 'notes.listAll', { includeDeleted: true });
  expect(reply.ok, reply.error).toBe(true);
  return reply.value!;
}

/** Opens the popup for a demo article and returns both pages. */
async function popupOnArticle(context: BrowserContext, server: string, extensionId: string): Promise<{ page: Page; popup: Page }> {
  const page = await context.newPage();
  await page.goto(`${server}sputnik.html`);
  await waitForMarks(page);
  const tabId = await tabIdOf(context, page);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return { page, popup };
}

test('the extension makes no network request: reading, hovering, searching and writing a note', async ({ context, server, extensionId }) => {
  const seen: string[] = [];
  context.on('request', (request) => seen.push(request.url()));
  const { page, popup } = await popupOnArticle(context, server, extensionId);
  await hoverText(page, 'Sergei Lavrov');
  await expect(page.getByRole('dialog', { name: 'Sergei Lavrov' })).toBeVisible();
  await popup.getByRole('searchbox', { name: 'Search entities' }).fill('Kabulov');
  await expect(popup.getByRole('listitem').filter({ hasText: 'Zamir Kabulov' }).first()).toBeVisible();
  await popup.getByRole('tab', { name: 'Notes' }).click();
  const article = popup.getByRole('region', { name: 'This article' });
  await article.getByLabel('New note on this article').fill('Offline note.');
  await article.getByRole('button', { name: 'Add note' }).click();
  await expect(article.getByText('Offline note.')).toBeVisible();
  // Only the local test server and the extension's own files; never anything else.
  const outside = seen.filter((url) => !url.startsWith(server) && !url.startsWith('chrome-extension://') && !url.startsWith('data:'));
  expect(outside).toEqual([]);
  expect(seen.some((url) => url.startsWith(`chrome-extension://${extensionId}/`))).toBe(true);
});

test('stopping the service worker in the middle of writes leaves whole notes or none, and it recovers', async ({ context, server, extensionId }) => {
  const { popup } = await popupOnArticle(context, server, extensionId);
  const cdp = await context.newCDPSession(popup);
  await cdp.send('ServiceWorker.enable');
  const url = `${server}sputnik.html`;
  const text = (i: number) => `Note ${i}: ${'Lavrov said the Taliban had kept order in Kabul. '.repeat(300)}`.slice(0, 15_000);
  const attempts = 6;
  for (let i = 0; i < attempts; i++) {
    // The write starts, then the worker is stopped a little later each time (0 to 25 ms).
    const writing = sendFrom(popup, 'notes.add', { url, title: 'Sputnik', site: 'Sputnik', text: text(i) }).catch((error: unknown) => ({ ok: false, error: String(error) }));
    await popup.evaluate((ms) => new Promise((done) => setTimeout(done, ms)), i * 5);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await writing;
  }
  // The next message starts the worker again.
  const notes = await allNotes(popup);
  expect(notes.length).toBeLessThanOrEqual(attempts);
  for (const note of notes) {
    const i = Number(/^Note (\d+):/.exec(note.text)?.[1]);
    expect(note.text).toBe(text(i));
    expect(note).toMatchObject({ url, title: 'Sputnik' });
    expect(note.createdAt).toBeGreaterThan(0);
  }
  expect(new Set(notes.map((n) => n.text)).size).toBe(notes.length);
  const after = await sendFrom<StoredNote>(popup, 'notes.add', { url, title: 'Sputnik', site: 'Sputnik', text: 'After the restart.' });
  expect(after.ok, after.error).toBe(true);
  expect((await allNotes(popup)).map((n) => n.text)).toContain('After the restart.');
  test.info().annotations.push({ type: 'worker stopped mid-write', description: `${notes.length} of ${attempts} interrupted notes landed whole, none partly` });
});

test('importing malformed files shows a clear error and changes nothing', async ({ context, server, extensionId }) => {
  const { popup } = await popupOnArticle(context, server, extensionId);
  await popup.getByRole('tab', { name: 'Notes' }).click();
  const article = popup.getByRole('region', { name: 'This article' });
  await article.getByLabel('New note on this article').fill('Kept through bad imports.');
  await article.getByRole('button', { name: 'Add note' }).click();
  await expect(article.getByText('Kept through bad imports.')).toBeVisible();
  const before = await allNotes(popup);

  const files: [string, string][] = [
    ['not-json.json', 'this is not JSON {'],
    ['empty.json', ''],
    ['array.json', '[1, 2, 3]'],
    ['wrong-format.json', JSON.stringify({ format: 'something-else', version: 1, notes: [] })],
    ['future.json', JSON.stringify({ format: 'backstory-backup', version: 999, notes: [] })],
    ['bad-note.json', JSON.stringify({ format: 'backstory-backup', version: 1, notes: [{ id: 'x', url: 'javascript:alert(1)', text: '<img src=x onerror=alert(1)>' }] })],
    ['proto.json', '{"__proto__": {"polluted": true}, "format": "backstory-backup", "version": 1, "notes": "nope"}'],
    ['binary.json', '\u0000\u0001\u0002\uFFFD'],
  ];
  const input = popup.locator('input[type="file"]');
  for (const [name, content] of files) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
    const status = popup.getByText(/^Could not complete: /);
    await expect(status, name).toBeVisible();
    const message = (await status.textContent()) ?? '';
    expect(message.length, `${name}: ${message}`).toBeGreaterThan('Could not complete: '.length + 10);
    expect(message, name).not.toMatch(/undefined|\[object |TypeError|SyntaxError: Unexpected/);
    expect(await allNotes(popup), name).toEqual(before);
    // A fresh popup for the next file, so its message is its own.
    await popup.reload();
    await popup.getByRole('tab', { name: 'Notes' }).click();
    await expect(article.getByText('Kept through bad imports.')).toBeVisible();
  }
  expect(await popup.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
});
