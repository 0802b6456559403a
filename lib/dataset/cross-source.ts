/**
 * Cross-source context: for each entity and each source, what that source says of it; and the
 * curated claims, whose evidence the code locates verbatim in each source.
 */
import type { ExtractedArticle } from '../extract/extract-article';
import type { RegistryClaim } from './registry';
import type { Claim, ClaimSide, Quote, Role, SourceContext } from './types';

/** One extracted article with the id of its source. */
export interface SourceExtraction {
  sourceId: string;
  article: ExtractedArticle;
}

/** What each source says of each entity it mentions or quotes, in source then entity order. */
export function buildContext(
  extractions: readonly SourceExtraction[],
  entityIds: readonly string[],
  entityRoles: ReadonlyMap<string, readonly Role[]>,
  quotes: readonly Quote[],
): SourceContext[] {
  const out: SourceContext[] = [];
  for (const { sourceId, article } of extractions) {
    for (const entityId of entityIds) {
      const spans = article.mentions.filter((m) => m.entityId === entityId);
      const quoteIds = quotes.filter((q) => q.sourceId === sourceId && q.speakerId === entityId).map((q) => q.id);
      if (spans.length === 0 && quoteIds.length === 0) continue;
      const sentences = article.sentences
        .filter((s) => spans.some((m) => m.start >= s.start && m.start < s.end))
        .map((s) => ({ sourceId, text: article.text.slice(s.start, s.end), start: s.start, end: s.end }));
      out.push({
        entityId,
        sourceId,
        sentences,
        roles: (entityRoles.get(entityId) ?? []).filter((r) => r.sourceId === sourceId),
        quoteIds,
      });
    }
  }
  return out;
}

/**
 * Locates a claim side's anchor: it must occur exactly once in the source's text. The evidence
 * is the sentence (or run of sentences) containing it.
 */
export function locateClaimSide(extraction: SourceExtraction, anchor: string): ClaimSide {
  const { article, sourceId } = extraction;
  const at = article.text.indexOf(anchor);
  if (at < 0) throw new Error(`Claim anchor not found in ${sourceId}: ${JSON.stringify(anchor)}`);
  if (article.text.indexOf(anchor, at + 1) >= 0) throw new Error(`Claim anchor occurs more than once in ${sourceId}: ${JSON.stringify(anchor)}`);
  const end = at + anchor.length;
  const covering = article.sentences.filter((s) => s.end > at && s.start < end);
  const start = covering[0]?.start ?? at;
  const stop = covering.at(-1)?.end ?? end;
  return { sourceId, evidence: article.text.slice(start, stop), start, end: stop, anchor: { text: anchor, start: at, end } };
}

/** Builds the claims, locating every side in its source. */
export function buildClaims(curated: readonly RegistryClaim[], extractions: readonly SourceExtraction[]): Claim[] {
  return curated.map((c) => {
    const sides = c.sides.map((side) => {
      const extraction = extractions.find((x) => x.sourceId === side.sourceId);
      if (!extraction) throw new Error(`Claim ${c.id} names an unknown source ${side.sourceId}`);
      return locateClaimSide(extraction, side.anchor);
    });
    const claim: Claim = { id: c.id, topic: c.topic, kind: c.kind, entityIds: [...c.entityIds], sides };
    if (c.note) claim.note = c.note;
    return claim;
  });
}
