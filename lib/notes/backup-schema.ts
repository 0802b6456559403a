/** The backup file format and the validators that check every part of it before import. */
import type { Mention, Quote, Role, Sentence, Source, SourceContext } from '../dataset/types';
import type { SavedArticle } from '../db/schema';
import { NOTE_LIMITS, passageSelectors, type Note } from '../messages/notes';
import { ValidationError, array, boolean, literal, nullable, number, object, optional, string, url, type Validator } from '../validate';

/** Identifies a Backstory backup file. */
export const BACKUP_FORMAT = 'backstory-backup';
/** The backup format this version writes and reads. */
export const BACKUP_VERSION = 1;

/** Settings as they travel in a backup: a plain JSON object, normalized by the settings module on restore. */
export type BackupSettings = Record<string, string | number | boolean | null | string[]>;

/** A backup file. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  notes: Note[];
  articles: SavedArticle[];
  settings: BackupSettings | null;
}

// Validators for everything a backup holds. Unknown fields are refused (object() is strict).
const id = string({ min: 1, max: NOTE_LIMITS.id });
const offset = number({ min: 0, max: 1e9, integer: true });
const epoch = number({ min: 0, max: 8.64e15, integer: true });
const shortText = string({ max: 1000 });

/** A stored note, as backups hold it. */
export const noteValidator: Validator<Note> = object({
  id,
  url: url(),
  title: string({ max: NOTE_LIMITS.title }),
  site: string({ max: NOTE_LIMITS.site }),
  text: string({ max: NOTE_LIMITS.text }),
  entityIds: array(id, { max: NOTE_LIMITS.entityIds }),
  target: optional(passageSelectors),
  createdAt: epoch,
  updatedAt: epoch,
  deletedAt: optional(epoch),
});

const sourceValidator: Validator<Source> = object({
  id,
  publisher: shortText,
  title: shortText,
  published: string({ max: 100 }),
  updated: optional(string({ max: 100 })),
  publishedAsPrinted: optional(string({ max: 200 })),
  byline: optional(shortText),
  dateline: optional(string({ max: 200 })),
  url: optional(url()),
  language: string({ min: 1, max: 35 }),
  origin: literal('bundled', 'saved'),
});
const spanText = string({ max: 20_000 });
const mentionValidator: Validator<Mention> = object({ entityId: id, sourceId: id, text: spanText, start: offset, end: offset });
const sentenceValidator: Validator<Sentence> = object({ sourceId: id, text: spanText, start: offset, end: offset });
const roleValidator: Validator<Role> = object({ title: shortText, sourceId: id, evidence: spanText, start: offset, end: offset });
const quoteValidator: Validator<Quote> = object({
  id,
  speakerId: nullable(id),
  speaker: nullable(shortText),
  sourceId: id,
  text: spanText,
  start: offset,
  end: offset,
  partial: boolean,
  mentions: array(id, { max: 1000 }),
});
const contextValidator: Validator<SourceContext> = object({
  entityId: id,
  sourceId: id,
  sentences: array(sentenceValidator, { max: 5000 }),
  roles: array(roleValidator, { max: 1000 }),
  quoteIds: array(id, { max: 5000 }),
});
const articleShape = object({
  id,
  url: url(),
  source: sourceValidator,
  text: string({ max: 2_000_000 }),
  mentions: array(mentionValidator, { max: 50_000 }),
  quotes: array(quoteValidator, { max: 10_000 }),
  context: array(contextValidator, { max: 10_000 }),
  entityIds: array(id, { max: 10_000 }),
  savedAt: epoch,
});

/** A saved article, consistent with itself: its id names only its own source. */
export const articleValidator: Validator<SavedArticle> = (value, path = '') => {
  const a = articleShape(value, path);
  if (!a.id.startsWith('saved-')) throw new ValidationError(`${path}.id`, 'an id starting with "saved-"');
  if (a.source.id !== a.id || a.source.origin !== 'saved') throw new ValidationError(`${path}.source`, 'the saved article’s own source');
  const foreign = [...a.mentions, ...a.quotes, ...a.context].findIndex((x) => x.sourceId !== a.id);
  if (foreign >= 0) throw new ValidationError(`${path}`, 'mentions, quotes and context of this article only');
  return a;
};

const settingValue: Validator<BackupSettings[string]> = (value, path = '') => {
  if (value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
  if (typeof value === 'string') return string({ max: 10_000 })(value, path);
  return array(string({ max: 1000 }), { max: 10_000 })(value, path);
};
/** Settings: a plain object of JSON values, at most 100. */
export const settingsValidator: Validator<BackupSettings> = (value, path = '') => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError(path, 'an object');
  const entries = Object.entries(value);
  if (entries.length > 100) throw new ValidationError(path, 'at most 100 settings');
  return Object.fromEntries(entries.map(([k, v]) => [k, settingValue(v, `${path}.${k}`)]));
};

/** A whole backup file of the current version. */
export const backupValidator: Validator<Backup> = object({
  format: literal(BACKUP_FORMAT),
  version: literal(BACKUP_VERSION),
  exportedAt: string({ max: 100 }),
  notes: array(noteValidator, { max: 100_000 }),
  articles: array(articleValidator, { max: 10_000 }),
  settings: nullable(settingsValidator),
});

