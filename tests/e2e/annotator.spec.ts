// The page annotator in real Chromium, without the extension: the project's bundle injected into
// a seed-like page and real saved pages. Checks marks, an untouched DOM, dynamic insertions,
// hit-testing and switching off.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { benchBundle } from '../../scripts/bench/bundle';
import { chromiumPath, QUIET_FLAGS } from '../../scripts/lib/chromium';

const root = path.resolve(import.meta.dirname, '../..');
const pagesDir = path.resolve(root, '../shared/pages');
const URL_ = 'http://annotator.invalid/page.html';
const terms = [
  { text: 'Sergei Lavrov', entityId: 'lavrov', case: 'name' },
  { text: 'Lavrov', entityId: 'lavrov', case: 'name' },
  { text: 'Moscow', entityId: 'moscow', case: 'name' },
  { text: 'Moscow format', entityId: 'moscow-format', case: 'name' },
  { text: 'Taliban', entityId: 'taliban', case: 'name' },
  { text: 'NATO', entityId: 'nato', case: 'exact' },
  { text: 'US', entityId: 'usa', case: 'exact' },
  { text: 'Google', entityId: 'google', case: 'name' },
  { text: 'London', entityId: 'london', case: 'name' },
  { text: 'Hamid Karzai International Airport', entityId: null, case: 'name' },
];
const types: Record<string, string> = { lavrov: 'person', moscow: 'place', london: 'place', taliban: 'organization', nato: 'organization' };

let browser: Browser;
let bundle: string;

test.beforeAll(async () => {
  // A missing Chromium fails with the install hint rather than skipping.
  browser = await chromium.launch({ executablePath: chromiumPath(), args: QUIET_FLAGS });
  bundle = await benchBundle();
});
test.afterAll(async () => browser?.close());

async function open(html: string): Promise<Page> {
  const page = await browser.newPage();
  // The page's own scripts and every external request fail fast: the machine has no network.
  await page.route('**/*', (route) => (route.request().url() === URL_ ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }) : route.abort()));
  await page.goto(URL_);
  await page.addScriptTag({ content: 'globalThis.__name = (f) => f;' });
  await page.addScriptTag({ content: bundle });
  await page.evaluate(
    async ({ terms, types }) => {
      const b = (globalThis as unknown as { backstoryBench: Record<string, (...a: unknown[]) => unknown> }).backstoryBench;
      const matcher = b.compileMatcher!(terms);
      const w = globalThis as unknown as Record<string, unknown>;
      w.before = document.documentElement.outerHTML;
      w.annotator = b.createAnnotator!({ root: document, matcher, typeOf: (id: string) => types[id] });
      await (w.annotator as { start(): Promise<void> }).start();
    },
    { terms, types },
  );
  return page;
}

type Summary = { marks: [string, string][]; highlights: Record<string, number>; same: boolean };
function state(page: Page): Promise<Summary> {
  return page.evaluate(() => {
    const w = globalThis as unknown as { annotator: { marks(): { entityId: string; range: AbstractRange }[] }; before: string };
    const text = (r: AbstractRange) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    };
    const highlights: Record<string, number> = {};
    (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.forEach((h, name) => (highlights[name] = h.size));
    return { marks: w.annotator.marks().map((m) => [text(m.range), m.entityId] as [string, string]), highlights, same: document.documentElement.outerHTML === w.before };
  });
}

test('marks names with CSS highlights and leaves the DOM untouched', async () => {
  const page = await open(`<!doctype html><html><body><h1>Lavrov: Moscow format</h1>
    <p>Russian Foreign Minister <a href="#">Sergei Lavrov</a>’s remarks: the Taliban, NATO and the US.</p>
    <p>Flights left Hamid Karzai International Airport.</p><textarea>Moscow</textarea><script>var Moscow;</script></body></html>`);
  const s = await state(page);
  expect(s.marks).toEqual([
    ['Lavrov', 'lavrov'], ['Moscow format', 'moscow-format'], ['Sergei Lavrov', 'lavrov'], ['Taliban', 'taliban'], ['NATO', 'nato'], ['US', 'usa'],
  ]);
  expect(s.same).toBe(true);
  expect(s.highlights).toEqual({ 'backstory-person': 2, 'backstory-organization': 2, 'backstory-entity': 2 });

  // Hit-testing at the centre of a mark's box finds it.
  const hit = await page.evaluate(() => {
    const w = globalThis as unknown as { annotator: { marks(): { entityId: string; range: AbstractRange }[]; hitTest(x: number, y: number): { entityId: string } | null } };
    const m = w.annotator.marks()[2]!;
    const r = document.createRange();
    r.setStart(m.range.startContainer, m.range.startOffset);
    r.setEnd(m.range.endContainer, m.range.endOffset);
    const box = r.getClientRects()[0]!;
    return [w.annotator.hitTest(box.left + box.width / 2, box.top + box.height / 2)?.entityId, w.annotator.hitTest(box.left, document.body.getBoundingClientRect().bottom + 40)];
  });
  expect(hit).toEqual(['lavrov', null]);

  // A late-loaded paragraph is picked up; switching off removes every mark at once.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Update from Moscow.';
    document.body.append(p);
  });
  await expect.poll(async () => (await state(page)).marks.at(-1)).toEqual(['Moscow', 'moscow']);
  await page.evaluate(() => (globalThis as unknown as { annotator: { setEnabled(on: boolean): Promise<void> } }).annotator.setEnabled(false));
  expect(Object.values((await state(page)).highlights).reduce((a, b) => a + b, 0)).toBe(0);
  await page.close();
});

for (const name of ['bbc-1', 'guardian-1', 'nytimes-1', 'wikipedia', 'medium-1']) {
  test(`real page ${name}: DOM unchanged, marks drawn`, async () => {
    const file = path.join(pagesDir, name, 'source.html');
    test.skip(!existsSync(file), `${file} not present`);
    const page = await open(readFileSync(file, 'utf8'));
    const s = await state(page);
    expect(s.same).toBe(true);
    const drawn = Object.entries(s.highlights).filter(([k]) => k.startsWith('backstory')).reduce((a, [, n]) => a + n, 0);
    expect(drawn).toBe(s.marks.length);
    for (const [text, id] of s.marks) {
      const aliases = terms.filter((t) => t.entityId === id).map((t) => t.text.toLowerCase());
      expect(aliases).toContain(text.replace(/\s+/g, ' ').toLowerCase());
    }
    await page.close();
  });
}
