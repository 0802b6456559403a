/** Messages about the reader's notes. */
import { array, object, optional, string, url, type Validator } from '../validate';

/** A reader's note on an article (passage anchoring is added by `target`). */
export interface Note {
  id: string;
  /** Canonical URL of the article. */
  url: string;
  /** The article's title and outlet when the note was written. */
  title: string;
  site: string;
  text: string;
  /** Entities this note is about. */
  entityIds: string[];
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
}

/** Note message map. */
export interface NoteMessages {
  'notes.list': { request: { url: string }; response: Note[] };
  'notes.add': {
    request: { url: string; title: string; site: string; text: string; entityIds?: string[] };
    response: Note;
  };
}

/** Request validators for the note messages. */
export const noteMessageValidators: { [K in keyof NoteMessages]: Validator<NoteMessages[K]['request']> } = {
  'notes.list': object({ url: url() }),
  'notes.add': object({
    url: url(),
    title: string({ max: 1000 }),
    site: string({ max: 500 }),
    text: string({ min: 1, max: 20_000 }),
    entityIds: optional(array(string({ min: 1, max: 200 }), { max: 100 })),
  }),
};
