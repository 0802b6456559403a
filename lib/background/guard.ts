/** What every background handler shares: sender checks and reader-facing errors. */
import { readerError, ReaderError } from '../db/errors';
import type { MessageSender } from '../messages/router';
import { ValidationError } from '../validate';

const EXTENSION_PROTOCOLS = new Set(['chrome-extension:', 'moz-extension:', 'safari-web-extension:', 'extension:']);

/** True when the message comes from one of the extension's own pages (popup, options), not a web page's content script. */
export function isExtensionPage(sender: MessageSender): boolean {
  try {
    return sender.url !== undefined && EXTENSION_PROTOCOLS.has(new URL(sender.url).protocol);
  } catch {
    return false;
  }
}

/** Refuses a message that only the extension's own pages may send (it reads or replaces all the reader's data). */
export function requireExtensionPage(sender: MessageSender, what: string): void {
  if (!isExtensionPage(sender)) throw new ReaderError(`${what} is only available from Backstory's own pages.`);
}

/**
 * Wraps a handler so that every failure reaches the reader as a clear message (storage full,
 * storage closed, ...) rather than a raw exception; invalid input keeps its precise message.
 */
export function guard<A extends unknown[], R>(handler: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof ValidationError) throw error;
      throw readerError(error);
    }
  };
}
