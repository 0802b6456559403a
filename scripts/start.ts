/**
 * `npm start`: builds the extension and opens Chromium with it on the demo news pages,
 * served from localhost. Without a display, or with `-- --headless`, it runs headless,
 * prints what Backstory found on each demo page and saves a screenshot of an open popover.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { chromiumPath, freshProfileDir, launchWithExtension } from './lib/chromium';
import { serveDemo, type StaticServer } from './lib/serve';

const DEMO_PAGES = ['sputnik.html', 'chinadaily.html'];
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const skipBuild = process.argv.includes('--no-build');

async function main(): Promise<void> {
  chromiumPath(); // fail early, with the install hint, before building
  if (!skipBuild) {
    console.log('Building the extension…');
    execSync('npm run -s dataset && npx wxt build', { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const server = await serveDemo(Number(process.env.PORT ?? 8317)).catch(() => serveDemo(0));
  console.log(`Demo pages at ${server.url}`);
  if (headless) await runHeadless(server);
  else await runHeaded(server);
}

/** Opens a headed browser with the demo pages and waits until the reader closes it. */
async function runHeaded(server: StaticServer): Promise<void> {
  const { context } = await launchWithExtension({ profileDir: resolve('.tmp/demo-profile'), headless: false, viewport: null });
  const first = context.pages()[0] ?? (await context.newPage());
  await first.goto(server.url + DEMO_PAGES[0]);
  for (const page of DEMO_PAGES.slice(1)) await (await context.newPage()).goto(server.url + page);
  console.log('Chromium is open with Backstory loaded. Hover a highlighted name. Close the browser to stop.');
  await new Promise<void>((done) => context.on('close', () => done()));
  await server.close();
}

/** Headless: print the findings per page and save a popover screenshot. */
async function runHeadless(server: StaticServer): Promise<void> {
  const { context } = await launchWithExtension({ profileDir: freshProfileDir('demo-') });
  try {
    for (const name of DEMO_PAGES) {
      const page = await context.newPage();
      await page.goto(server.url + name);
      const found = await findings(page);
      console.log(`\n${await page.title()}\n  ${server.url + name}`);
      console.log(`  ${found.total} marks, ${found.names.length} distinct names:`);
      for (const { text, type, count } of found.names) console.log(`    ${text.padEnd(34)} ${type.padEnd(13)} ×${count}`);
    }
    const page = await context.newPage();
    await page.setViewportSize({ width: 1100, height: 760 });
    await page.goto(server.url + DEMO_PAGES[1]);
    const shot = await screenshotPopover(page, 'Sergei Lavrov');
    console.log(`\nScreenshot of the popover on "Sergei Lavrov": ${shot}`);
  } finally {
    await context.close();
    await server.close();
  }
}

/** Reads the marks Backstory registered in CSS.highlights, grouped by the marked text. */
async function findings(page: Page): Promise<{ total: number; names: { text: string; type: string; count: number }[] }> {
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('backstory')), null, { timeout: 15_000 });
  // Let the chunked scan finish: the total stops changing between two animation frames.
  await page.waitForFunction(() => {
    const w = window as unknown as { __bsLast?: number };
    let n = 0;
    for (const [k, h] of CSS.highlights) if (k.startsWith('backstory')) n += h.size;
    const stable = w.__bsLast === n;
    w.__bsLast = n;
    return stable && n > 0;
  }, null, { polling: 250 });
  return page.evaluate(() => {
    const counts = new Map<string, { text: string; type: string; count: number }>();
    let total = 0;
    for (const [key, highlight] of CSS.highlights) {
      if (!key.startsWith('backstory')) continue;
      const type = key.replace(/^backstory-?/, '') || 'mark';
      for (const range of highlight) {
        total++;
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        const text = live.toString();
        const entry = counts.get(type + text) ?? { text, type, count: 0 };
        entry.count++;
        counts.set(type + text, entry);
      }
    }
    return { total, names: [...counts.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)) };
  });
}

/** Hovers the name, waits for its dialog and saves a screenshot. */
async function screenshotPopover(page: Page, name: string): Promise<string> {
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('backstory')));
  const point = await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.nodeValue ?? '').indexOf(text);
      if (at < 0 || node.parentElement?.closest('figure, .picture')) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      node.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + 10, y: rect.top + rect.height / 2 };
    }
    throw new Error(`${text} not found`);
  }, name);
  await page.mouse.move(point.x, point.y);
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor({ state: 'visible', timeout: 15_000 });
  // The card fades in: the picture is taken once its animations are over.
  await dialog.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  const dir = resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, 'demo-popover.png');
  await page.screenshot({ path });
  return path;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
