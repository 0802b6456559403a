/**
 * Translated strings. In the extension they come from browser.i18n (public/_locales/<lang>);
 * where that API is missing (unit tests, a page opened outside the extension) the English
 * catalog, bundled here, answers with the same placeholder rules as the browser.
 */
import { browser } from 'wxt/browser';
import english from '../public/_locales/en/messages.json';

/** A key of the message catalog. */
export type MessageKey = keyof typeof english;

/** Looks up a message and fills in its substitutions ($1, $2... in placeholder order). */
export type Translate = (key: MessageKey, substitutions?: string | readonly string[]) => string;

/** One catalog entry, in the browser's messages.json format. */
export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/**
 * Formats one catalog entry as browser.i18n.getMessage would: named placeholders ($NAME$)
 * become their content, "$1".."$9" the substitutions, "$$" a dollar sign.
 */
export function formatMessage(entry: CatalogEntry, substitutions: string | readonly string[] = []): string {
  const subs = typeof substitutions === 'string' ? [substitutions] : substitutions;
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const fillNumbered = (text: string) => text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
  // Named placeholders first, then numbered ones, so a substitution containing "$1" stays literal.
  const parts = entry.message.split(/(\$[A-Za-z0-9_@]+\$)/);
  return parts
    .map((part) => {
      const named = /^\$([A-Za-z0-9_@]+)\$$/.exec(part);
      if (named?.[1] !== undefined) {
        const content = placeholders.get(named[1].toLowerCase());
        return content === undefined ? part : fillNumbered(content);
      }
      return fillNumbered(part);
    })
    .join('');
}

/** Translates from the bundled English catalog only (tests, and the fallback). */
export const translateEnglish: Translate = (key, substitutions) => {
  const entry = (english as Record<string, CatalogEntry>)[key];
  return entry ? formatMessage(entry, substitutions) : key;
};

/** Translates through browser.i18n, falling back to the English catalog. */
export const t: Translate = (key, substitutions) => {
  try {
    // The generated key type lags behind the catalog while it is edited; keys are checked by MessageKey.
    const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
    const message = getMessage(key, substitutions === undefined ? undefined : typeof substitutions === 'string' ? [substitutions] : [...substitutions]);
    if (message) return message;
  } catch {
    // No i18n API here: use the catalog.
  }
  return translateEnglish(key, substitutions);
};
