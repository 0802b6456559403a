/**
 * The main journey in Firefox ESR (Debian's firefox-esr), headless, over WebDriver BiDi:
 * the built Firefox add-on is installed, a demo page is marked, hovering "Sergei Lavrov" opens
 * his card, and a note on a passage is saved and found again after the page is reloaded.
 * `npm run test:firefox` (builds first); FIREFOX_PATH overrides /usr/bin/firefox-esr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { serveDemo } from '../lib/serve';
import { connectBidi, type BidiConnection } from './bidi';

/** Where `wxt build -b firefox` puts the add-on. */
export const FIREFOX_BUILD_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');

/** The Firefox binary, or one clear message naming the apt package. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(path)) throw new Error(`Firefox not found at ${path}. Install Debian's package with \`sudo apt-get install firefox-esr\`, or set FIREFOX_PATH.`);
  return path;
}

/** Preferences that keep Firefox offline and quiet on a test machine. */
const USER_JS = [
  'user_pref("browser.shell.checkDefaultBrowser", false);',
  'user_pref("browser.startup.homepage_override.mstone", "ignore");',
  'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
  'user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);',
  'user_pref("app.update.enabled", false);',
  'user_pref("extensions.update.enabled", false);',
  'user_pref("network.captive-portal-service.enabled", false);',
  'user_pref("network.connectivity-service.enabled", false);',
  'user_pref("browser.safebrowsing.update.enabled", false);',
].join('\n');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (typeof address !== 'object' || !address) throw new Error('No free port');
  return address.port;
}

/** Starts headless Firefox with BiDi on a free port; resolves with the process and the WebSocket URL. */
async function launchFirefox(profile: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(firefoxPath(), ['--headless', '--no-remote', '-profile', profile, `--remote-debugging-port=${port}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start WebDriver BiDi within 60 s:\n${log.slice(-2000)}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      log += String(chunk);
      const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`Firefox exited (${code}):\n${log.slice(-2000)}`))));
  });
  return { child, url };
}

/** Evaluates `expression` in the page until it returns a truthy value; returns that value. */
async function poll(bidi: BidiConnection, context: string, expression: string, what: string, timeoutMs = 20_000): Promise<unknown> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const { result } = await bidi.send<{ result: { type: string; value?: unknown } }>('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result.value) return result.value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

const MARKED = `[...CSS.highlights].some(([name, h]) => name.startsWith('backstory') && name !== 'backstory-note' && h.size > 0)`;
const NOTE_MARKED = `(CSS.highlights.get('backstory-note')?.size ?? 0) > 0`;
/** The underline a person mark is drawn with, from the stylesheet the manifest injects. */
const PERSON_LINE = `(() => {
  const [range] = CSS.highlights.get('backstory-person') ?? [];
  return range ? getComputedStyle(range.startContainer.parentElement, '::highlight(backstory-person)').textDecorationLine : '';
})()`;
const CARD_NAME = `(() => {
  const root = document.querySelector('backstory-popover')?.shadowRoot;
  const dialog = root?.querySelector('[role="dialog"]');
  if (!dialog || dialog.hidden || dialog.getBoundingClientRect().height === 0) return '';
  return root.getElementById(dialog.getAttribute('aria-labelledby'))?.textContent ?? '';
})()`;

/** The viewport point of the first occurrence of `text` (scrolled into view). */
function pointOf(text: string): string {
  return `(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue.indexOf(${JSON.stringify(text)});
      if (at < 0) continue;
      node.parentElement.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + ${text.length});
      const r = range.getClientRects()[0];
      return JSON.stringify({ x: Math.round(r.left + Math.min(r.width / 2, 20)), y: Math.round(r.top + r.height / 2) });
    }
    return '';
  })()`;
}

/** Selects `text` in the page as a reader would (the content script watches selectionchange). */
function select(text: string): string {
  return `(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue.indexOf(${JSON.stringify(text)});
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + ${text.length});
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      document.dispatchEvent(new Event('pointerup'));
      return true;
    }
    return false;
  })()`;
}

const NOTES_UI = `document.querySelector('backstory-notes')?.shadowRoot`;

/** Runs the journey; resolves with the steps passed, rejects at the first failing one. */
export async function runFirefoxJourney(log: (line: string) => void = console.log): Promise<void> {
  const extension = process.env.BACKSTORY_FIREFOX_DIR ? resolve(process.env.BACKSTORY_FIREFOX_DIR) : FIREFOX_BUILD_DIR;
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error(`No built Firefox add-on in ${extension}: run \`npx wxt build -b firefox\` first.`);
  const base = resolve(import.meta.dirname, '../../.tmp');
  const profile = mkdtempSync(join(base, 'firefox-'));
  writeFileSync(join(profile, 'user.js'), USER_JS);
  const server = await serveDemo();
  const { child, url } = await launchFirefox(profile);
  let bidi: BidiConnection | null = null;
  try {
    bidi = await connectBidi(`${url}/session`);
    await bidi.send('session.new', { capabilities: {} });
    const { extension: id } = await bidi.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path: extension } });
    log(`ok - installed the add-on (${id})`);
    const { contexts } = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
    const context = contexts[0]!.context;
    const page = `${server.url}sputnik.html`;
    await bidi.send('browsingContext.navigate', { context, url: page, wait: 'complete' });
    await poll(bidi, context, MARKED, 'names to be marked on the demo page');
    log('ok - names are marked on the demo page');
    const line = await poll(bidi, context, PERSON_LINE, 'a person mark to be styled');
    if (line !== 'underline') throw new Error(`A person mark is drawn with "${String(line)}", not an underline`);
    log('ok - the marks are drawn with the page styles');

    const point = JSON.parse(String(await poll(bidi, context, pointOf('Sergei Lavrov'), '"Sergei Lavrov" on the page'))) as { x: number; y: number };
    await bidi.send('input.performActions', {
      context,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', x: point.x - 30, y: point.y, duration: 0 }, { type: 'pointerMove', x: point.x, y: point.y, duration: 100 }] }],
    });
    const name = await poll(bidi, context, CARD_NAME, 'the card to open on hover');
    if (name !== 'Sergei Lavrov') throw new Error(`The card is named "${String(name)}", not "Sergei Lavrov"`);
    log('ok - hovering "Sergei Lavrov" opens his card');
    await bidi.send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: '\uE00C' }, { type: 'keyUp', value: '\uE00C' }] }] });
    await poll(bidi, context, `${CARD_NAME} === ''`, 'Escape to close the card');
    log('ok - Escape closes the card');

    await poll(bidi, context, select('not made any official proposals yet'), 'a passage to select');
    await poll(bidi, context, `(() => { const b = ${NOTES_UI}?.querySelector('button[aria-label="Add note to selection"]'); b?.click(); return !!b; })()`, 'the Add note button by the selection');
    await poll(
      bidi,
      context,
      `(() => {
        const form = ${NOTES_UI}?.querySelector('[aria-label="Note on the passage"]');
        const field = form?.querySelector('textarea');
        if (!field) return false;
        field.value = 'Firefox: no official proposals yet.';
        field.dispatchEvent(new Event('input', { bubbles: true }));
        form.querySelector('button[type="submit"]').click();
        return true;
      })()`,
      'the note form',
    );
    await poll(bidi, context, NOTE_MARKED, 'the saved passage to be marked');
    log('ok - a note on a passage is saved and marked');

    await bidi.send('browsingContext.reload', { context, wait: 'complete' });
    await poll(bidi, context, NOTE_MARKED, 'the passage note after a reload');
    log('ok - the note persists: found again after reloading the page');
  } finally {
    await bidi?.send('browser.close', {}).catch(() => undefined);
    await bidi?.close().catch(() => undefined);
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const started = Date.now();
  runFirefoxJourney().then(
    () => console.log(`Firefox journey passed in ${((Date.now() - started) / 1000).toFixed(1)} s`),
    (error: unknown) => {
      console.error(`not ok - ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
