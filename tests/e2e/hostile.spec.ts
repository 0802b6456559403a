/**
 * Hostile and edge-case pages (tests/fixtures/hostile, expectations in its README) in real
 * Chromium with the built extension: the page's DOM is never changed, names are marked where
 * a reader reads them and nowhere else, markup payloads stay text, and a 5 MB page is scanned.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { largePage } from '../../scripts/pages/make-large-page';
import { expect, hoverText, tabIdOf, test, waitForMarks } from './fixtures';

/** One marked range: its highlight, its text, the nearest id around it, and whether it is in the document. */
interface MarkInfo {
  highlight: string;
  text: string;
  id: string;
  connected: boolean;
  /** The id of the shadow host it is in; null in the document itself. */
  host: string | null;
}

/** Opens a fixture, collecting the page's uncaught errors, and waits for the first scan to finish. */
async function openFixture(context: BrowserContext, server: string, name: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${server}fixtures/hostile/${name}`);
  await waitForScan(page);
  return { page, errors };
}

/** Waits for the content script's first scan (it records `backstory:scan` in the page's timeline). */
async function waitForScan(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0);
}

/** Marks inside shadow roots, as "host id:text", sorted. */
async function shadowMarks(page: Page): Promise<string[]> {
  return (await marks(page)).flatMap((m) => (m.host === null ? [] : [`${m.host}:${m.text}`])).sort();
}

/** Every range in Backstory's highlights. */
function marks(page: Page): Promise<MarkInfo[]> {
  return page.evaluate(() => {
    const out: MarkInfo[] = [];
    for (const [highlight, ranges] of CSS.highlights) {
      if (!highlight.startsWith('backstory')) continue;
      for (const r of ranges as unknown as Iterable<AbstractRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const element = r.startContainer instanceof Element ? r.startContainer : r.startContainer.parentElement;
        const root = r.startContainer.getRootNode();
        const host = root instanceof ShadowRoot ? root.host.id : null;
        out.push({ highlight, text: range.toString().replace(/\s+/g, ' '), id: element?.closest('[id]')?.id ?? '', connected: r.startContainer.isConnected, host });
      }
    }
    return out;
  });
}

/**
 * The live document serialized without Backstory's own shadow hosts, beside the same URL parsed
 * from the network without running anything (DOMParser): equal when the page is untouched.
 */
function domAgainstSource(page: Page): Promise<{ live: string; source: string }> {
  return page.evaluate(async () => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    for (const el of [...clone.querySelectorAll('*')]) if (el.localName.startsWith('backstory-')) el.remove();
    const text = await (await fetch(location.href)).text();
    const source = new DOMParser().parseFromString(text, 'text/html').documentElement.outerHTML;
    return { live: clone.outerHTML, source };
  });
}

const card = (page: Page, name: string) => page.getByRole('dialog', { name });

/** Fixtures without scripts: their DOM after the scan must equal their source. */
const STATIC = ['attributes-only.html', 'css-all-unset.html', 'css-rtl-divs.html', 'css-transform-overlay.html', 'editable-and-forms.html', 'rtl.html', 'split-names.html', 'xss.html'];

test.describe('hostile pages', () => {
  for (const name of STATIC) {
    test(`${name}: the page's DOM and text are unchanged, with no page error`, async ({ context, server }) => {
      const { page, errors } = await openFixture(context, server, name);
      const { live, source } = await domAgainstSource(page);
      expect(live).toBe(source);
      expect(errors).toEqual([]);
    });
  }

  test("the page's own message listeners never hear from Backstory", async ({ context, server }) => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      window.addEventListener('message', (event) => heard.push(JSON.stringify(event.data)));
    });
    await page.goto(`${server}fixtures/hostile/split-names.html`);
    await waitForMarks(page);
    // The content script started, scanned and drew its marks: a message it posted on starting
    // would have been delivered long before.
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
  });

  test('split-names: names are marked across element boundaries', async ({ context, server }) => {
    const { page } = await openFixture(context, server, 'split-names.html');
    await waitForMarks(page);
    const found = (await marks(page)).map((m) => `${m.id}:${m.text}`).sort();
    expect(found).toEqual(
      expect.arrayContaining(['bold:Sergei Lavrov', 'italic:Zamir Kabulov', 'nested:Sergei Lavrov', 'nested:Zamir Kabulov', 'link:Taliban', 'link:Kabul', 'midword:Taliban', 'midword:Kabul']),
    );
    // The range of "<b>Sergei</b> Lavrov" starts inside the <b>.
    const startsInBold = await page.evaluate(() =>
      [...CSS.highlights].some(([, h]) => [...(h as unknown as Iterable<AbstractRange>)].some((r) => r.startContainer.parentElement?.localName === 'b' && r.startContainer.parentElement.closest('#bold') !== null)),
    );
    expect(startsInBold).toBe(true);
    await hoverText(page, 'Lavrov');
    await expect(card(page, 'Sergei Lavrov')).toBeVisible();
  });

  test('editable-and-forms: only the plain paragraph is marked', async ({ context, server }) => {
    const { page } = await openFixture(context, server, 'editable-and-forms.html');
    await waitForMarks(page);
    const found = await marks(page);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((m) => m.id !== 'plain')).toEqual([]);
    // Typing a name into the editor does not mark it either.
    await page.locator('#editor').click();
    await page.keyboard.type(' The Taliban.');
    await page.locator('#notes').fill('Sergei Lavrov again');
    await expect.poll(async () => (await marks(page)).filter((m) => m.id !== 'plain')).toEqual([]);
  });

  test('attributes-only: nothing is marked, and a page without names gets nothing added, not even the card host', async ({ context, server }) => {
    const { page } = await openFixture(context, server, 'attributes-only.html');
    expect(await marks(page)).toEqual([]);
    expect(await page.locator('backstory-popover').count()).toBe(0);
    expect(await page.locator('style[wxt-shadow-root-document-styles]').count()).toBe(0);
  });

  test('rtl: Latin names inside Arabic and Hebrew text are marked', async ({ context, server }) => {
    const { page } = await openFixture(context, server, 'rtl.html');
    await waitForMarks(page);
    const found = (await marks(page)).map((m) => `${m.id}:${m.text}`);
    expect(found).toEqual(expect.arrayContaining(['mixed:Zamir Kabulov', 'mixed:Sergei Lavrov', 'mixed:Kabul', 'mixed:Taliban', 'hebrew:Taliban', 'isolated:Sergei Lavrov']));
    await hoverText(page, 'Zamir Kabulov');
    const dialog = card(page, 'Zamir Kabulov');
    await expect(dialog).toBeVisible();
    expect(await dialog.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  });

  test('css-transform-overlay: the card opens by the word, above the top-most overlay', async ({ context, server }) => {
    const { page } = await openFixture(context, server, 'css-transform-overlay.html');
    await waitForMarks(page);
    const at = await hoverText(page, 'Zamir Kabulov');
    const dialog = card(page, 'Zamir Kabulov');
    await expect(dialog).toBeVisible();
    const placed = await dialog.evaluate((el, at) => {
      const rect = el.getBoundingClientRect();
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + 20);
      const onTop = hit === (el.getRootNode() as ShadowRoot).host || el.contains(hit);
      // Next to the word: the card's nearer edge is within a line or two of it.
      const gap = Math.min(Math.abs(rect.top - at.y), Math.abs(rect.bottom - at.y));
      return { onTop, gap, left: rect.left };
    }, at);
    expect(placed.onTop).toBe(true);
    expect(placed.gap).toBeLessThan(60);
    expect(Math.abs(placed.left - at.x)).toBeLessThan(400);
  });

  test('css-all-unset and css-rtl-divs: the card keeps its own look', async ({ context, server }) => {
    for (const name of ['css-all-unset.html', 'css-rtl-divs.html']) {
      const { page } = await openFixture(context, server, name);
      await waitForMarks(page);
      await hoverText(page, 'Sergei Lavrov');
      const dialog = card(page, 'Sergei Lavrov');
      await expect(dialog).toBeVisible();
      const look = await dialog.evaluate((el) => ({ display: getComputedStyle(el).display, direction: getComputedStyle(el).direction, width: el.getBoundingClientRect().width, font: getComputedStyle(el.querySelector('h2')!).fontSize }));
      expect(look, name).toEqual({ display: 'block', direction: 'ltr', width: expect.any(Number), font: '18px' });
      expect(look.width, name).toBeGreaterThan(250);
      await page.close();
    }
  });

  test('iframe-and-shadow: no errors; the light DOM and both shadow roots are marked', async ({ context, server }) => {
    const { page, errors } = await openFixture(context, server, 'iframe-and-shadow.html');
    await waitForMarks(page);
    expect((await marks(page)).some((m) => m.text === 'Sergei Lavrov' && m.connected)).toBe(true);
    expect(await shadowMarks(page)).toEqual(expect.arrayContaining(['declarative:Sergei Lavrov', 'declarative:Zamir Kabulov', 'scripted:Taliban', 'scripted:Kabul']));
    await hoverText(page, 'Sergei Lavrov');
    await expect(card(page, 'Sergei Lavrov')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('late-component: a shadow root attached long after the page was read is marked, and its names open cards', async ({ context, server }) => {
    const { page, errors } = await openFixture(context, server, 'late-component.html');
    await waitForMarks(page);
    expect(await shadowMarks(page)).toEqual([]);
    await page.locator('#define').click();
    await expect.poll(() => shadowMarks(page)).toEqual(['late:Kabul', 'late:Taliban']);
    const box = await page.evaluate(() => {
      const text = document.getElementById('late')!.shadowRoot!.querySelector('p')!.firstChild as Text;
      const at = text.data.indexOf('Taliban');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'Taliban'.length);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(box.x, box.y, { steps: 2 });
    await expect(card(page, 'Taliban')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('spa: a single-page app moving to the next article records what it shows under the new article', async ({ context, server }) => {
    const { page } = await openFixture(context, server, 'spa.html');
    await waitForMarks(page);
    await page.locator('#next').click();
    await expect.poll(async () => (await marks(page)).map((m) => m.text).sort()).toEqual(['Sergei Lavrov', 'Zamir Kabulov']);
    // On another page, Lavrov's card lists both articles he was seen on.
    const other = (await openFixture(context, server, 'split-names.html')).page;
    await waitForMarks(other);
    await hoverText(other, 'Lavrov');
    const dialog = card(other, 'Sergei Lavrov');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('SPA article two')).toBeVisible();
    await expect(dialog.getByText('SPA article one')).toBeVisible();
  });

  test('dom-churn: the static paragraph stays marked while the ticker is rewritten, without runaway rescans', async ({ context, server }) => {
    const { page, errors } = await openFixture(context, server, 'dom-churn.html');
    await waitForMarks(page);
    // Two seconds of churn (about 20 rewrites), watched through the page's own clock and long tasks.
    const watched = await page.evaluate(
      () =>
        new Promise<{ frames: number; longTaskMs: number }>((done) => {
          let longTaskMs = 0;
          const observer = new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) longTaskMs += entry.duration;
          });
          observer.observe({ type: 'longtask' });
          let frames = 0;
          const end = performance.now() + 2000;
          const tick = () => {
            frames++;
            if (performance.now() < end) requestAnimationFrame(tick);
            else {
              observer.disconnect();
              done({ frames, longTaskMs });
            }
          };
          requestAnimationFrame(tick);
        }),
    );
    const found = await marks(page);
    expect(found.filter((m) => m.id === 'static' && m.connected).map((m) => m.text).sort()).toEqual(['Kabul', 'Taliban', 'Zamir Kabulov']);
    // A runaway rescan would starve the frames and fill the long-task log.
    expect(watched.longTaskMs).toBeLessThan(500);
    expect(watched.frames).toBeGreaterThan(30);
    expect(errors).toEqual([]);
    test.info().annotations.push({ type: 'dom-churn', description: `${watched.frames} frames in 2 s, ${Math.round(watched.longTaskMs)} ms of long tasks` });
  });
});

test.describe('markup payloads stay text', () => {
  const payload = `<img src=x onerror="document.documentElement.dataset.xss='fired'">`;

  test('xss.html: payloads in the page, its title and javascript: links never run', async ({ context, server }) => {
    const { page } = await openFixture(context, server, 'xss.html');
    await waitForMarks(page);
    await hoverText(page, 'Sergei Lavrov');
    await expect(card(page, 'Sergei Lavrov')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.dataset.xss)).toBeUndefined();

    // The page's title (with its payload) is recorded as a sighting and shown as text on another page's card.
    const other = (await openFixture(context, server, 'split-names.html')).page;
    await waitForMarks(other);
    await hoverText(other, 'Lavrov');
    const dialog = card(other, 'Sergei Lavrov');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(/<img src=x onerror=.* Sergei Lavrov <script>/)).toBeVisible();
    expect(await dialog.locator('img[src="x"], script').count()).toBe(0);
    expect(await other.evaluate(() => document.documentElement.dataset.xss)).toBeUndefined();
  });

  test('a note with a payload shows literally in the popup and the card, and never runs', async ({ context, server, extensionId }) => {
    const { page } = await openFixture(context, server, 'xss.html');
    await waitForMarks(page);
    // A note written in the card.
    await hoverText(page, 'Sergei Lavrov');
    const dialog = card(page, 'Sergei Lavrov');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Add note' }).click();
    await dialog.getByLabel('Note about Sergei Lavrov').fill(`card ${payload}`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Note saved.')).toBeVisible();

    // A note written in the popup, on the same article.
    const tabId = await tabIdOf(context, page);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('tab', { name: 'Notes' }).click();
    const article = popup.getByRole('region', { name: 'This article' });
    await article.getByLabel('New note on this article').fill(`popup ${payload}`);
    await article.getByRole('button', { name: 'Add note' }).click();
    await expect(article.getByText(`popup ${payload}`)).toBeVisible();
    await expect(article.getByText(`card ${payload}`)).toBeVisible();
    // The page title (a payload too) is shown as text in the list of all notes.
    const all = popup.getByRole('region', { name: 'All notes' });
    await expect(all.getByText(/^<img src=x onerror=.* Sergei Lavrov <script>$/).first()).toBeVisible();
    expect(await popup.locator('img[src="x"], main script, body script:not([src])').count()).toBe(0);

    // The entity's view in the popup lists the note about him, as text.
    await popup.getByRole('tab', { name: 'Search' }).click();
    await popup.getByRole('searchbox', { name: 'Search entities' }).fill('Lavrov');
    await popup.getByRole('listitem').filter({ hasText: 'Sergei Lavrov' }).first().getByRole('button').click();
    await expect(popup.getByText(`card ${payload}`).first()).toBeVisible();

    for (const p of [page, popup]) expect(await p.evaluate(() => document.documentElement.dataset.xss)).toBeUndefined();
  });
});

test('a 5 MB page is scanned and marked; the longest main-thread task is reported', async ({ context, server }) => {
  const html = largePage(5 * 1024 * 1024);
  const page = await context.newPage();
  // Long tasks are collected from the very start of the page, before the content script runs.
  await page.addInitScript(() => {
    const seen: number[] = [];
    (globalThis as unknown as { longTasks: number[] }).longTasks = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  await page.route(`${server}large.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${server}large.html`, { timeout: 20_000 });
  await waitForScan(page);
  await waitForMarks(page);
  const figures = await page.evaluate(() => {
    let marked = 0;
    const last = document.querySelector('p:last-of-type');
    let lastMarked = false;
    for (const [name, ranges] of CSS.highlights) {
      if (!name.startsWith('backstory')) continue;
      for (const r of ranges as unknown as Iterable<AbstractRange>) {
        marked++;
        if (last?.contains(r.startContainer)) lastMarked = true;
      }
    }
    return {
      scanMs: performance.getEntriesByName('backstory:scan')[0]!.duration,
      longTasks: (globalThis as unknown as { longTasks: number[] }).longTasks,
      paragraphs: document.querySelectorAll('p').length,
      marked,
      lastMarked,
    };
  });
  const maxTask = Math.max(0, ...figures.longTasks);
  const report = `${(html.length / 1024 / 1024).toFixed(1)} MB, ${figures.paragraphs} paragraphs, ${figures.marked} marks: first scan ${Math.round(figures.scanMs)} ms, ${figures.longTasks.length} long tasks, longest ${Math.round(maxTask)} ms`;
  test.info().annotations.push({ type: 'large page', description: report });
  console.log(`large page: ${report}`);
  expect(figures.paragraphs).toBeGreaterThan(10_000);
  expect(errors).toEqual([]);
  // The whole page is scanned, down to its last paragraph.
  expect(figures.lastMarked).toBe(true);
  expect(figures.marked).toBeGreaterThan(figures.paragraphs);
});
