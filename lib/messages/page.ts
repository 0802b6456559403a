/**
 * Messages the popup sends to the content script of a tab (browser.tabs.sendMessage):
 * what Backstory found on the page, and "show me this one". A separate map from the
 * background protocol, because the receiver is a different context.
 */
import type { EntityType } from '../dataset/types';
import { ValidationError, array, boolean, literal, number, object, string, type Validator } from '../validate';
import type { Reply } from './protocol';

/** One entity found on the page, with how many times it is marked there. */
export interface PageEntity {
  entityId: string;
  name: string;
  type: EntityType;
  count: number;
}

/** What the content script reports about its page (url, title and site as in lib/page/page-info.ts). */
export interface PageEntities {
  entities: PageEntity[];
  /** Canonical URL of the article: the key its notes are stored under. */
  url: string;
  title: string;
  /** The outlet's name, else the host name. */
  site: string;
  /** The address the tab actually shows (site settings are per host, which the canonical URL may not share). */
  location: string;
}

/** Page message map: name -> { request, response }. */
export interface PageMessages {
  /** Entities marked on this page, most frequent first. */
  'page.entities': { request: Record<string, never>; response: PageEntities };
  /** Scroll to the entity's first mark and open its popover; ok is false when it has no mark. */
  'page.reveal': { request: { entityId: string }; response: { ok: boolean } };
  /** Keyboard command: open the card of the next or previous mark in reading order. */
  'page.step': { request: { direction: 'next' | 'prev' }; response: { ok: boolean } };
  /** Which passage notes of this article are marked on the page and which are orphans (their passage is gone). */
  'page.notes': { request: Record<string, never>; response: PassageStatus };
  /** Context menu "Add note to selection": opens the note composer for the current selection; ok is false without one. */
  'page.noteSelection': { request: Record<string, never>; response: { ok: boolean } };
}

/** Where the article's passage notes stand on the page, by note id. */
export interface PassageStatus {
  /** Found again and marked. */
  anchored: string[];
  /** Not found with enough confidence: shown as orphans, never attached to other text. */
  orphans: string[];
}

/** A page message name. */
export type PageMessageName = keyof PageMessages;

/** The envelope sent to a tab. */
export interface PageEnvelope<K extends PageMessageName = PageMessageName> {
  type: K;
  request: PageMessages[K]['request'];
}

const id = string({ min: 1, max: 200 });
const entityType = literal('person', 'organization', 'place', 'term', 'event');

/** Request validators, for the content script's side. */
export const pageRequestValidators: { [K in PageMessageName]: Validator<PageMessages[K]['request']> } = {
  'page.entities': object({}) as Validator<Record<string, never>>,
  'page.reveal': object({ entityId: id }),
  'page.step': object({ direction: literal('next', 'prev') }),
  'page.notes': object({}) as Validator<Record<string, never>>,
  'page.noteSelection': object({}) as Validator<Record<string, never>>,
};

/** Response validators, for the popup's side (a tab's answer is checked before it is shown). */
export const pageResponseValidators: { [K in PageMessageName]: Validator<PageMessages[K]['response']> } = {
  'page.entities': object({
    entities: array(object({ entityId: id, name: string({ min: 1, max: 500 }), type: entityType, count: number({ min: 0, integer: true }) }), { max: 5000 }),
    url: string({ max: 4096 }),
    title: string({ max: 1000 }),
    site: string({ max: 500 }),
    location: string({ max: 4096 }),
  }),
  'page.reveal': object({ ok: boolean }),
  'page.step': object({ ok: boolean }),
  'page.notes': object({ anchored: array(id, { max: 10_000 }), orphans: array(id, { max: 10_000 }) }),
  'page.noteSelection': object({ ok: boolean }),
};

/** True when `name` is a page message name. */
export function isPageMessageName(name: unknown): name is PageMessageName {
  return typeof name === 'string' && Object.hasOwn(pageRequestValidators, name);
}

/** Handlers the content script provides, one per page message. */
export type PageHandlers = {
  [K in PageMessageName]: (request: PageMessages[K]['request']) => Promise<PageMessages[K]['response']> | PageMessages[K]['response'];
};

/**
 * The content script's side: returns a function that answers one raw message with a Reply,
 * or undefined when the message is not a page message (so other listeners may answer it).
 * It never throws.
 */
export function createPageRouter(handlers: PageHandlers) {
  return async function routePageMessage(raw: unknown): Promise<Reply<unknown> | undefined> {
    if (typeof raw !== 'object' || raw === null) return undefined;
    const { type, request } = raw as { type?: unknown; request?: unknown };
    if (!isPageMessageName(type)) return undefined;
    try {
      const valid = pageRequestValidators[type](request, 'request');
      const handler = handlers[type] as (req: unknown) => unknown;
      return { ok: true, value: await handler(valid) };
    } catch (error) {
      if (error instanceof ValidationError) return { ok: false, error: `Invalid ${type}: ${error.message}` };
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
