/**
 * Mentions of known entities in an article's plain text, found by the same dictionary matcher
 * the content script runs on pages, so the dataset and the extension agree on every mention.
 */

/** One occurrence of an entity in the plain text. */
export interface MentionSpan {
  entityId: string;
  text: string;
  start: number;
  end: number;
}

/** The part of the matcher the extractor needs (see lib/matcher). */
export interface MentionFinder {
  findAll(text: string): Array<{ start: number; end: number; entityId: string | null }>;
}

/** Every mention of a known entity, in text order (blocker hits carry no entity and are dropped). */
export function findMentions(text: string, finder: MentionFinder): MentionSpan[] {
  const out: MentionSpan[] = [];
  for (const hit of finder.findAll(text)) {
    if (hit.entityId === null || hit.entityId === undefined) continue;
    out.push({ entityId: hit.entityId, text: text.slice(hit.start, hit.end), start: hit.start, end: hit.end });
  }
  return out;
}
