import type { Sighting } from '../lib/messages/entities';
import { formatRelative, safeHref } from './format';

/** Props of {@link SightingList}. */
export interface SightingListProps {
  /** Pages where the reader met the entity. */
  sightings: readonly Sighting[];
  /** The entity's name, for the empty message. */
  entityName: string;
  /** Epoch milliseconds used for "3 days ago". */
  now: number;
  /** The page being read; it is left out (the list is about *other* pages). */
  currentUrl?: string;
}

function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** The reader's own trail: other pages where they met this entity, newest first. */
export default function SightingList({ sightings, entityName, now, currentUrl }: SightingListProps) {
  const here = currentUrl === undefined ? null : withoutHash(currentUrl);
  const others = sightings.filter((s) => withoutHash(s.url) !== here).sort((a, b) => b.seenAt - a.seenAt);
  if (others.length === 0) {
    return (
      <p class="empty" dir="auto">
        {`You have not met ${entityName} on other pages yet.`}
      </p>
    );
  }
  return (
    <ul class="sighting-list">
      {others.map((sighting) => {
        const href = safeHref(sighting.url);
        const title = sighting.title || sighting.url;
        return (
          <li key={`${sighting.url}-${sighting.seenAt}`} class="sighting">
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer" dir="auto">
                {title}
              </a>
            ) : (
              <span dir="auto">{title}</span>
            )}
            <span class="meta">
              <span dir="auto">{sighting.site}</span>
              <time dateTime={new Date(sighting.seenAt).toISOString()}>{formatRelative(sighting.seenAt, now)}</time>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
