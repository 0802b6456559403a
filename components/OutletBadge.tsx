import type { Source } from '../lib/dataset/types';
import { formatDate, outletSlot } from './format';

/** Props of {@link OutletBadge}. */
export interface OutletBadgeProps {
  /** The source to name; undefined when the card lacks it (shown as "Unknown outlet"). */
  source: Source | undefined;
  /** Also show the publication date after the outlet name. */
  withDate?: boolean;
}

/**
 * An outlet's name in its stable colour, optionally with the article's date. Articles the reader
 * saved are marked as theirs, so their facts are never mistaken for the bundled dataset's.
 */
export default function OutletBadge({ source, withDate = false }: OutletBadgeProps) {
  const publisher = source?.publisher ?? 'Unknown outlet';
  const date = withDate && source ? formatDate(source.published) : '';
  return (
    <span class="outlet">
      <span class="outlet-name" data-slot={outletSlot(publisher)} dir="auto">
        {publisher}
      </span>
      {source?.origin === 'saved' && (
        <span class="outlet-saved" title="An article you saved">
          your source
        </span>
      )}
      {date && (
        <time class="outlet-date" dateTime={source?.published}>
          {date}
        </time>
      )}
    </span>
  );
}
