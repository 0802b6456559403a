/**
 * The full backup (notes, saved articles, settings) as versioned JSON, and its import.
 * Import validates the whole file before writing anything, then writes everything in one
 * transaction; importing the same file twice changes nothing the second time.
 */
import type { IDBPDatabase } from 'idb';
import { listArticles } from '../db/articles';
import { ReaderError } from '../db/errors';
import { listAllNotes } from '../db/notes';
import type { BackstoryDB, MetaRecord, SavedArticle } from '../db/schema';
import { commitAll } from '../db/tx';
import { MAX_IMPORT_CHARS, type ImportSummary } from '../messages/backup';
import type { Note } from '../messages/notes';
import { ValidationError, array } from '../validate';
import { BACKUP_FORMAT, BACKUP_VERSION, backupValidator, noteValidator, settingsValidator, type Backup, type BackupSettings } from './backup-schema';
export { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupSettings } from './backup-schema';
import { AnnotationFormatError, annotationsToNotes, isAnnotationDocument } from './web-annotation';

/** A file that passed validation and can be imported. */
export interface ParsedImport {
  kind: ImportSummary['kind'];
  notes: Note[];
  articles: SavedArticle[];
  settings: BackupSettings | null;
}

/** Reading and writing the reader's settings, wherever they live (extension storage). */
export interface SettingsAccess {
  load(): Promise<unknown>;
  save(settings: unknown): Promise<unknown>;
}

/** A file that cannot be imported; the message says why, for the reader. */
export class ImportError extends ReaderError {
  constructor(message: string) {
    super(`${message} Nothing was imported.`);
    this.name = 'ImportError';
  }
}

function firstDuplicate(values: string[]): string | null {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) return v;
    seen.add(v);
  }
  return null;
}

function megabytes(chars: number): string {
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

function damaged(error: unknown, what: string): never {
  if (error instanceof ValidationError || error instanceof AnnotationFormatError) {
    throw new ImportError(`This ${what} is damaged or incomplete (${error.message}).`);
  }
  throw error;
}

/**
 * Validates an import file (a Backstory backup, or a Web Annotation collection of notes)
 * completely, without touching the database. Throws ImportError with a message for the reader.
 */
export function parseBackup(text: string, now: number = Date.now()): ParsedImport {
  if (text.length > MAX_IMPORT_CHARS) {
    throw new ImportError(`This file is too large to import (${megabytes(text.length)}; the limit is ${megabytes(MAX_IMPORT_CHARS)}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportError('This file is not a Backstory backup or notes export: it is not valid JSON.');
  }
  let parsed: ParsedImport;
  const doc = json as Record<string, unknown> | null;
  if (typeof doc === 'object' && doc !== null && !Array.isArray(doc) && doc.format === BACKUP_FORMAT) {
    if (doc.version !== BACKUP_VERSION) {
      const v = typeof doc.version === 'number' ? doc.version : NaN;
      throw new ImportError(
        v > BACKUP_VERSION
          ? `This backup was made by a newer version of Backstory (backup format ${v}; this version reads format ${BACKUP_VERSION}). Update Backstory, then import it again.`
          : `This backup has an unknown format version (${JSON.stringify(doc.version) ?? 'none'}).`,
      );
    }
    let backup: Backup;
    try {
      backup = backupValidator(json, 'backup');
    } catch (error) {
      damaged(error, 'backup');
    }
    parsed = { kind: 'backup', notes: backup.notes, articles: backup.articles, settings: backup.settings };
  } else if (isAnnotationDocument(json)) {
    try {
      parsed = { kind: 'annotations', notes: array(noteValidator, { max: 100_000 })(annotationsToNotes(json, now), 'annotations'), articles: [], settings: null };
    } catch (error) {
      damaged(error, 'notes export');
    }
  } else {
    throw new ImportError('This file is JSON, but neither a Backstory backup nor a Web Annotation collection of notes.');
  }
  const dupNote = firstDuplicate(parsed.notes.map((n) => n.id));
  if (dupNote !== null) throw new ImportError(`This file is damaged: the note id "${dupNote.slice(0, 80)}" appears more than once.`);
  const dupArticle = firstDuplicate(parsed.articles.map((a) => a.id)) ?? firstDuplicate(parsed.articles.map((a) => a.url));
  if (dupArticle !== null) throw new ImportError(`This file is damaged: the saved article "${dupArticle.slice(0, 200)}" appears more than once.`);
  return parsed;
}

/** The full backup of the reader's data (notes in the trash are left out). */
export async function createBackup(db: IDBPDatabase<BackstoryDB>, settings?: SettingsAccess, now: number = Date.now()): Promise<Backup> {
  const [notes, articles, current] = await Promise.all([listAllNotes(db), listArticles(db), settings?.load()]);
  const clean = current === undefined ? null : settingsValidator(JSON.parse(JSON.stringify(current)), 'settings');
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), notes, articles, settings: clean };
}

/** The backup as JSON text. */
export function serializeBackup(backup: Backup): string {
  return JSON.stringify(backup, null, 2);
}

/** `request`, marked as handled: when one read fails, the others reject with the abort too. */
function quiet<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}

/** The moment a note last changed, counting deletion. */
const lastChange = (n: Note) => Math.max(n.updatedAt, n.deletedAt ?? 0);

/**
 * Writes a parsed import in one transaction: new notes and articles are added, ones already
 * present are replaced only when the file's copy is newer. Settings are restored first and
 * put back if the database write fails, so the import lands whole or not at all.
 */
export async function importBackup(db: IDBPDatabase<BackstoryDB>, parsed: ParsedImport, settings?: SettingsAccess): Promise<ImportSummary> {
  const summary: ImportSummary = { kind: parsed.kind, notesAdded: 0, notesUpdated: 0, notesUnchanged: 0, articlesAdded: 0, articlesUpdated: 0, articlesUnchanged: 0, settingsRestored: false };
  let previousSettings: unknown;
  if (parsed.settings && settings) {
    previousSettings = await settings.load();
    await settings.save(parsed.settings);
    summary.settingsRestored = true;
  }
  try {
    const tx = db.transaction(['notes', 'articles', 'meta'], 'readwrite');
    const notes = tx.objectStore('notes');
    const articles = tx.objectStore('articles');
    let existingNotes: (Note | undefined)[];
    let existingArticles: (SavedArticle | undefined)[];
    let sameUrl: (string | undefined)[];
    let meta: MetaRecord | undefined;
    try {
      [existingNotes, existingArticles, sameUrl, meta] = await Promise.all([
        Promise.all(parsed.notes.map((n) => quiet(notes.get(n.id)))),
        Promise.all(parsed.articles.map((a) => quiet(articles.get(a.id)))),
        Promise.all(parsed.articles.map((a) => quiet(articles.index('by-url').getKey(a.url)))),
        quiet(tx.objectStore('meta').get('articles')),
      ]);
    } catch (error) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw error;
    }
    await commitAll(tx, (write) => {
      parsed.notes.forEach((note, i) => {
        const existing = existingNotes[i];
        if (existing && lastChange(existing) >= lastChange(note)) {
          summary.notesUnchanged++;
          return;
        }
        if (existing) summary.notesUpdated++;
        else summary.notesAdded++;
        write(notes.put(note));
      });
      parsed.articles.forEach((article, i) => {
        const existing = existingArticles[i];
        if (existing && existing.savedAt >= article.savedAt) {
          summary.articlesUnchanged++;
          return;
        }
        if (existing) summary.articlesUpdated++;
        else summary.articlesAdded++;
        const other = sameUrl[i];
        if (other !== undefined && other !== article.id) write(articles.delete(other));
        write(articles.put(article));
      });
      if (summary.articlesAdded + summary.articlesUpdated > 0) {
        write(tx.objectStore('meta').put({ key: 'articles', revision: (meta?.key === 'articles' ? meta.revision : 0) + 1 }));
      }
    });
    return summary;
  } catch (error) {
    if (summary.settingsRestored) await settings!.save(previousSettings).catch(() => undefined);
    throw error;
  }
}
