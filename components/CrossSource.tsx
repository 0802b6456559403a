import { useState } from 'preact/hooks';
import type { Claim, Source, SourceContext } from '../lib/dataset/types';
import { safeHref } from './format';
import OutletBadge from './OutletBadge';

/** Props of {@link CrossSource}. */
export interface CrossSourceProps {
  /** The entity's display name, for sentences like "Only Sputnik mentions ...". */
  entityName: string;
  /** What each source says of the entity. */
  context: readonly SourceContext[];
  /** Claims where outlets agree or differ. */
  claims: readonly Claim[];
  /** Finds a source by id. */
  sourceOf: (id: string) => Source | undefined;
  /** Show only this many sentences per outlet at first. */
  initialSentences?: number;
}

/** One outlet's column: the article, the roles it states and the sentences about the entity. */
function OutletColumn({ context, source, initialSentences }: { context: SourceContext; source: Source | undefined; initialSentences: number }) {
  const [showAll, setShowAll] = useState(false);
  const sentences = showAll ? context.sentences : context.sentences.slice(0, initialSentences);
  const more = context.sentences.length - sentences.length;
  const href = source?.url ? safeHref(source.url) : null;
  const quoteCount = context.quoteIds.length;
  return (
    <li class="outlet-column">
      <OutletBadge source={source} withDate />
      {source &&
        (href ? (
          <a class="article-title" href={href} target="_blank" rel="noopener noreferrer" dir="auto">
            {source.title}
          </a>
        ) : (
          <span class="article-title" dir="auto">
            {source.title}
          </span>
        ))}
      {context.roles.length > 0 && (
        <p class="stated-roles" dir="auto">
          {context.roles.map((role) => role.title).join('; ')}
        </p>
      )}
      <ul class="sentences">
        {sentences.map((sentence) => (
          <li key={sentence.start} dir="auto">
            {sentence.text}
          </li>
        ))}
      </ul>
      {more > 0 && (
        <button type="button" class="link-button more" onClick={() => setShowAll(true)}>
          {`Show ${more} more`}
        </button>
      )}
      {quoteCount > 0 && <p class="meta">{quoteCount === 1 ? '1 quote' : `${quoteCount} quotes`}</p>}
    </li>
  );
}

/** Side by side, what each outlet said of the entity, then the claims where outlets agree or differ. */
export default function CrossSource({ entityName, context, claims, sourceOf, initialSentences = 2 }: CrossSourceProps) {
  const only = context.length === 1 ? sourceOf(context[0]!.sourceId) : undefined;
  return (
    <>
      {only && (
        <p class="note" dir="auto">
          {`Only ${only.publisher} mentions ${entityName}.`}
        </p>
      )}
      {context.length > 0 && (
        <ul class="outlet-columns">
          {context.map((item) => (
            <OutletColumn key={item.sourceId} context={item} source={sourceOf(item.sourceId)} initialSentences={initialSentences} />
          ))}
        </ul>
      )}
      {claims.length > 0 && (
        <ul class="claim-list">
          {claims.map((claim) => (
            <li key={claim.id} class="claim" data-kind={claim.kind}>
              <div class="claim-head">
                <span class="tag" data-kind={claim.kind}>
                  {claim.kind === 'agree' ? 'Agree' : 'Differ'}
                </span>
                <span class="claim-topic" dir="auto">
                  {claim.topic}
                </span>
              </div>
              {claim.note && (
                <p class="claim-note" dir="auto">
                  {claim.note}
                </p>
              )}
              <ul class="claim-sides">
                {claim.sides.map((side) => (
                  <li key={`${side.sourceId}-${side.start}`} class="claim-side">
                    <OutletBadge source={sourceOf(side.sourceId)} />
                    <blockquote class="evidence" dir="auto">
                      {side.evidence}
                    </blockquote>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
