/**
 * Playwright fixtures: a local server for the demo pages and fixtures, and Chromium
 * with the built extension in a fresh profile. `relaunch()` restarts the browser with
 * the same profile, as a reader closing and reopening it.
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { freshProfileDir, launchWithExtension, type ExtensionSession } from '../../scripts/lib/chromium';
import { serveDemo, type StaticServer } from '../../scripts/lib/serve';

interface Fixtures {
  /** Base URL of the demo server, ending in a slash (fixtures under `fixtures/`). */
  server: string;
  profileDir: string;
  session: ExtensionSession;
  context: BrowserContext;
  extensionId: string;
  /** Closes the browser and starts it again on the same profile; returns the new session. */
  relaunch: () => Promise<ExtensionSession>;
  /** Opens popup.html in a tab, as the toolbar would. */
  openPopup: () => Promise<Page>;
}

interface WorkerFixtures {
  demoServer: StaticServer;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  demoServer: [
    async ({}, use) => {
      const server = await serveDemo();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  server: async ({ demoServer }, use) => use(demoServer.url),
  profileDir: async ({}, use) => use(freshProfileDir()),
  session: async ({ profileDir }, use) => {
    const holder: { current: ExtensionSession } = { current: await launchWithExtension({ profileDir }) };
    await use(holder.current);
    await holder.current.context.close().catch(() => {});
  },
  relaunch: async ({ session, profileDir }, use) => {
    let current = session;
    const opened: ExtensionSession[] = [];
    await use(async () => {
      await current.context.close();
      current = await launchWithExtension({ profileDir });
      opened.push(current);
      return current;
    });
    for (const s of opened) await s.context.close().catch(() => {});
  },
  context: async ({ session }, use) => use(session.context),
  extensionId: async ({ session }, use) => use(session.extensionId),
  openPopup: async ({ session }, use) => {
    await use(async () => {
      const page = await session.context.newPage();
      await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
      return page;
    });
  },
});

export { expect };

/** Waits until the content script has marked at least one name on the page. */
export async function waitForMarks(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('backstory') && highlight.size > 0) return true;
    return false;
  });
}

/**
 * Hovers the first occurrence of `text` in the page's text (the DOM is never changed
 * by the extension, so the words are located with a Range) and returns its box.
 */
export async function hoverText(page: Page, text: string, occurrence = 0): Promise<{ x: number; y: number }> {
  const point = await pointOfText(page, text, occurrence);
  await page.mouse.move(point.x, point.y, { steps: 2 });
  return point;
}

/** Scrolls the `occurrence`-th appearance of `text` into view and returns a point on it, without moving the pointer. */
export async function pointOfText(page: Page, text: string, occurrence = 0): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ text, occurrence }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.nodeValue ?? '';
        let at = value.indexOf(text);
        while (at >= 0) {
          if (seen++ === occurrence) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + text.length);
            (node.parentElement as Element).scrollIntoView({ block: 'center' });
            const rect = range.getClientRects()[0]!;
            return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
          }
          at = value.indexOf(text, at + 1);
        }
      }
      throw new Error(`Text not found on page: ${text}`);
    },
    { text, occurrence },
  );
}

/**
 * The browser's tab id of a page, without the `tabs` permission (Backstory does not ask for
 * it): the page is brought to the front and the active tab is read from the service worker.
 */
export async function tabIdOf(context: BrowserContext, page: Page): Promise<number> {
  await page.bringToFront();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async () => {
    type Tabs = { query(q: { active: boolean; lastFocusedWindow?: boolean }): Promise<{ id?: number }[]> };
    const { tabs } = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('No active tab');
    return tab.id;
  });
}
