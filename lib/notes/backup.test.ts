import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { listArticles, saveArticle } from '../db/articles';
import { savedArticleFixture } from '../db/articles.test-data';
import { addNote, deleteNote, listAllNotes } from '../db/notes';
import type { BackstoryDB } from '../db/schema';
import { freshDB } from '../db/test-fixtures';
import { MAX_IMPORT_CHARS } from '../messages/backup';
import type { Note } from '../messages/notes';
import { BACKUP_VERSION, ImportError, createBackup, importBackup, parseBackup, serializeBackup, type SettingsAccess } from './backup';
import { exportAnnotations } from './web-annotation';

let db: IDBPDatabase<BackstoryDB>;
let close: () => Promise<void>;
beforeEach(async () => ({ db, close } = await freshDB()));
afterEach(() => close());

function memorySettings(initial: unknown): SettingsAccess & { value: unknown } {
  const s = {
    value: initial,
    load: vi.fn(async () => s.value),
    save: vi.fn(async (v: unknown) => {
      s.value = v;
    }),
  };
  return s;
}

async function populate(): Promise<void> {
  await addNote(db, { url: 'https://a.example/1', title: 'One', site: 'A', text: 'article note', entityIds: ['lavrov'] }, 1);
  await addNote(db, { url: 'https://a.example/1', title: 'One', site: 'A', text: '', target: { quote: { type: 'TextQuoteSelector', exact: 'passage' } } }, 2);
  await saveArticle(db, savedArticleFixture());
}

function backupText(change: (b: Record<string, unknown>) => void = () => undefined): string {
  const b: Record<string, unknown> = {
    format: 'backstory-backup',
    version: 1,
    exportedAt: '2024-01-01T00:00:00.000Z',
    notes: [{ id: 'n1', url: 'https://a.example/1', title: 'One', site: 'A', text: 'hi', entityIds: [], createdAt: 1, updatedAt: 1 }],
    articles: [],
    settings: null,
  };
  change(b);
  return JSON.stringify(b);
}

describe('backup export and import', () => {
  it('round-trips notes, saved articles and settings into a fresh database', async () => {
    await populate();
    const trashed = await addNote(db, { url: 'https://a.example/2', title: 'Two', site: 'A', text: 'deleted' });
    await deleteNote(db, trashed.id);
    const settings = memorySettings({ enabled: false, disabledSites: ['x.example'], highlightStyle: 'underline', dwellMs: 300 });
    const text = serializeBackup(await createBackup(db, settings, 0));
    const exportedNotes = await listAllNotes(db);

    const target = await freshDB();
    try {
      const targetSettings = memorySettings({ enabled: true });
      const summary = await importBackup(target.db, parseBackup(text), targetSettings);
      expect(summary).toEqual({ kind: 'backup', notesAdded: 2, notesUpdated: 0, notesUnchanged: 0, articlesAdded: 1, articlesUpdated: 0, articlesUnchanged: 0, settingsRestored: true });
      expect(await listAllNotes(target.db)).toEqual(exportedNotes);
      expect(await listArticles(target.db)).toEqual([savedArticleFixture()]);
      expect(targetSettings.value).toEqual(settings.value);
    } finally {
      await target.close();
    }
  });

  it('imports the same backup twice without duplicating anything', async () => {
    await populate();
    const text = serializeBackup(await createBackup(db));
    const summary = await importBackup(db, parseBackup(text));
    expect(summary).toMatchObject({ notesAdded: 0, notesUnchanged: 2, articlesAdded: 0, articlesUnchanged: 1, settingsRestored: false });
    expect(await db.count('notes')).toBe(2);
    expect(await db.count('articles')).toBe(1);
  });

  it('keeps the newer copy of a note, counting deletion as a change', async () => {
    const base: Note = { id: 'n1', url: 'https://a.example/1', title: 'One', site: 'A', text: 'old', entityIds: [], createdAt: 1, updatedAt: 1 };
    await db.put('notes', { ...base, deletedAt: 50 });
    const older = { kind: 'backup' as const, notes: [{ ...base, text: 'from file', updatedAt: 10 }], articles: [], settings: null };
    expect((await importBackup(db, older)).notesUnchanged).toBe(1);
    const newer = { ...older, notes: [{ ...base, text: 'from file', updatedAt: 60 }] };
    expect((await importBackup(db, newer)).notesUpdated).toBe(1);
    expect(await db.get('notes', 'n1')).toMatchObject({ text: 'from file' });
  });

  it('imports a Web Annotation export as notes', async () => {
    await populate();
    const notes = await listAllNotes(db);
    const target = await freshDB();
    try {
      const parsed = parseBackup(exportAnnotations(notes));
      expect(parsed.kind).toBe('annotations');
      expect((await importBackup(target.db, parsed)).notesAdded).toBe(2);
      expect(await listAllNotes(target.db)).toEqual(notes);
    } finally {
      await target.close();
    }
  });

  it('writes nothing, and puts settings back, when the database write fails', async () => {
    const settings = memorySettings({ enabled: true });
    const good: Note = { id: 'ok', url: 'https://a.example/1', title: '', site: '', text: 'fine', entityIds: [], createdAt: 1, updatedAt: 1 };
    // A record without an id gets past no validator; here it stands for any storage failure mid-import.
    const parsed = { kind: 'backup' as const, notes: [good, { ...good, id: undefined } as unknown as Note], articles: [], settings: { enabled: false } };
    await expect(importBackup(db, parsed, settings)).rejects.toThrow();
    expect(await db.count('notes')).toBe(0);
    expect(settings.value).toEqual({ enabled: true });
  });
});

describe('parseBackup refuses bad files with a clear message', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"format": "backstory-backup", ', /not valid JSON/],
    ['empty', '', /not valid JSON/],
    ['newer version', backupText((b) => (b.version = BACKUP_VERSION + 1)), /newer version of Backstory .*format 2/],
    ['unknown version', backupText((b) => (b.version = 'one')), /unknown format version \("one"\)/],
    ['other JSON', '{"hello": "world"}', /neither a Backstory backup nor a Web Annotation/],
    ['missing field', backupText((b) => delete b.notes), /damaged or incomplete \(backup\.notes: expected an array\)/],
    ['missing note field', backupText((b) => delete (b.notes as Record<string, unknown>[])[0]!.url), /backup\.notes\[0\]\.url/],
    ['bad note url', backupText((b) => ((b.notes as Record<string, unknown>[])[0]!.url = 'javascript:alert(1)')), /http\(s\) URL/],
    ['injected field', backupText((b) => ((b.notes as Record<string, unknown>[])[0]!.html = '<b>')), /backup\.notes\[0\]\.html: expected no such field/],
    ['duplicate note ids', backupText((b) => (b.notes = [(b.notes as unknown[])[0], (b.notes as unknown[])[0]])), /note id "n1" appears more than once/],
    ['duplicate articles', backupText((b) => (b.articles = [savedArticleFixture(), savedArticleFixture()])), /saved article .* appears more than once/],
    ['foreign article source', backupText((b) => (b.articles = [{ ...savedArticleFixture(), id: 'sputnik' }])), /backup\.articles\[0\]\.id/],
    ['bad annotation', JSON.stringify({ type: 'AnnotationCollection', first: { items: [{ type: 'Annotation', id: 'x', target: 'ftp://x' }] } }), /notes export is damaged .*url/],
  ];
  it.each(cases)('%s', (_name, text, message) => {
    expect(() => parseBackup(text)).toThrow(ImportError);
    expect(() => parseBackup(text)).toThrow(message);
    expect(() => parseBackup(text)).toThrow(/Nothing was imported\.$/);
  });

  it('refuses a huge file before parsing it', () => {
    const huge = ' '.repeat(MAX_IMPORT_CHARS + 1);
    const parse = vi.spyOn(JSON, 'parse');
    expect(() => parseBackup(huge)).toThrow(/too large to import \(20\.0 MB; the limit is 20\.0 MB\)/);
    expect(parse).not.toHaveBeenCalled();
  });

  it('accepts an empty collection', () => {
    expect(parseBackup(JSON.stringify({ type: 'AnnotationCollection', total: 0 })).notes).toEqual([]);
  });
});
