/** A router over fresh databases with the real handlers, for handler tests (not shipped code). */
import { vi } from 'vitest';
import type { IDBPDatabase } from 'idb';
import type { BackstoryDB } from '../db/schema';
import { seedDataset } from '../db/seed';
import { freshDB, smallDataset } from '../db/test-fixtures';
import type { MessageName, ResponseOf } from '../messages/protocol';
import { createRouter, type Handlers, type MessageSender } from '../messages/router';
import type { SettingsAccess } from '../notes/backup';
import type { ArticleExtractor } from '../notes/saved-article';
import { createEntityHandlers } from './entity-handlers';
import { createNoteHandlers } from './note-handlers';

/** A content script on a news page. */
export const CONTENT: MessageSender = { id: 'ext', tab: { id: 1, url: 'https://news.example/a' }, url: 'https://news.example/a' };
/** The popup. */
export const POPUP: MessageSender = { id: 'ext', url: 'chrome-extension://ext/popup.html' };

/** Settings kept in memory. */
export function memorySettings(initial: unknown = { enabled: true }): SettingsAccess & { value: unknown } {
  const s = {
    value: initial,
    load: async () => s.value,
    save: async (v: unknown) => {
      s.value = v;
    },
  };
  return s;
}

/** A seeded database and a router answering every message the way the background will. */
export async function setup(options: { extract?: ArticleExtractor; settings?: SettingsAccess; db?: IDBPDatabase<BackstoryDB> } = {}) {
  const fresh = options.db ? null : await freshDB();
  const db = options.db ?? fresh!.db;
  if (fresh) await seedDataset(db, smallDataset());
  const dbp = Promise.resolve(db);
  let clock = 1000;
  const now = () => clock++;
  const handlers = {
    ...createEntityHandlers(dbp, { now }),
    ...createNoteHandlers(dbp, { extract: options.extract, settings: options.settings ?? memorySettings(), now }),
    'entity.open': vi.fn(),
  } as Handlers;
  const route = createRouter(handlers, 'ext');
  /** Sends a message and returns the value, throwing the reply's error. */
  async function send<K extends MessageName>(type: K, request: unknown, sender: MessageSender = CONTENT): Promise<ResponseOf<K>> {
    const reply = await route({ type, request }, sender);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as ResponseOf<K>;
  }
  return { db, route, send, close: fresh?.close ?? (async () => undefined) };
}
