/**
 * An article as the extractor sees it, before analysis: metadata and text blocks, and the
 * single plain text every offset points into (title, byline, then body paragraphs, separated by
 * blank lines).
 */
import type { StrippedText } from '../dataset/types';

/** Kinds of text block in an article's plain text. */
export type BlockKind = 'title' | 'byline' | 'caption' | 'body';

/** One paragraph-like block of article text. */
export interface Block {
  kind: BlockKind;
  text: string;
}

/** A block placed in the plain text. */
export interface PlacedBlock extends Block {
  start: number;
  end: number;
}

/** An article's metadata and text blocks, from plain text or from an HTML page. */
export interface ArticleInput {
  title: string;
  /** Author's name, e.g. "Ren Qi". */
  byline?: string;
  /** Place the story was filed from, e.g. "Moscow". */
  dateline?: string;
  publisher?: string;
  /** ISO 8601 with offset, when known. */
  published?: string;
  publishedAsPrinted?: string;
  updated?: string;
  updatedAsPrinted?: string;
  /** BCP 47 tag. */
  language?: string;
  url?: string;
  /** Title first, then byline, captions and body paragraphs in page order. */
  blocks: Block[];
  /** Page furniture removed on the way, with reasons. */
  stripped: StrippedText[];
}

/** Separator between blocks in the plain text. */
export const BLOCK_SEPARATOR = '\n\n';

/** Joins blocks into the article's plain text and returns where each block sits in it. */
export function layoutBlocks(blocks: readonly Block[]): { text: string; blocks: PlacedBlock[] } {
  const placed: PlacedBlock[] = [];
  let text = '';
  for (const block of blocks) {
    if (!block.text) continue;
    if (text) text += BLOCK_SEPARATOR;
    placed.push({ ...block, start: text.length, end: text.length + block.text.length });
    text += block.text;
  }
  return { text, blocks: placed };
}
