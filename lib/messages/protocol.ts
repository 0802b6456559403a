/**
 * The one message protocol between the content script / popup and the background.
 * Each domain declares its messages (request and response types) and a validator
 * for every request; this module joins them into one map.
 */
import type { Validator } from '../validate';
import { entityMessageValidators, type EntityMessages } from './entities';
import { noteMessageValidators, type NoteMessages } from './notes';
import { backupMessageValidators, type BackupMessages } from './backup';
import { articleMessageValidators, type ArticleMessages } from './articles';

/** Message name -> { request, response }. */
export type Messages = EntityMessages & NoteMessages & BackupMessages & ArticleMessages;

/** A message name. */
export type MessageName = keyof Messages;
/** The request type of a message. */
export type RequestOf<K extends MessageName> = Messages[K]['request'];
/** The response type of a message. */
export type ResponseOf<K extends MessageName> = Messages[K]['response'];

/** The envelope sent over runtime messaging. */
export interface Envelope<K extends MessageName = MessageName> {
  type: K;
  request: RequestOf<K>;
}

/** What the background answers: a value, or an error the caller can show. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** A request validator for every message name. */
export const requestValidators: { [K in MessageName]: Validator<RequestOf<K>> } = {
  ...entityMessageValidators,
  ...noteMessageValidators,
  ...backupMessageValidators,
  ...articleMessageValidators,
};

/** True when `name` is a known message name. */
export function isMessageName(name: unknown): name is MessageName {
  return typeof name === 'string' && Object.hasOwn(requestValidators, name);
}
