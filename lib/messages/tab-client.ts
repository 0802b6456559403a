/** Sending typed page messages from the popup to the content script of one tab. */
import { browser } from 'wxt/browser';
import { MessageError } from './client';
import { pageResponseValidators, type PageEnvelope, type PageMessageName, type PageMessages } from './page';
import type { Reply } from './protocol';
import { ValidationError } from '../validate';

/**
 * Thrown when the tab has no Backstory content script to answer (a browser page, the
 * extension store, a tab still loading, or a page Backstory is switched off for).
 */
export class NoContentScriptError extends MessageError {
  /** Lets views tell "not running here" from a failure without importing this module. */
  readonly unavailable = true;

  constructor() {
    super('Backstory is not running on this page');
    this.name = 'NoContentScriptError';
  }
}

/** Sends one page message to a tab and resolves with its checked, typed response. */
export async function sendToTab<K extends PageMessageName>(
  tabId: number,
  type: K,
  request: PageMessages[K]['request'],
): Promise<PageMessages[K]['response']> {
  const envelope: PageEnvelope<K> = { type, request };
  let reply: Reply<unknown> | undefined;
  try {
    reply = (await browser.tabs.sendMessage(tabId, envelope)) as Reply<unknown> | undefined;
  } catch {
    // "Could not establish connection. Receiving end does not exist."
    throw new NoContentScriptError();
  }
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw new NoContentScriptError();
  if (!reply.ok) throw new MessageError(reply.error);
  try {
    return pageResponseValidators[type](reply.value, 'response') as PageMessages[K]['response'];
  } catch (error) {
    if (error instanceof ValidationError) throw new MessageError(`Malformed answer to ${type}: ${error.message}`);
    throw error;
  }
}
