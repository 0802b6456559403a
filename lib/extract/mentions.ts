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

/**
 * Every mention of a known entity, in text order (blocker hits carry no entity and are dropped).
 * Each block is matched on its own, as the page scanner matches each block of a page, so no
 * name runs across a paragraph break.
 */
export function findMentions(text: string, blocks: readonly { start: number; end: number }[], finder: MentionFinder): MentionSpan[] {
  const out: MentionSpan[] = [];
  for (const block of blocks) {
    for (const hit of finder.findAll(text.slice(block.start, block.end))) {
      if (hit.entityId === null || hit.entityId === undefined) continue;
      const start = block.start + hit.start;
      const end = block.start + hit.end;
      out.push({ entityId: hit.entityId, text: text.slice(start, end), start, end });
    }
  }
  return out;
}
