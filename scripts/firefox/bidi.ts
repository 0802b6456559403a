/**
 * A minimal WebDriver BiDi client for Firefox: commands over one WebSocket, replies matched by
 * id, events to listeners. Enough for the Firefox journey (no driver binary, no browser download).
 */
import WebSocket from 'ws';

/** A BiDi error reply, as an exception. */
export class BidiError extends Error {
  constructor(method: string, error: string, message: string) {
    super(`${method}: ${error}: ${message}`);
    this.name = 'BidiError';
  }
}

/** An open BiDi connection. */
export interface BidiConnection {
  /** Sends a command and resolves with its result (rejects with a BidiError). */
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Calls `listener` for every event of that name; returns a function that stops listening. */
  on(event: string, listener: (params: Record<string, unknown>) => void): () => void;
  close(): Promise<void>;
}

/** Connects to a BiDi WebSocket URL (e.g. ws://127.0.0.1:9222/session). */
export async function connectBidi(url: string, timeoutMs = 15_000): Promise<BidiConnection> {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No WebDriver BiDi connection to ${url} within ${timeoutMs} ms`)), timeoutMs);
    socket.once('open', () => (clearTimeout(timer), resolve()));
    socket.once('error', (error) => (clearTimeout(timer), reject(error)));
  });
  let nextId = 1;
  const waiting = new Map<number, { method: string; resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Set<(params: Record<string, unknown>) => void>>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; type: string; result?: unknown; error?: string; message?: string; method?: string; params?: Record<string, unknown> };
    if (message.type === 'event' && message.method) {
      for (const listener of listeners.get(message.method) ?? []) listener(message.params ?? {});
      return;
    }
    const pending = message.id === undefined ? undefined : waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id!);
    if (message.type === 'error') pending.reject(new BidiError(pending.method, message.error ?? 'error', message.message ?? ''));
    else pending.resolve(message.result);
  });
  socket.on('close', () => {
    for (const pending of waiting.values()) pending.reject(new Error(`${pending.method}: the browser closed the connection`));
    waiting.clear();
  });
  return {
    send<T>(method: string, params: Record<string, unknown> = {}) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { method, resolve: resolve as (v: unknown) => void, reject });
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}
