import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IDBPDatabase } from 'idb';
import type { BackstoryDB } from '../db/schema';
import { freshDB } from '../db/test-fixtures';
import { createRouter, type Handlers } from '../messages/router';
import { CONTENT, POPUP, memorySettings, setup } from './handlers.test-helpers';
import { createNoteHandlers } from './note-handlers';
import type { ArticleExtractor } from '../notes/saved-article';

const URL_A = 'https://news.example/a';
const article = { url: URL_A, title: 'Story A', site: 'News', text: 'My note' };
const target = { quote: { type: 'TextQuoteSelector', exact: 'no hurry', prefix: 'in ', suffix: ' to' }, position: { type: 'TextPositionSelector', start: 3, end: 11 } };

let cleanup: () => Promise<void> = async () => undefined;
afterEach(() => cleanup());

async function start(options: Parameters<typeof setup>[0] = {}) {
  const t = await setup(options);
  cleanup = t.close;
  return t;
}

describe('note handlers through the router', () => {
  it('adds, lists, edits, deletes and restores article and passage notes', async () => {
    const { send } = await start();
    const a = await send('notes.add', { ...article, entityIds: ['sergei-lavrov'] });
    const p = await send('notes.add', { ...article, text: '', target });
    expect(p.target).toEqual(target);
    expect((await send('notes.list', { url: URL_A })).map((n) => n.id)).toEqual([a.id, p.id]);
    expect((await send('notes.listByEntity', { entityId: 'sergei-lavrov' })).map((n) => n.id)).toEqual([a.id]);

    const edited = await send('notes.update', { id: p.id, text: 'Now with text', entityIds: ['taliban'] });
    expect(edited).toMatchObject({ text: 'Now with text', entityIds: ['taliban'] });
    const deleted = await send('notes.delete', { id: a.id });
    expect(deleted.deletedAt).toBeGreaterThan(0);
    expect(await send('notes.list', { url: URL_A })).toHaveLength(1);
    await send('notes.restore', { id: a.id });
    expect(await send('notes.list', { url: URL_A })).toHaveLength(2);
  });

  it.each([
    ['unknown message', { type: 'notes.nuke', request: {} }, /Unknown message/],
    ['no envelope', 'notes.add', /Malformed/],
    ['missing field', { type: 'notes.add', request: { url: URL_A, title: '', site: '' } }, /request\.text/],
    ['extra field', { type: 'notes.add', request: { ...article, id: 'mine' } }, /request\.id: expected no such field/],
    ['bad URL', { type: 'notes.add', request: { ...article, url: 'file:///etc/passwd' } }, /http\(s\) URL/],
    ['empty article note', { type: 'notes.add', request: { ...article, text: '  ' } }, /needs some text/],
    ['bad selector', { type: 'notes.add', request: { ...article, target: { quote: { type: 'TextQuoteSelector', exact: '' } } } }, /request\.target\.quote\.exact/],
    ['reversed position', { type: 'notes.add', request: { ...article, target: { ...target, position: { type: 'TextPositionSelector', start: 9, end: 2 } } } }, /position\.end/],
    ['unknown entity', { type: 'notes.add', request: { ...article, entityIds: ['ghost'] } }, /does not know the entity "ghost"/],
    ['too long', { type: 'notes.add', request: { ...article, text: 'x'.repeat(20_001) } }, /at most 20000/],
    ['update missing note', { type: 'notes.update', request: { id: 'nope', text: 'x' } }, /no longer exists/],
    ['delete without id', { type: 'notes.delete', request: {} }, /request\.id/],
  ])('refuses %s and changes nothing', async (_name, message, error) => {
    const { route, db } = await start();
    const reply = await route(message, CONTENT);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(error);
    expect(await db.count('notes')).toBe(0);
  });

  it('refuses messages from another extension', async () => {
    const { route, db } = await start();
    expect(await route({ type: 'notes.add', request: article }, { ...CONTENT, id: 'evil' })).toEqual({ ok: false, error: 'Message refused: not from this extension' });
    expect(await db.count('notes')).toBe(0);
  });

  it.each([
    ['notes.listAll', {}],
    ['notes.export', {}],
    ['backup.export', {}],
    ['backup.import', { text: '{}' }],
    ['articles.list', {}],
    ['articles.delete', { id: 'saved-1' }],
  ])('keeps %s to the extension’s own pages', async (type, request) => {
    const { route } = await start();
    const reply = await route({ type, request }, CONTENT);
    expect(!reply.ok && reply.error).toMatch(/only available from Backstory's own pages/);
  });

  it('exports notes as a Web Annotation collection', async () => {
    const { send } = await start();
    await send('notes.add', { ...article, target });
    const json = JSON.parse(await send('notes.export', {}, POPUP));
    expect(json).toMatchObject({ type: 'AnnotationCollection', total: 1 });
    expect(json.first.items[0].target.selector[0]).toEqual(target.quote);
  });

  it('backs up and restores into a fresh profile, twice without duplicates', async () => {
    const settings = memorySettings({ enabled: false, dwellMs: 500 });
    const source = await setup({ settings });
    await source.send('notes.add', { ...article, entityIds: ['taliban'] });
    await source.send('notes.add', { ...article, target, text: '' });
    const text: string = await source.send('backup.export', {}, POPUP);
    await source.close();

    const targetSettings = memorySettings();
    const { send, db } = await start({ settings: targetSettings });
    expect(await send('backup.import', { text }, POPUP)).toMatchObject({ kind: 'backup', notesAdded: 2, settingsRestored: true });
    expect(await send('backup.import', { text }, POPUP)).toMatchObject({ notesAdded: 0, notesUnchanged: 2 });
    expect(await db.count('notes')).toBe(2);
    expect(targetSettings.value).toEqual({ enabled: false, dwellMs: 500 });
    expect(await send('notes.list', { url: URL_A })).toHaveLength(2);
  });

  it('answers every bad import with a clear message and writes nothing', async () => {
    const { route, db } = await start();
    for (const [text, message] of [
      ['nope', /not valid JSON/],
      ['{"format":"backstory-backup","version":99}', /newer version/],
      ['{"format":"backstory-backup","version":1}', /damaged or incomplete/],
    ] as const) {
      const reply = await route({ type: 'backup.import', request: { text } }, POPUP);
      expect(!reply.ok && reply.error).toMatch(message);
    }
    expect(await db.count('notes')).toBe(0);
  });

  it('saves an article through the extractor; its quotes join the entity’s card', async () => {
    const extract = vi.fn<ArticleExtractor>(async () => ({
      mentions: [{ entityId: 'sergei-lavrov', text: 'Lavrov', start: 0, end: 6 }],
      quotes: [{ text: 'talks go on', speakerId: 'sergei-lavrov', speaker: 'Lavrov', start: 13, end: 24 }],
    }));
    const { send } = await start({ extract });
    const saved = await send('articles.save', { url: 'https://reader.example/x', title: 'X', site: 'Reader', text: 'Lavrov said "talks go on".' }, POPUP);
    expect(saved).toEqual({ sourceId: expect.stringMatching(/^saved-/), mentions: 1, quotes: 1 });
    expect(extract.mock.calls[0]![1]).toMatchObject({ version: 'v-1' });
    const card = (await send('entity.card', { id: 'sergei-lavrov' }))!;
    expect(card.quotes.map((q) => q.text)).toContain('talks go on');
    expect(card.sources.find((s) => s.origin === 'saved')).toMatchObject({ id: saved.sourceId, publisher: 'Reader' });
    expect(await send('articles.list', {}, POPUP)).toMatchObject([{ id: saved.sourceId, quotes: 1 }]);
    expect(await send('articles.delete', { id: saved.sourceId }, POPUP)).toEqual({ deleted: true });
  });

  it('saves with the bundled extraction by default', async () => {
    const { send } = await start();
    const text = 'Russian Foreign Minister Sergei Lavrov met envoys.\n"There is no hurry," Lavrov said of the Taliban.';
    const saved = await send('articles.save', { url: 'https://r.example/s', title: 'Envoys', site: 'R', text }, POPUP);
    expect(saved.mentions).toBeGreaterThanOrEqual(2);
    const card = (await send('entity.card', { id: 'taliban' }))!;
    expect(card.context.some((c) => c.sourceId === saved.sourceId)).toBe(true);
  });

  it('refuses to save a page without article text', async () => {
    const { route, db } = await start();
    for (const request of [{ text: '  ' }, { blocks: [{ kind: 'title', text: 'Only a title' }] }, {}]) {
      const reply = await route({ type: 'articles.save', request: { url: 'https://r.example/', title: 'T', site: 'R', ...request } }, POPUP);
      expect(!reply.ok && reply.error).toMatch(/no article text/);
    }
    expect(await db.count('articles')).toBe(0);
  });

  it('turns a full disk into a message for the reader', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const full = { add: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')) } as unknown as IDBPDatabase<BackstoryDB>;
    const route = createRouter(createNoteHandlers(Promise.resolve(full)) as Handlers, 'ext');
    const reply = await route({ type: 'notes.add', request: article }, CONTENT);
    expect(!reply.ok && reply.error).toMatch(/storage for this extension is full\. Nothing was changed/);
  });

  it('loses nothing when two tabs add notes at once', async () => {
    const { send } = await start();
    const tab = (n: number) => ({ ...CONTENT, tab: { id: n, url: URL_A } });
    await Promise.all(Array.from({ length: 30 }, (_, i) => send('notes.add', { ...article, text: `note ${i}` }, tab(i % 2))));
    expect(await send('notes.list', { url: URL_A })).toHaveLength(30);
  });
});

describe('a fresh database', () => {
  it('answers lists before any note exists', async () => {
    const t = await freshDB();
    cleanup = t.close;
    const handlers = createNoteHandlers(Promise.resolve(t.db), { settings: memorySettings() });
    expect(await handlers['notes.list']({ url: URL_A }, CONTENT)).toEqual([]);
  });
});
