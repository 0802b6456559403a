/**
 * The hover card in real Chromium with the built extension: dwell, hover intent, Escape,
 * keyboard stepping, viewport edges, a hostile page, dark mode, and the content for a person
 * quoted by both outlets and for an entity only one outlet mentions.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page, Worker } from '@playwright/test';
import { CHROME_BUILD_DIR } from '../../scripts/lib/chromium';
import { expect, hoverText, pointOfText, test, waitForMarks } from './fixtures';

/** The card dialog for an entity (Playwright's role queries pierce the open shadow root). */
const card = (page: Page, name: string): Locator => page.getByRole('dialog', { name });

/** Any card at all, open or not. */
const anyCard = (page: Page): Locator => page.locator('backstory-popover [role="dialog"]');

async function openDemo(page: Page, server: string, name: 'sputnik' | 'chinadaily'): Promise<void> {
  await page.goto(`${server}${name}.html`);
  await waitForMarks(page);
}

/**
 * Watches the card in the page for `ms` of the page's own clock (a dwell-length window is the
 * thing under test) and tells whether it was ever shown.
 */
function watchForCard(page: Page, ms: number): Promise<boolean> {
  return page.evaluate(
    (ms) =>
      new Promise<boolean>((done) => {
        const end = performance.now() + ms;
        let seen = false;
        const tick = () => {
          const dialog = document.querySelector('backstory-popover')?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
          if (dialog && !dialog.hidden && dialog.getBoundingClientRect().height > 0) seen = true;
          if (performance.now() >= end) done(seen);
          else requestAnimationFrame(tick);
        };
        tick();
      }),
    ms,
  );
}

/** Sends the keyboard command's page message to the tab, as the background does for next-mark / prev-mark. */
async function step(worker: Worker, direction: 'next' | 'prev'): Promise<void> {
  await worker.evaluate(
    async (direction) => {
      type Tabs = { query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>; sendMessage(id: number, message: unknown): Promise<unknown> };
      const { tabs } = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
      // What the background does for the next-mark / prev-mark commands: the active tab.
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      await tabs.sendMessage(tab!.id!, { type: 'page.step', request: { direction } });
    },
    direction,
  );
}

test.describe('hover card', () => {
  test('opens after a dwell on a name, with roles and quotes from both outlets (Sergei Lavrov)', async ({ context, server }) => {
    const page = await context.newPage();
    await openDemo(page, server, 'chinadaily');
    await hoverText(page, 'Sergei Lavrov');
    const dialog = card(page, 'Sergei Lavrov');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { level: 2, name: 'Sergei Lavrov' })).toBeVisible();
    await expect(dialog.getByText('Person', { exact: true })).toBeVisible();

    const quotes = dialog.getByRole('region', { name: 'Quotes' });
    await quotes.getByRole('button', { name: /^Show \d+ more quotes?$/ }).click();
    await expect(quotes.getByText('Sputnik', { exact: true }).first()).toBeVisible();
    await expect(quotes.getByText('China Daily Global', { exact: true }).first()).toBeVisible();
    await expect(quotes.getByText(/We have not made any official proposals yet/)).toBeVisible();

    const across = dialog.getByRole('region', { name: 'Across sources' });
    await expect(across.locator('.outlet-column')).toHaveCount(2);
    await expect(across.getByText(/^(Agree|Differ)$/).first()).toBeVisible();
  });

  test('shows an entity from one source (Najla Mangoush)', async ({ context, server }) => {
    const page = await context.newPage();
    await openDemo(page, server, 'sputnik');
    await hoverText(page, 'Najla Mangoush');
    const dialog = card(page, 'Najla Mangoush');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('Only Sputnik mentions Najla Mangoush.')).toBeVisible();
    await expect(dialog.getByRole('region', { name: 'Quotes' })).toHaveCount(0);
  });

  test('does not flicker open when the pointer passes over a name', async ({ context, server }) => {
    const page = await context.newPage();
    await openDemo(page, server, 'sputnik');
    // The pointer never rests on the name: it only passes over it, well under the dwell.
    const at = await pointOfText(page, 'Najla Mangoush');
    await page.mouse.move(5, 5);
    const watching = watchForCard(page, 700);
    await page.mouse.move(at.x - 60, at.y);
    await page.mouse.move(at.x + 80, at.y, { steps: 4 });
    await page.mouse.move(5, at.y + 200);
    expect(await watching).toBe(false);
    await expect(anyCard(page)).toBeHidden();
  });

  test('stays open while the pointer moves into the card, closes after leaving it, and on Escape', async ({ context, server }) => {
    const page = await context.newPage();
    await openDemo(page, server, 'chinadaily');
    await hoverText(page, 'Sergei Lavrov');
    const dialog = card(page, 'Sergei Lavrov');
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 20, { steps: 8 });
    // Still open and usable after the close delay: expand evidence inside it.
    const evidence = dialog.getByRole('button', { name: /^Evidence from / }).first();
    await evidence.click();
    await expect(evidence).toHaveAttribute('aria-expanded', 'true');
    await expect(dialog).toBeVisible();

    await page.mouse.move(box.x + box.width + 200, box.y + box.height + 200, { steps: 4 });
    await expect(dialog).toBeHidden();

    await hoverText(page, 'Sergei Lavrov');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('keyboard: the next/previous command opens cards in reading order, Tab stays inside, Escape returns', async ({ context, server, session }) => {
    const page = await context.newPage();
    await openDemo(page, server, 'sputnik');
    await step(session.worker, 'next');
    const dialog = anyCard(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toBeFocused();
    const first = await dialog.getAttribute('aria-labelledby');
    const firstName = await page.locator('backstory-popover').locator(`[id="${first}"]`).textContent();

    await step(session.worker, 'next');
    await expect(page.getByRole('dialog', { name: firstName! })).toHaveCount(0);
    await step(session.worker, 'prev');
    await expect(card(page, firstName!)).toBeFocused();

    await page.keyboard.press('Tab');
    const focusedInside = await page.evaluate(() => {
      const host = document.querySelector('backstory-popover');
      return document.activeElement === host && host?.shadowRoot?.activeElement?.closest('[role="dialog"]') !== null;
    });
    expect(focusedInside).toBe(true);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await page.evaluate(() => document.activeElement?.localName)).not.toBe('backstory-popover');
  });

  test('flips and shifts to stay inside the viewport for a name at the bottom edge', async ({ context, server }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 700, height: 500 });
    await openDemo(page, server, 'sputnik');
    const point = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.nodeValue ?? '').indexOf('Najla Mangoush');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'Najla Mangoush'.length);
        const before = range.getClientRects()[0]!;
        window.scrollBy(0, before.bottom - (innerHeight - 8));
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + 10, y: rect.top + rect.height / 2, top: rect.top };
      }
      throw new Error('name not found');
    });
    await page.mouse.move(point.x, point.y, { steps: 2 });
    const dialog = card(page, 'Najla Mangoush');
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('data-placement', /^top/);
    const box = (await dialog.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(point.top + 1);
    expect(box.x + box.width).toBeLessThanOrEqual(700);
  });

  test('a hostile page cannot break or cover the card', async ({ context, server }) => {
    const page = await context.newPage();
    await page.goto(`${server}fixtures/popover/hostile.html`);
    await waitForMarks(page);
    await hoverText(page, 'Sergei Lavrov');
    const dialog = card(page, 'Sergei Lavrov');
    await expect(dialog).toBeVisible();
    const style = await dialog.evaluate((el) => {
      const name = el.querySelector('h2')!;
      const rect = el.getBoundingClientRect();
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + 30);
      return {
        fontSize: getComputedStyle(name).fontSize,
        display: getComputedStyle(el).display,
        background: getComputedStyle(el).backgroundColor,
        direction: getComputedStyle(el).direction,
        onTop: hit === (el.getRootNode() as ShadowRoot).host || el.contains(hit),
        width: rect.width,
      };
    });
    expect(style.fontSize).toBe('18px');
    expect(style.display).toBe('block');
    expect(style.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(style.direction).toBe('ltr');
    expect(style.onTop).toBe(true);
    expect(style.width).toBeGreaterThan(250);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('marks show on screen, stay off a printed page, and keep an underline under forced colours', async ({ context, server }) => {
    const page = await context.newPage();
    await openDemo(page, server, 'chinadaily');
    const personLook = () =>
      page.evaluate(() => {
        const highlights = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
        const [range] = highlights.get('backstory-person')!;
        const style = getComputedStyle(range!.startContainer.parentElement!, '::highlight(backstory-person)');
        return { line: style.textDecorationLine, color: style.textDecorationColor, background: style.backgroundColor };
      });
    const screen = await personLook();
    expect(screen.line).toBe('underline');
    await page.emulateMedia({ media: 'print' });
    expect((await personLook()).line).toBe('none');
    // High contrast: the system's highlight colour instead of the tint and the amber line.
    await page.emulateMedia({ media: 'screen', forcedColors: 'active' });
    const forced = await personLook();
    expect(forced.line).toBe('underline');
    expect(forced.color).not.toBe(screen.color);
    // Transparent (forced colours may rewrite its channels, never its alpha).
    expect(forced.background).toMatch(/^rgba\(\d+, \d+, \d+, 0\)$/);
  });

  test('the marks’ styles are in the page before it is parsed, so marking it later restyles nothing', async ({ context, server }) => {
    const page = await context.newPage();
    // Reads the style a person mark would have as soon as <body> exists, long before the content
    // script runs (document_idle). A string, so the page needs none of the test's helpers.
    await page.addInitScript({
      content: `new MutationObserver((_, observer) => {
        if (!document.body) return;
        observer.disconnect();
        window.__personLine = getComputedStyle(document.documentElement, '::highlight(backstory-person)').textDecorationLine;
      }).observe(document, { childList: true, subtree: true });`,
    });
    await openDemo(page, server, 'sputnik');
    expect(await page.evaluate(() => (window as unknown as { __personLine?: string }).__personLine)).toBe('underline');
    // Nothing was adopted afterwards: the document's own style sheets are all it has.
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    // Every rule the manifest injects is anchored on :root (see scripts/lib/highlight-rules.ts),
    // and the marks deep in the page still get the style, by highlight inheritance.
    const manifest = JSON.parse(readFileSync(resolve(CHROME_BUILD_DIR, 'manifest.json'), 'utf8')) as { content_scripts: { css?: string[] }[] };
    const shipped = manifest.content_scripts.flatMap((c) => c.css ?? []).map((file) => readFileSync(resolve(CHROME_BUILD_DIR, file), 'utf8')).join('\n');
    expect(shipped).toContain(':root::highlight(backstory-person)');
    expect(shipped).not.toMatch(/(?<!:root)::highlight\(/);
    const deep = await page.evaluate(() => {
      const [range] = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('backstory-person')!;
      return getComputedStyle(range!.startContainer.parentElement!, '::highlight(backstory-person)').textDecorationLine;
    });
    expect(deep).toBe('underline');
  });

  test('follows the dark colour scheme, and screenshots of both themes', async ({ context, server }, testInfo) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 900, height: 760 });
    const shots = process.env.BACKSTORY_SCREENSHOTS ? resolve(import.meta.dirname, '../../docs') : testInfo.outputPath();
    mkdirSync(shots, { recursive: true });
    const backgrounds: Record<string, string> = {};
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await openDemo(page, server, 'chinadaily');
      await hoverText(page, 'Sergei Lavrov');
      const dialog = card(page, 'Sergei Lavrov');
      await expect(dialog).toBeVisible();
      backgrounds[scheme] = await dialog.evaluate((el) => getComputedStyle(el).backgroundColor);
      await page.screenshot({ path: resolve(shots, `popover-${scheme}.png`), animations: 'disabled' });
      await page.mouse.move(1, 1);
      await expect(dialog).toBeHidden();
    }
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    expect(luminance(backgrounds.light!)).toBeGreaterThan(200);
    expect(luminance(backgrounds.dark!)).toBeLessThan(60);
  });
});
