import { useState } from 'preact/hooks';
import type { Quote, Source } from '../lib/dataset/types';
import { truncate } from './format';
import OutletBadge from './OutletBadge';

/** Props of {@link QuoteList}. */
export interface QuoteListProps {
  /** Quotes to show, in the order given. */
  quotes: readonly Quote[];
  /** Finds a source by id. */
  sourceOf: (id: string) => Source | undefined;
  /** Show who said each quote (for quotes about the entity by someone else). */
  showSpeaker?: boolean;
  /** Quotes longer than this many characters are shortened with a "Show more" button. */
  maxChars?: number;
  /** Show only this many quotes at first, with a button for the rest. */
  initialCount?: number;
}

/** One quote, shortened when long, with its outlet and date. */
function QuoteItem({ quote, source, showSpeaker, maxChars }: { quote: Quote; source: Source | undefined; showSpeaker: boolean; maxChars: number }) {
  const [expanded, setExpanded] = useState(false);
  const short = truncate(quote.text, maxChars);
  return (
    <li class="quote">
      <blockquote class="quote-text" dir="auto">
        {expanded ? quote.text : short.text}
      </blockquote>
      <div class="meta">
        {showSpeaker && (
          <span class="quote-speaker" dir="auto">
            {quote.speaker ?? 'Unattributed'}
          </span>
        )}
        <OutletBadge source={source} withDate />
        {quote.partial && <span class="tag">fragment</span>}
        {short.truncated && (
          <button type="button" class="link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show less' : 'Show full quote'}
          </button>
        )}
      </div>
    </li>
  );
}

/** A list of quotes, each with outlet and date; long quotes are truncated with an expand button. */
export default function QuoteList({ quotes, sourceOf, showSpeaker = false, maxChars = 200, initialCount = Infinity }: QuoteListProps) {
  const [showAll, setShowAll] = useState(false);
  const visible = showAll ? quotes : quotes.slice(0, initialCount);
  const hidden = quotes.length - visible.length;
  return (
    <>
      <ul class="quote-list">
        {visible.map((quote) => (
          <QuoteItem key={quote.id} quote={quote} source={sourceOf(quote.sourceId)} showSpeaker={showSpeaker} maxChars={maxChars} />
        ))}
      </ul>
      {hidden > 0 && (
        <button type="button" class="link-button more" onClick={() => setShowAll(true)}>
          {`Show ${hidden} more ${hidden === 1 ? 'quote' : 'quotes'}`}
        </button>
      )}
    </>
  );
}
