/**
 * Reads an article saved as plain text (one paragraph per line, as copied from a news page):
 * finds the title, byline and printed times, removes page furniture, and keeps the rest as
 * blocks. Nothing in the text is rewritten, so quotes and evidence stay verbatim.
 */
import type { StrippedText } from '../dataset/types';
import type { ArticleInput, Block } from './article';
import { parsePrintedDate } from './dates';
import { stripFurniture } from './furniture';

/** What the caller knows that the text does not say. */
export interface PlainTextHints {
  publisher?: string;
  language?: string;
  url?: string;
  /** Zone of times printed without one, e.g. "+08:00" for Beijing time. */
  timeZone?: string;
}

// "10:05 GMT 19.08.2021 (Updated: 11:09 GMT 19.08.2021)"
const TIME_LINE = /^(\d{1,2}:\d{2}(?:\s+[A-Z]{1,4})?\s+\d{1,2}\.\d{1,2}\.\d{4})(?:\s*\((?:Updated|Last updated):\s*([^)]+)\))?$/iu;
// "By REN QI in Moscow | China Daily Global | Updated: 2021-08-19 09:36"
const BYLINE = /^By\s+(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})(?:\s+in\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?))?$/u;
const PRINTED = /^(Published|Updated|Last updated|Posted)\s*:\s*(.+)$/iu;

const words = (s: string) => s.split(/\s+/u).filter(Boolean).length;
/** Short lines with no sentence punctuation before the headline are section labels and menus. */
const isLabel = (s: string) => words(s) < 4 && !/[.!?:"”]$/u.test(s);

/** Reads a byline as printed ("By REN QI in Moscow"): the author's name and the dateline place. */
export function readByline(line: string): { byline: string; dateline?: string } | null {
  const by = BYLINE.exec(line.trim());
  if (!by) return null;
  return by[2] ? { byline: personName(by[1]!), dateline: by[2] } : { byline: personName(by[1]!) };
}

/** Title-cases an all-caps name ("REN QI" -> "Ren Qi"); other names are kept as printed. */
function personName(printed: string): string {
  if (printed !== printed.toUpperCase()) return printed;
  return printed.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** Parses a plain-text article. */
export function parsePlainTextArticle(raw: string, hints: PlainTextHints = {}): ArticleInput {
  const lines = raw.replace(/\r\n?/gu, '\n').split('\n').map((l) => l.replace(/\s+$/u, ''));
  const stripped: StrippedText[] = [];
  const blocks: Block[] = [];
  const out: ArticleInput = { title: '', blocks, stripped };
  if (hints.publisher) out.publisher = hints.publisher;
  if (hints.language) out.language = hints.language;
  if (hints.url) out.url = hints.url;

  for (const line of lines) {
    if (!line.trim()) continue;
    const text = line.trim();
    if (!out.title) {
      if (isLabel(text) || /\s\|\s/u.test(text)) {
        stripped.push({ text, reason: 'navigation' });
        continue;
      }
      out.title = text;
      blocks.push({ kind: 'title', text });
      continue;
    }
    const time = TIME_LINE.exec(text);
    if (time && !out.publishedAsPrinted) {
      out.publishedAsPrinted = time[1]!;
      const published = parsePrintedDate(time[1]!, hints.timeZone);
      if (published) out.published = published;
      if (time[2]) {
        out.updatedAsPrinted = time[2].trim();
        const updated = parsePrintedDate(time[2], hints.timeZone);
        if (updated) out.updated = updated;
      }
      stripped.push({ text, reason: 'date line (kept as metadata)' });
      continue;
    }
    const segments = text.split(/\s+\|\s+/u);
    const by = BYLINE.exec(segments[0]!);
    if (by && !out.byline) {
      out.byline = personName(by[1]!);
      if (by[2]) out.dateline = by[2];
      blocks.push({ kind: 'byline', text: segments[0]! });
      for (const seg of segments.slice(1)) {
        const printed = PRINTED.exec(seg);
        if (printed) {
          const when = parsePrintedDate(printed[2]!, hints.timeZone);
          if (/updated/iu.test(printed[1]!)) {
            out.updatedAsPrinted = seg;
            if (when) out.updated = when;
          }
          // An outlet that prints only an update time gives no other publication time.
          if (!out.publishedAsPrinted || /published|posted/iu.test(printed[1]!)) {
            out.publishedAsPrinted = seg;
            if (when) out.published = when;
          }
        } else if (!out.publisher) {
          out.publisher = seg;
        }
      }
      if (segments.length > 1) stripped.push({ text: segments.slice(1).join(' | '), reason: 'byline metadata (kept as metadata)' });
      continue;
    }
    const check = stripFurniture(text);
    stripped.push(...check.removed);
    if (!check.kept) continue;
    blocks.push({ kind: check.caption ? 'caption' : 'body', text: check.kept });
  }
  // Short label lines after the last paragraph are the page's footer menu.
  while (blocks.length > 1 && blocks[blocks.length - 1]!.kind === 'body' && isLabel(blocks[blocks.length - 1]!.text)) {
    const label = blocks.pop()!;
    stripped.push({ text: label.text, reason: 'navigation' });
  }
  return out;
}
