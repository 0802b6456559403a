/**
 * The background's answers to the note, backup and saved-article messages. Requests arrive
 * already validated by the router; these handlers check the sender where a message reads or
 * replaces everything, check references, and turn storage failures into clear messages.
 */
import type { IDBPDatabase } from 'idb';
import { deleteArticle, listArticles, saveArticle, summarizeArticle } from '../db/articles';
import { getDictionary, knownEntityIds } from '../db/entities';
import { ReaderError } from '../db/errors';
import { addNote, deleteNote, listAllNotes, listNotesByEntity, listNotesByUrl, restoreNote, updateNote } from '../db/notes';
import type { BackstoryDB } from '../db/schema';
import type { ArticleMessages } from '../messages/articles';
import type { BackupMessages } from '../messages/backup';
import type { NoteMessages } from '../messages/notes';
import type { Handlers } from '../messages/router';
import { createBackup, importBackup, parseBackup, serializeBackup, type SettingsAccess } from '../notes/backup';
import { buildSavedArticle, type ArticleExtractor } from '../notes/saved-article';
import { exportAnnotations } from '../notes/web-annotation';
import { loadSettings, saveSettings } from '../settings/settings-store';
import { normalizeSettings } from '../settings/site-rules';
import { createDatasetExtractor } from './article-extractor';
import { guard, requireExtensionPage } from './guard';

/** Message names these handlers answer. */
export type NoteHandlerName = keyof NoteMessages | keyof BackupMessages | keyof ArticleMessages;

/** The handlers, keyed by message name, ready to spread into createRouter's map. */
export type NoteHandlers = Pick<Handlers, NoteHandlerName>;

/** What the handlers need besides the database. */
export interface NoteHandlerOptions {
  /** Extraction for "Save this article"; defaults to lib/extract with the stored dictionary. */
  extract?: ArticleExtractor;
  /** Where the reader's settings live, for backups; defaults to extension storage. */
  settings?: SettingsAccess;
  /** The clock, for tests. */
  now?: () => number;
}

/** Settings in extension storage, normalized on the way in. */
const storedSettings: SettingsAccess = {
  load: loadSettings,
  save: (value) => saveSettings(normalizeSettings(value)),
};

/** Creates the handlers over the background's database promise. */
export function createNoteHandlers(dbp: Promise<IDBPDatabase<BackstoryDB>>, options: NoteHandlerOptions = {}): NoteHandlers {
  const now = options.now ?? Date.now;
  const settings = options.settings ?? storedSettings;
  const extract = options.extract ?? createDatasetExtractor();

  async function checkEntities(db: IDBPDatabase<BackstoryDB>, ids: string[] | undefined): Promise<void> {
    if (!ids?.length) return;
    const known = new Set(await knownEntityIds(db, ids));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown !== undefined) throw new ReaderError(`Backstory does not know the entity "${unknown.slice(0, 80)}".`);
  }

  return {
    'notes.list': guard(async ({ url }) => listNotesByUrl(await dbp, url)),
    'notes.listByEntity': guard(async ({ entityId }) => listNotesByEntity(await dbp, entityId)),
    'notes.listAll': guard(async ({ includeDeleted }, sender) => {
      requireExtensionPage(sender, 'The list of all notes');
      return listAllNotes(await dbp, { includeDeleted });
    }),
    'notes.add': guard(async (request) => {
      if (!request.target && request.text.trim() === '') throw new ReaderError('A note on an article needs some text.');
      const db = await dbp;
      await checkEntities(db, request.entityIds);
      return addNote(db, request, now());
    }),
    'notes.update': guard(async ({ id, text, entityIds }) => {
      const db = await dbp;
      await checkEntities(db, entityIds);
      return updateNote(db, id, { text, entityIds }, now());
    }),
    'notes.delete': guard(async ({ id }) => deleteNote(await dbp, id, now())),
    'notes.restore': guard(async ({ id }) => restoreNote(await dbp, id)),
    'notes.export': guard(async (_request, sender) => {
      requireExtensionPage(sender, 'Exporting notes');
      return exportAnnotations(await listAllNotes(await dbp), now());
    }),
    'backup.export': guard(async (_request, sender) => {
      requireExtensionPage(sender, 'Backing up');
      return serializeBackup(await createBackup(await dbp, settings, now()));
    }),
    'backup.import': guard(async ({ text }, sender) => {
      requireExtensionPage(sender, 'Importing');
      // Everything is validated before the database is even opened for writing.
      const parsed = parseBackup(text, now());
      return importBackup(await dbp, parsed, settings);
    }),
    'articles.save': guard(async (request) => {
      const hasText = request.text?.trim() || request.blocks?.some((b) => b.kind !== 'title' && b.text.trim());
      if (!hasText) throw new ReaderError('There is no article text on this page to save.');
      const db = await dbp;
      const extraction = await extract(request, await getDictionary(db));
      const article = buildSavedArticle(request, extraction, now());
      await saveArticle(db, article);
      return { sourceId: article.id, mentions: article.mentions.length, quotes: article.quotes.length };
    }),
    'articles.list': guard(async (_request, sender) => {
      requireExtensionPage(sender, 'The list of saved articles');
      return (await listArticles(await dbp)).map(summarizeArticle);
    }),
    'articles.delete': guard(async ({ id }, sender) => {
      requireExtensionPage(sender, 'Deleting a saved article');
      return { deleted: await deleteArticle(await dbp, id) };
    }),
  };
}
