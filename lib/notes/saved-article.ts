/**
 * "Save this article": the page's text plus what extraction found in it becomes a saved
 * article, a source of the reader's own whose quotes and sentences join every card.
 */
import type { Mention, Quote, Sentence, SourceContext } from '../dataset/types';
import type { SavedArticle } from '../db/schema';
import type { SaveArticleRequest } from '../messages/articles';
import type { Dictionary } from '../messages/entities';

/** What extraction found in an article (the shape of the extraction CLI's output). */
export interface ArticleExtraction {
  /** The plain text the offsets point into, when extraction laid it out itself; else the request's text. */
  text?: string;
  mentions: { entityId: string; text: string; start: number; end: number }[];
  quotes: { text: string; speakerId: string | null; speaker: string | null; start: number; end: number; partial?: boolean; mentions?: string[] }[];
  /** Sentence spans; when absent, sentences are split simply at end punctuation. */
  sentences?: { start: number; end: number }[];
  /** Roles the article states ("Russian Foreign Minister Sergei Lavrov"). */
  roles?: { entityId: string; title: string; evidence: string; start: number; end: number }[];
}

/** Runs the extension's extraction on a page; the background wires in lib/extract. */
export type ArticleExtractor = (article: SaveArticleRequest, dictionary: Dictionary) => ArticleExtraction | Promise<ArticleExtraction>;

/** A stable id for the article at `url` (so saving it again replaces it). */
export function savedArticleId(url: string): string {
  // Two FNV-1a passes with different offsets: 64 bits, plenty for one reader's articles.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return `saved-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** Sentence spans by end punctuation and line breaks; a fallback when extraction gives none. */
export function splitSentences(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /[^.!?\n]*(?:[.!?]+["'”’»)]*|\n|$)/gu;
  for (const m of text.matchAll(re)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) out.push({ text: body, start: m.index + lead, end: m.index + lead + body.length });
  }
  return out;
}

/** Builds the saved article: source, mentions, quotes with ids, and per-entity context. */
export function buildSavedArticle(request: SaveArticleRequest, extraction: ArticleExtraction, now: number = Date.now()): SavedArticle {
  const id = savedArticleId(request.url);
  const text = extraction.text ?? request.text ?? '';
  const inText = (s: { start: number; end: number }) => s.start >= 0 && s.end <= text.length && s.start <= s.end;
  const mentions: Mention[] = extraction.mentions.filter(inText).map((m) => ({ entityId: m.entityId, sourceId: id, text: m.text, start: m.start, end: m.end }));
  const quotes: Quote[] = extraction.quotes.filter(inText).map((q, i) => ({
    id: `${id}-q${i}`,
    speakerId: q.speakerId,
    speaker: q.speaker,
    sourceId: id,
    text: q.text,
    start: q.start,
    end: q.end,
    partial: q.partial ?? false,
    mentions: q.mentions ?? [...new Set(mentions.filter((m) => m.start >= q.start && m.end <= q.end).map((m) => m.entityId))],
  }));
  const sentences = (extraction.sentences ?? splitSentences(text)).filter(inText);
  const roles = (extraction.roles ?? []).filter(inText);
  const entityIds = [...new Set([...mentions.map((m) => m.entityId), ...quotes.flatMap((q) => (q.speakerId ? [q.speakerId] : []))])];
  const context: SourceContext[] = entityIds.map((entityId) => {
    const spans = mentions.filter((m) => m.entityId === entityId);
    const own: Sentence[] = sentences
      .filter((s) => spans.some((m) => m.start < s.end && m.end > s.start))
      .map((s) => ({ sourceId: id, text: text.slice(s.start, s.end), start: s.start, end: s.end }));
    const ownRoles = roles.filter((r) => r.entityId === entityId).map((r) => ({ title: r.title, sourceId: id, evidence: r.evidence, start: r.start, end: r.end }));
    return { entityId, sourceId: id, sentences: own, roles: ownRoles, quoteIds: quotes.filter((q) => q.speakerId === entityId).map((q) => q.id) };
  });
  const source: SavedArticle['source'] = {
    id,
    publisher: request.site,
    title: request.title,
    published: request.published ?? new Date(now).toISOString(),
    url: request.url,
    language: 'und',
    origin: 'saved',
  };
  if (request.byline) source.byline = request.byline;
  return { id, url: request.url, source, text, mentions, quotes, context, entityIds, savedAt: now };
}
