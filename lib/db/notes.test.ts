import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IDBPDatabase } from 'idb';
import type { NewNote } from '../messages/notes';
import { NotFoundError } from './errors';
import { addNote, deleteNote, getNote, listAllNotes, listNotesByEntity, listNotesByUrl, purgeDeletedNotes, restoreNote, TRASH_MS, updateNote } from './notes';
import type { BackstoryDB } from './schema';
import { freshDB } from './test-fixtures';

const URL_A = 'https://news.example/a';
const article = (text: string, extra: Partial<NewNote> = {}): NewNote => ({ url: URL_A, title: 'Story A', site: 'News', text, ...extra });
const passage: NewNote['target'] = { quote: { type: 'TextQuoteSelector', exact: 'no hurry', prefix: 'is in ', suffix: ' to' }, position: { type: 'TextPositionSelector', start: 10, end: 18 } };

let db: IDBPDatabase<BackstoryDB>;
let close: () => Promise<void>;
beforeEach(async () => ({ db, close } = await freshDB()));
afterEach(() => close());

describe('notes repository', () => {
  it('adds article and passage notes and lists them by URL, oldest first', async () => {
    const a = await addNote(db, article('first'), 1);
    const p = await addNote(db, article('on a passage', { target: passage, entityIds: ['x', 'x'] }), 2);
    await addNote(db, { ...article('elsewhere'), url: 'https://news.example/b' }, 3);
    expect(a).toMatchObject({ url: URL_A, title: 'Story A', site: 'News', text: 'first', entityIds: [], createdAt: 1, updatedAt: 1 });
    expect(a.target).toBeUndefined();
    expect(p.target).toEqual(passage);
    expect(p.entityIds).toEqual(['x']);
    expect((await listNotesByUrl(db, URL_A)).map((n) => n.text)).toEqual(['first', 'on a passage']);
  });

  it('updates text and linked entities, and lists by entity newest first', async () => {
    const a = await addNote(db, article('one'), 1);
    const b = await addNote(db, article('two', { entityIds: ['lavrov'] }), 2);
    const updated = await updateNote(db, a.id, { text: 'one, edited', entityIds: ['lavrov', 'taliban'] }, 5);
    expect(updated).toMatchObject({ text: 'one, edited', entityIds: ['lavrov', 'taliban'], createdAt: 1, updatedAt: 5 });
    expect((await listNotesByEntity(db, 'lavrov')).map((n) => n.id)).toEqual([a.id, b.id]);
    expect((await listNotesByEntity(db, 'taliban')).map((n) => n.id)).toEqual([a.id]);
    expect(await updateNote(db, b.id, {}, 6)).toMatchObject({ text: 'two', entityIds: ['lavrov'] });
    await expect(updateNote(db, b.id, { text: ' ' })).rejects.toThrow(/needs some text/);
    expect(await getNote(db, b.id)).toMatchObject({ text: 'two', updatedAt: 6 });
    const highlight = await addNote(db, article('', { target: passage }));
    expect(await updateNote(db, highlight.id, { text: '' })).toMatchObject({ text: '' });
  });

  it('deletes to the trash, hides deleted notes, and restores them (undo)', async () => {
    const a = await addNote(db, article('keep me', { entityIds: ['e'] }), 1);
    const deleted = await deleteNote(db, a.id, 7);
    expect(deleted.deletedAt).toBe(7);
    expect(await listNotesByUrl(db, URL_A)).toEqual([]);
    expect(await listNotesByEntity(db, 'e')).toEqual([]);
    expect(await listAllNotes(db)).toEqual([]);
    expect(await listAllNotes(db, { includeDeleted: true })).toHaveLength(1);
    await expect(updateNote(db, a.id, { text: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await deleteNote(db, a.id, 9)).deletedAt).toBe(7);
    const restored = await restoreNote(db, a.id);
    expect(restored).toEqual(a);
    expect(await listNotesByUrl(db, URL_A)).toEqual([a]);
  });

  it('reports a missing note clearly and changes nothing', async () => {
    await expect(updateNote(db, 'nope', { text: 'x' })).rejects.toThrow(/no longer exists/);
    await expect(deleteNote(db, 'nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(restoreNote(db, 'nope')).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.count('notes')).toBe(0);
  });

  it('purges only trash older than the retention time', async () => {
    const a = await addNote(db, article('old trash'), 1);
    const b = await addNote(db, article('new trash'), 1);
    await addNote(db, article('live'), 1);
    await deleteNote(db, a.id, 1000);
    await deleteNote(db, b.id, 1000 + TRASH_MS);
    expect(await purgeDeletedNotes(db, 1001 + TRASH_MS)).toBe(1);
    expect(await getNote(db, a.id)).toBeUndefined();
    expect(await getNote(db, b.id)).toBeDefined();
    expect(await db.count('notes')).toBe(2);
  });

  it('loses nothing when many writers add and edit at once', async () => {
    const seeds = await Promise.all(Array.from({ length: 10 }, (_, i) => addNote(db, article(`seed ${i}`), i)));
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => addNote(db, article(`tab ${i % 2} note ${i}`, i % 3 === 0 ? { target: passage } : {}))),
      ...seeds.map((n, i) => updateNote(db, n.id, { entityIds: [`e${i}`] })),
      ...seeds.map((n, i) => updateNote(db, n.id, { text: `seed ${i} edited` })),
    ]);
    const all = await listNotesByUrl(db, URL_A);
    expect(all).toHaveLength(50);
    for (const [i, n] of seeds.entries()) {
      const now = await getNote(db, n.id);
      // Both edits of the same note survive: each is a read-modify-write in one transaction.
      expect(now).toMatchObject({ text: `seed ${i} edited`, entityIds: [`e${i}`] });
    }
  });
});
