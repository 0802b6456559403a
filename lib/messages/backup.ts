/** Messages for the full backup (notes, saved articles, settings) and its import. */
import { object, string, type Validator } from '../validate';

/** What an import changed, for the message shown to the reader. */
export interface ImportSummary {
  /** 'backup': a Backstory backup; 'annotations': a W3C Web Annotation collection (notes only). */
  kind: 'backup' | 'annotations';
  notesAdded: number;
  /** Notes already present whose imported copy was newer. */
  notesUpdated: number;
  /** Notes already present and up to date (importing the same file twice changes nothing). */
  notesUnchanged: number;
  articlesAdded: number;
  articlesUpdated: number;
  articlesUnchanged: number;
  /** True when the file's settings replaced the current ones. */
  settingsRestored: boolean;
}

/** Largest file accepted for import, in characters (about 20 MB). */
export const MAX_IMPORT_CHARS = 20 * 1024 * 1024;

/** Backup message map. Both are for extension pages only. */
export interface BackupMessages {
  /** The full backup as versioned JSON text. */
  'backup.export': { request: Record<string, never>; response: string };
  /** Imports a backup or an annotation collection: validated first, then all or nothing. */
  'backup.import': { request: { text: string }; response: ImportSummary };
}

/** Request validators for the backup messages. */
export const backupMessageValidators: { [K in keyof BackupMessages]: Validator<BackupMessages[K]['request']> } = {
  'backup.export': object({}) as Validator<Record<string, never>>,
  // Larger than the import limit, so that a huge file gets the import's clear message, not a generic one.
  'backup.import': object({ text: string({ max: MAX_IMPORT_CHARS * 4 }) }),
};
