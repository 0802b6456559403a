/** Pure formatting helpers for cards: dates, entity types, outlets, safe links, truncation. */
import type { EntityType, Source } from '../lib/dataset/types';

// Formatters are made on first use, not when the content script loads: creating one loads locale
// data, tens of milliseconds that every page would otherwise pay before any card is opened.
let dateFormatter: Intl.DateTimeFormat | undefined;
const dateFormat = (): Intl.DateTimeFormat =>
  (dateFormatter ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));

/**
 * Formats an ISO 8601 date as "19 Aug 2021". The calendar day is the one the outlet printed
 * (the date in the timestamp's own offset), so a story published at 09:36 +08:00 stays on the 19th.
 * Returns '' for an unparseable date.
 */
export function formatDate(iso: string): string {
  const printed = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (printed) {
    const [, y, m, d] = printed;
    return dateFormat().format(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  }
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : dateFormat().format(time);
}

let relativeFormatter: Intl.RelativeTimeFormat | undefined;
const relative = (): Intl.RelativeTimeFormat => (relativeFormatter ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' }));
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** Formats an epoch-milliseconds time relative to `now`: "just now", "3 hours ago", "yesterday". */
export function formatRelative(time: number, now: number): string {
  const elapsed = now - time;
  for (const [unit, size] of units) {
    if (Math.abs(elapsed) >= size) return relative().format(-Math.round(elapsed / size), unit);
  }
  return 'just now';
}

const typeLabels: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  term: 'Term',
  event: 'Event',
};

/** A human label for an entity type. */
export function typeLabel(type: EntityType): string {
  return typeLabels[type] ?? 'Entity';
}

/** Number of outlet colours in card.css (`--outlet-0` ... `--outlet-5`). */
export const outletHues = 6;

/** A stable colour slot for an outlet, so one outlet has one colour everywhere. */
export function outletSlot(publisher: string): number {
  let hash = 0;
  for (const char of publisher) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % outletHues;
}

/** Looks up sources by id; unknown ids give undefined so views can degrade gracefully. */
export function sourceIndex(sources: readonly Source[]): (id: string) => Source | undefined {
  const byId = new Map(sources.map((source) => [source.id, source]));
  return (id) => byId.get(id);
}

/** Returns `url` when it is an http(s) address a link may point to, else null (no javascript: or data: links). */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Shortens `text` to at most about `max` characters, cutting at a word boundary and adding an
 * ellipsis. Returns the text unchanged when it fits.
 */
export function truncate(text: string, max: number): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  const head = space > max * 0.6 ? cut.slice(0, space) : cut;
  return { text: `${head.replace(/[\s,;:.]+$/u, '')}…`, truncated: true };
}
