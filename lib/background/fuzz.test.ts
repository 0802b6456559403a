/**
 * Fuzzing the background's message handling: the real router and handlers over a seeded
 * fake-indexeddb receive thousands of malformed messages (wrong types, missing and extra fields,
 * prototype-pollution keys, huge strings, foreign senders). Every reply must be a well-formed
 * `{ ok: false, error }`, nothing may throw, the database must be byte-for-byte unchanged, and
 * Object.prototype must stay clean. A storage-full database is a fault of its own: the real
 * handler must answer the reader-facing message and write nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IDBPDatabase } from 'idb';
import type { BackstoryDB } from '../db/schema';
import { readerMessage } from '../db/errors';
import { freshDB } from '../db/test-fixtures';
import { seedDataset } from '../db/seed';
import { smallDataset } from '../db/test-fixtures';
import { requestValidators, type MessageName, type Reply } from '../messages/protocol';
import type { MessageSender } from '../messages/router';
import { CONTENT, POPUP, memorySettings, setup } from './handlers.test-helpers';
import { seededRandom } from '../testing/seeded-random';

let cleanup: () => Promise<void> = async () => undefined;
afterEach(() => cleanup());


const URL_A = 'https://news.example/a';
const HUGE = 'x'.repeat(3_000_000);

/** A valid request for every message name; the fuzzer breaks each one in a single way. */
const VALID: Record<MessageName, Record<string, unknown>> = {
  'dictionary.get': {},
  'entity.card': { id: 'sergei-lavrov' },
  'entity.open': { id: 'sergei-lavrov' },
  'entity.search': { query: 'Lavrov', limit: 5, types: ['person'], sourceIds: ['sputnik'] },
  'sightings.record': { url: URL_A, title: 'A', site: 'News', entityIds: ['sergei-lavrov'] },
  'notes.list': { url: URL_A },
  'notes.listByEntity': { entityId: 'sergei-lavrov' },
  'notes.listAll': { includeDeleted: true },
  'notes.add': { url: URL_A, title: 'A', site: 'News', text: 'Fuzzed note', entityIds: ['taliban'] },
  'notes.update': { id: 'note-id', text: 'Changed', entityIds: ['taliban'] },
  'notes.delete': { id: 'note-id' },
  'notes.restore': { id: 'note-id' },
  'notes.export': {},
  'backup.export': {},
  'backup.import': { text: '{"format":"backstory-backup","version":1}' },
  'articles.save': { url: URL_A, title: 'A', site: 'News', text: 'Sergei Lavrov spoke.' },
  'articles.list': {},
  'articles.delete': { id: 'saved-1' },
};

/** Message names that write when their request is valid. */
const WRITES = new Set<MessageName>(['sightings.record', 'notes.add', 'notes.update', 'notes.delete', 'notes.restore', 'backup.import', 'articles.save', 'articles.delete']);

/** Values of the wrong type for any field (no field of the protocol accepts all of these). */
const JUNK: unknown[] = [null, 0, -1, 1.5, NaN, Infinity, true, '', 'x', [], [1, 'a'], {}, { toString: 'evil' }, () => 1, Symbol('s'), 10n, new Date(0), /re/, HUGE];

/** Keys that must never reach a handler or an object's prototype. */
const EVIL_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'polluted', 'x'.repeat(100_000)];

/** An object with an own `__proto__` key, as JSON.parse (and structured cloning) produce. */
function withProtoKey(base: Record<string, unknown>): Record<string, unknown> {
  return { ...base, ...JSON.parse('{"__proto__": {"polluted": "yes"}}') };
}

/** Picks one of `items`. */
function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/**
 * One malformed message, invalid by construction: a valid request with one field removed,
 * retyped, oversized or joined by a hostile key; or junk in place of the envelope or request.
 */
function malformed(random: () => number): { message: unknown; why: string } {
  const names = Object.keys(VALID) as MessageName[];
  const type = pick(random, names);
  const base = VALID[type];
  const fields = Object.keys(base);
  switch (Math.floor(random() * 8)) {
    case 0:
      return { message: pick(random, JUNK), why: 'junk envelope' };
    case 1:
      return { message: { type: pick(random, ['notes.nuke', '', 'NOTES.ADD', 'notes.add ', '__proto__', 'constructor', 'toString', 'hasOwnProperty', HUGE, 42, null]), request: base }, why: 'unknown type' };
    case 2: {
      // Not a Date or RegExp: runtime messaging delivers those as plain objects without own keys
      // (JSON in Chromium), which for a request with no fields is a valid `{}`.
      const request = pick(random, JUNK.filter((j) => typeof j !== 'object' || j === null || Array.isArray(j)));
      return { message: { type, request }, why: `junk request for ${type}` };
    }
    case 3: {
      const key = pick(random, EVIL_KEYS);
      return { message: { type, request: { ...base, [key]: pick(random, JUNK) } }, why: `extra key ${key.slice(0, 20)} on ${type}` };
    }
    case 4:
      return { message: { type, request: withProtoKey(base) }, why: `__proto__ own key on ${type}` };
    case 5: {
      // A required field removed (every field of these requests except the optional ones).
      const required = fields.filter((f) => !['limit', 'types', 'sourceIds', 'includeDeleted', 'entityIds', 'text'].includes(f) || (f === 'text' && type !== 'notes.update' && type !== 'articles.save'));
      if (required.length === 0) return { message: { type, request: { ...base, extra: 1 } }, why: `extra field on ${type}` };
      const field = pick(random, required);
      const { [field]: _removed, ...rest } = base;
      return { message: { type, request: rest }, why: `${type} without ${field}` };
    }
    case 6: {
      if (fields.length === 0) return { message: { type, request: { [pick(random, EVIL_KEYS)]: 1 } }, why: `field on empty ${type}` };
      const field = pick(random, fields);
      const value = base[field];
      // A value of another type than the valid one (a string for a string field would still be valid).
      const wrong = JUNK.filter((j) => typeof j !== typeof value || Array.isArray(j) !== Array.isArray(value) || (j === null) !== (value === null));
      return { message: { type, request: { ...base, [field]: pick(random, wrong) } }, why: `${type}.${field} of the wrong type` };
    }
    default: {
      const strings = fields.filter((f) => typeof base[f] === 'string');
      if (strings.length === 0) return { message: { type, request: [base] }, why: `array request for ${type}` };
      return { message: { type, request: { ...base, [pick(random, strings)]: HUGE } }, why: `huge string in ${type}` };
    }
  }
}

/** Every record of every store, for before/after comparison. */
async function dump(db: IDBPDatabase<BackstoryDB>): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const name of db.objectStoreNames) out[name] = await db.getAll(name);
  return JSON.stringify(out);
}

/** True for a well-formed error reply with a short, printable message. */
function isErrorReply(reply: Reply<unknown>): boolean {
  return reply.ok === false && typeof reply.error === 'string' && reply.error.length > 0;
}

/** A seeded database holding one note and two sightings, with the real handlers over it. */
async function seededWithNotes() {
  const t = await setup({ settings: memorySettings({ enabled: true, sites: {} }) });
  cleanup = t.close;
  await t.send('notes.add', { url: URL_A, title: 'A', site: 'News', text: 'Kept note', entityIds: ['sergei-lavrov'] });
  await t.send('sightings.record', { url: URL_A, title: 'A', site: 'News', entityIds: ['sergei-lavrov', 'taliban'] });
  return t;
}

describe('fuzzing the message router with the real handlers', () => {
  it('answers 3000 malformed messages with error replies and writes nothing', async () => {
    const { route, db } = await seededWithNotes();
    const before = await dump(db);
    const random = seededRandom(20210819);
    const senders: MessageSender[] = [CONTENT, POPUP];
    for (let i = 0; i < 3000; i++) {
      const { message, why } = malformed(random);
      const reply = await route(message, pick(random, senders));
      expect(isErrorReply(reply), `#${i}: ${why} -> ${JSON.stringify(reply).slice(0, 200)}`).toBe(true);
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(await dump(db)).toBe(before);
  });

  it('never echoes a huge value or type back, and does not amplify a huge field name', async () => {
    const { route } = await seededWithNotes();
    const long = 'k'.repeat(100_000);
    for (const message of [{ type: long, request: {} }, { type: 'entity.search', request: { query: HUGE } }, { type: 'notes.add', request: { ...VALID['notes.add'], text: HUGE } }]) {
      const reply = await route(message, CONTENT);
      expect(isErrorReply(reply)).toBe(true);
      expect(!reply.ok && reply.error.length).toBeLessThan(200);
    }
    const reply = await route({ type: 'notes.add', request: { ...VALID['notes.add'], [long]: 1 } }, CONTENT);
    expect(!reply.ok && reply.error.length).toBeLessThan(long.length + 200);
  });

  it.each(Object.keys(VALID) as MessageName[])('refuses %s from another extension or from no extension, writing nothing', async (type) => {
    const { route, db } = await seededWithNotes();
    const before = await dump(db);
    for (const sender of [{ ...POPUP, id: 'evil' }, { ...CONTENT, id: undefined }, {}, { id: 'ext ' }] as MessageSender[]) {
      expect(await route({ type, request: VALID[type] }, sender)).toEqual({ ok: false, error: 'Message refused: not from this extension' });
    }
    expect(await dump(db)).toBe(before);
  });

  it('keeps the whole-database messages away from web pages, whatever the sender claims', async () => {
    const { route, db } = await seededWithNotes();
    const before = await dump(db);
    const pretenders: MessageSender[] = [
      CONTENT,
      { id: 'ext', url: 'javascript:chrome-extension://ext/popup.html' },
      { id: 'ext', url: 'https://chrome-extension.example/popup.html' },
      { id: 'ext', url: 'not a url' },
      { id: 'ext', tab: { id: 3, url: 'chrome-extension://ext/popup.html' } },
    ];
    for (const sender of pretenders) {
      for (const type of ['notes.listAll', 'notes.export', 'backup.export', 'backup.import', 'articles.list', 'articles.delete'] as const) {
        const reply = await route({ type, request: VALID[type] }, sender);
        expect(reply.ok, `${type} from ${JSON.stringify(sender)}`).toBe(false);
      }
    }
    expect(await dump(db)).toBe(before);
  });

  it('every valid request is checked by its validator (the fuzzer starts from valid messages)', () => {
    for (const [type, request] of Object.entries(VALID)) expect(() => requestValidators[type as MessageName](request, 'request')).not.toThrow();
    expect(Object.keys(VALID).sort()).toEqual(Object.keys(requestValidators).sort());
    expect([...WRITES].every((name) => name in VALID)).toBe(true);
  });
});

describe('a full disk', () => {
  /**
   * The real database, except that after `allowed` writes every further write refuses with
   * QuotaExceededError, as a profile that fills up mid-transaction does; reads work.
   */
  function quotaFull(db: IDBPDatabase<BackstoryDB>, allowed = 0): IDBPDatabase<BackstoryDB> {
    let left = allowed;
    const full = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const storeProxy = <T extends object>(store: T): T =>
      new Proxy(store, {
        get(target, key, receiver) {
          const value = Reflect.get(target, key, receiver);
          if (typeof value !== 'function') return value;
          if (key === 'add' || key === 'put' || key === 'delete' || key === 'clear') {
            return (...args: unknown[]) => (left-- > 0 ? (value as (...a: unknown[]) => unknown).apply(target, args) : full());
          }
          return value.bind(target);
        },
      });
    return new Proxy(db, {
      get(target, key, receiver) {
        if (key === 'add' || key === 'put' || key === 'delete' || key === 'clear') {
          const write = Reflect.get(target, key, receiver) as (...a: unknown[]) => unknown;
          return (...args: unknown[]) => (left-- > 0 ? write.apply(target, args) : full());
        }
        if (key === 'transaction') {
          return (...args: Parameters<IDBPDatabase<BackstoryDB>['transaction']>) => {
            const tx = target.transaction(...args);
            return new Proxy(tx, {
              get(t, k, r) {
                if (k === 'store') return t.store && storeProxy(t.store);
                if (k === 'objectStore') return (name: Parameters<typeof t.objectStore>[0]) => storeProxy(t.objectStore(name));
                const value = Reflect.get(t, k, r);
                return typeof value === 'function' ? value.bind(t) : value;
              },
            });
          };
        }
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  it.each([
    ['notes.add', VALID['notes.add'], 0],
    ['sightings.record', VALID['sightings.record'], 0],
    ['articles.save', VALID['articles.save'], 0],
    // The disk fills after the first write of the transaction: the whole change is rolled back.
    ['sightings.record', { ...VALID['sightings.record'], entityIds: ['sergei-lavrov', 'taliban', 'kabul'] }, 1],
    ['articles.save', VALID['articles.save'], 1],
  ] as const)('%s answers the storage-full message and writes nothing (%#)', async (type, request, allowed) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fresh = await freshDB();
    await seedDataset(fresh.db, smallDataset());
    const t = await setup({ db: quotaFull(fresh.db, allowed) });
    cleanup = fresh.close;
    const before = await dump(fresh.db);
    const reply = await t.route({ type, request }, POPUP);
    expect(reply).toEqual({ ok: false, error: readerMessage(new DOMException('full', 'QuotaExceededError')) });
    expect(!reply.ok && reply.error).toMatch(/storage for this extension is full\. Nothing was changed\./);
    expect(await dump(fresh.db)).toBe(before);
    // The same database answers again once space is freed.
    const ok = await setup({ db: fresh.db });
    expect((await ok.route({ type, request }, POPUP)).ok).toBe(true);
  });
});
