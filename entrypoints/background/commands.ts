/** Keyboard commands (manifest `commands`) go to the content script of the active tab. */
import { browser } from 'wxt/browser';
import type { PageEnvelope } from '../../lib/messages/page';

const DIRECTIONS: Record<string, 'next' | 'prev'> = { 'next-mark': 'next', 'prev-mark': 'prev' };

/** Sends a `page.step` for the next-mark / prev-mark commands; other commands are ignored. */
export async function forwardCommand(command: string): Promise<void> {
  const direction = DIRECTIONS[command];
  if (!direction) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const envelope: PageEnvelope<'page.step'> = { type: 'page.step', request: { direction } };
  await browser.tabs.sendMessage(tab.id, envelope).catch(() => {
    // No content script on this tab (a browser page, or Backstory is off here).
  });
}
