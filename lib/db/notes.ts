/**
 * The reader's notes. Deleting moves a note to the trash (`deletedAt`) so it can be restored;
 * `purgeDeletedNotes` removes old trash for good. Every change is one transaction, so
 * several tabs writing at once never overwrite each other's notes.
 */
import type { IDBPDatabase } from 'idb';
import type { NewNote, Note } from '../messages/notes';
import { NotFoundError, ReaderError } from './errors';
import type { BackstoryDB } from './schema';

type DB = IDBPDatabase<BackstoryDB>;

/** How long deleted notes stay restorable before `purgeDeletedNotes` removes them. */
export const TRASH_MS = 30 * 24 * 60 * 60 * 1000;

function live(note: Note): boolean {
  return note.deletedAt === undefined;
}

const oldestFirst = (a: Note, b: Note) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);
const newestFirst = (a: Note, b: Note) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id);

/** Stores a new note and returns it. */
export async function addNote(db: DB, input: NewNote, now: number = Date.now()): Promise<Note> {
  const note: Note = {
    id: crypto.randomUUID(),
    url: input.url,
    title: input.title,
    site: input.site,
    text: input.text,
    entityIds: [...new Set(input.entityIds ?? [])],
    createdAt: now,
    updatedAt: now,
  };
  if (input.target) note.target = input.target;
  await db.add('notes', note);
  return note;
}

/** One note, deleted or not, or undefined. */
export function getNote(db: DB, id: string): Promise<Note | undefined> {
  return db.get('notes', id);
}

/** Reads, changes and writes one note in a single transaction; throws NotFoundError when absent. */
async function change(db: DB, id: string, edit: (note: Note) => Note | null): Promise<Note> {
  const tx = db.transaction('notes', 'readwrite');
  const note = await tx.store.get(id);
  const next = note ? edit(note) : null;
  if (!next) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new NotFoundError('This note');
  }
  await Promise.all([tx.store.put(next), tx.done]);
  return next;
}

/** Changes the text and/or linked entities of a live note. */
export function updateNote(db: DB, id: string, patch: { text?: string; entityIds?: string[] }, now: number = Date.now()): Promise<Note> {
  return change(db, id, (note) => {
    if (!live(note)) return null;
    if (!note.target && patch.text !== undefined && patch.text.trim() === '') throw new ReaderError('A note on an article needs some text. To remove it, delete it.');
    const next: Note = { ...note, updatedAt: now };
    if (patch.text !== undefined) next.text = patch.text;
    if (patch.entityIds !== undefined) next.entityIds = [...new Set(patch.entityIds)];
    return next;
  });
}

/** Moves a note to the trash and returns it (for an undo offer). Deleting twice keeps the first time. */
export function deleteNote(db: DB, id: string, now: number = Date.now()): Promise<Note> {
  return change(db, id, (note) => (live(note) ? { ...note, deletedAt: now } : note));
}

/** Takes a note out of the trash. */
export function restoreNote(db: DB, id: string): Promise<Note> {
  return change(db, id, (note) => {
    const { deletedAt: _deletedAt, ...rest } = note;
    return rest;
  });
}

/** Live notes on the article at canonical `url`, oldest first. */
export async function listNotesByUrl(db: DB, url: string): Promise<Note[]> {
  return (await db.getAllFromIndex('notes', 'by-url', url)).filter(live).sort(oldestFirst);
}

/** Live notes linked to an entity, newest first. */
export async function listNotesByEntity(db: DB, entityId: string): Promise<Note[]> {
  return (await db.getAllFromIndex('notes', 'by-entity', entityId)).filter(live).sort(newestFirst);
}

/** Every note, newest first; notes in the trash only when `includeDeleted`. */
export async function listAllNotes(db: DB, opts: { includeDeleted?: boolean } = {}): Promise<Note[]> {
  const notes = await db.getAllFromIndex('notes', 'by-updated');
  return (opts.includeDeleted ? notes : notes.filter(live)).sort(newestFirst);
}

/** Permanently removes notes deleted more than TRASH_MS ago; returns how many. */
export async function purgeDeletedNotes(db: DB, now: number = Date.now()): Promise<number> {
  const tx = db.transaction('notes', 'readwrite');
  let purged = 0;
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    const { deletedAt } = cursor.value;
    if (deletedAt !== undefined && now - deletedAt > TRASH_MS) {
      await cursor.delete();
      purged++;
    }
  }
  await tx.done;
  return purged;
}
