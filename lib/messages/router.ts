/**
 * The background's side of the protocol: validates every incoming message
 * (envelope, name, request, sender) before a handler sees it.
 */
import { ValidationError } from '../validate';
import { isMessageName, requestValidators, type MessageName, type Reply, type RequestOf, type ResponseOf } from './protocol';

/** Who sent a message, as far as the router cares. */
export interface MessageSender {
  /** The sending extension's id; messages from other extensions are refused. */
  id?: string;
  /** The tab a content script runs in, if any. */
  tab?: { id?: number; url?: string };
  url?: string;
}

/** A handler for every message name. */
export type Handlers = {
  [K in MessageName]: (request: RequestOf<K>, sender: MessageSender) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

/**
 * Returns a function that answers one raw message with a Reply. It never throws:
 * malformed input and handler failures become `{ ok: false, error }`.
 */
export function createRouter(handlers: Handlers, ownId: string | undefined) {
  return async function route(raw: unknown, sender: MessageSender): Promise<Reply<unknown>> {
    if (ownId !== undefined && sender.id !== ownId) return { ok: false, error: 'Message refused: not from this extension' };
    if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'Malformed message' };
    const { type, request } = raw as { type?: unknown; request?: unknown };
    if (!isMessageName(type)) return { ok: false, error: `Unknown message: ${String(type).slice(0, 60)}` };
    let valid: unknown;
    try {
      valid = requestValidators[type](request, 'request');
    } catch (error) {
      if (error instanceof ValidationError) return { ok: false, error: `Invalid ${type}: ${error.message}` };
      throw error;
    }
    try {
      const handler = handlers[type] as (req: unknown, sender: MessageSender) => unknown;
      return { ok: true, value: await handler(valid, sender) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
