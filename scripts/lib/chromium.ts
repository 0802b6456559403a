/** Finding Debian's Chromium and launching it with the built extension (Node only: scripts and tests). */
import { existsSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';

/** Where the built Chrome extension lands (`wxt build`). */
export const CHROME_BUILD_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** Flags that keep Chromium quiet on a machine without internet. */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];

/**
 * The Chromium binary: $CHROMIUM_PATH, else /usr/bin/chromium. Throws one clear
 * message naming the apt package and the variable when it is missing.
 */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install Debian's package with \`sudo apt-get install chromium\`, ` +
        'or set CHROMIUM_PATH to another Chromium binary.',
    );
  }
  return path;
}

/** A fresh, empty profile directory inside the repository's .tmp (small /tmp machines). */
export function freshProfileDir(prefix = 'profile-'): string {
  const base = resolve(import.meta.dirname, '../../.tmp');
  return mkdtempSync(join(base, prefix));
}

/** Options for {@link launchWithExtension}. */
export interface LaunchOptions {
  profileDir: string;
  headless?: boolean;
  extensionDir?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number } | null;
  /** More Chromium flags, after the quiet ones. */
  args?: string[];
}

/** A browser context with Backstory loaded, and the extension's id. */
export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
}

/** Launches Chromium with the built extension in a persistent profile and waits for its service worker. */
export async function launchWithExtension(opts: LaunchOptions): Promise<ExtensionSession> {
  const dir = opts.extensionDir ?? CHROME_BUILD_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No built extension in ${dir}: run \`npx wxt build\` first.`);
  const context = await chromium.launchPersistentContext(opts.profileDir, {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: opts.viewport === undefined ? { width: 1280, height: 900 } : opts.viewport,
    args: [...QUIET_FLAGS, ...(opts.args ?? []), `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker };
}
