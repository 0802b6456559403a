/**
 * Messages about the reader's notes: article notes (on a whole article) and passage notes
 * (on a text passage, located by W3C Web Annotation selectors).
 */
import type { PassageSelectors, TextPositionSelector, TextQuoteSelector } from '../anchoring/types';
import { ValidationError, array, boolean, literal, number, object, optional, string, url, type Validator } from '../validate';

/** A reader's note on an article, or on one passage of it when `target` is set. */
export interface Note {
  id: string;
  /** Canonical URL of the article (see lib/page/canonical-url.ts). */
  url: string;
  /** The article's title and outlet when the note was written. */
  title: string;
  site: string;
  /** The reader's text; may be empty for a passage note (a plain highlight). */
  text: string;
  /** Entities this note is about. */
  entityIds: string[];
  /** Where the passage is; absent for an article note. */
  target?: PassageSelectors;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Set when the reader deleted the note; it can be restored until it is purged. */
  deletedAt?: number;
}

/** A new note, as the content script or popup sends it. */
export interface NewNote {
  url: string;
  title: string;
  site: string;
  text: string;
  entityIds?: string[];
  target?: PassageSelectors;
}

/** Note message map. */
export interface NoteMessages {
  /** Live notes on one article (article notes and passage notes), oldest first. */
  'notes.list': { request: { url: string }; response: Note[] };
  /** Live notes linked to one entity, newest first. */
  'notes.listByEntity': { request: { entityId: string }; response: Note[] };
  /** Every note, newest first; deleted ones only when asked. Extension pages only. */
  'notes.listAll': { request: { includeDeleted?: boolean }; response: Note[] };
  'notes.add': { request: NewNote; response: Note };
  /** Changes the text and/or the linked entities. */
  'notes.update': { request: { id: string; text?: string; entityIds?: string[] }; response: Note };
  /** Moves a note to the trash; answers the deleted note so the UI can offer undo. */
  'notes.delete': { request: { id: string }; response: Note };
  /** Undo of notes.delete. */
  'notes.restore': { request: { id: string }; response: Note };
  /** All live notes as a W3C Web Annotation AnnotationCollection (JSON-LD text). Extension pages only. */
  'notes.export': { request: Record<string, never>; response: string };
}

/** Limits shared by messages and imported files. */
export const NOTE_LIMITS = { text: 20_000, title: 1000, site: 500, id: 200, entityIds: 100, exact: 10_000, context: 200 } as const;

const id = string({ min: 1, max: NOTE_LIMITS.id });
const entityIds = array(id, { max: NOTE_LIMITS.entityIds });
const offset = number({ min: 0, max: 1e9, integer: true });

/** Validates a TextQuoteSelector. */
export const textQuoteSelector: Validator<TextQuoteSelector> = object({
  type: literal('TextQuoteSelector'),
  exact: string({ min: 1, max: NOTE_LIMITS.exact }),
  prefix: optional(string({ max: NOTE_LIMITS.context })),
  suffix: optional(string({ max: NOTE_LIMITS.context })),
});

const positionShape = object({ type: literal('TextPositionSelector'), start: offset, end: offset });

/** Validates a TextPositionSelector (start <= end). */
export const textPositionSelector: Validator<TextPositionSelector> = (value, path = '') => {
  const position = positionShape(value, path);
  if (position.end < position.start) throw new ValidationError(`${path}.end`, 'an offset not before start');
  return position;
};

/** Validates a passage note's selectors. */
export const passageSelectors: Validator<PassageSelectors> = object({ quote: textQuoteSelector, position: optional(textPositionSelector) });

/** Validates a new note. Article notes need text; the handler checks that. */
export const newNote: Validator<NewNote> = object({
  url: url(),
  title: string({ max: NOTE_LIMITS.title }),
  site: string({ max: NOTE_LIMITS.site }),
  text: string({ max: NOTE_LIMITS.text }),
  entityIds: optional(entityIds),
  target: optional(passageSelectors),
});

/** Request validators for the note messages. */
export const noteMessageValidators: { [K in keyof NoteMessages]: Validator<NoteMessages[K]['request']> } = {
  'notes.list': object({ url: url() }),
  'notes.listByEntity': object({ entityId: id }),
  'notes.listAll': object({ includeDeleted: optional(boolean) }),
  'notes.add': newNote,
  'notes.update': object({ id, text: optional(string({ max: NOTE_LIMITS.text })), entityIds: optional(entityIds) }),
  'notes.delete': object({ id }),
  'notes.restore': object({ id }),
  'notes.export': object({}) as Validator<Record<string, never>>,
};
