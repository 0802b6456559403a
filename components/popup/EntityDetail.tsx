import { useEffect, useId, useRef } from 'preact/hooks';
import type { EntityCard as CardData } from '../../lib/messages/entities';
import type { Note } from '../../lib/messages/notes';
import EntityCard from '../EntityCard';
import NoteList from './NoteList';
import { useT } from './use-t';

/** Props of {@link EntityDetail}. */
export interface EntityDetailProps {
  /** The entity's card; undefined while loading, null when the entity no longer exists. */
  card: CardData | null | undefined;
  /** A loading failure, shown in place. */
  error?: string | null;
  /** Repeats a failed load. */
  onRetry?: () => void;
  /** The reader's notes about this entity. */
  notes: readonly Note[];
  /** Returns to the view the entity was opened from (also on Escape). */
  onBack: () => void;
  /** Adds a note about this entity on the current article; hidden when no article is open. */
  onAddNote?: (text: string) => Promise<void>;
  /** Edits and deletes notes in place. */
  onUpdateNote?: (id: string, text: string) => Promise<void>;
  onDeleteNote?: (id: string) => Promise<void>;
  /** The page being read, so the card can lead with its role. */
  currentUrl?: string;
  /** Epoch milliseconds for relative dates. */
  now: number;
}

/**
 * One entity with room to read: the same card as the hover popover (roles with provenance,
 * quotes, what each outlet said, sightings), not compacted, and the reader's notes about it.
 */
export default function EntityDetail({ card, error, onRetry, notes, onBack, onAddNote, onUpdateNote, onDeleteNote, currentUrl, now }: EntityDetailProps) {
  const t = useT();
  const back = useRef<HTMLButtonElement>(null);
  const labelId = useId();
  const notesId = useId();

  // Focus lands on Back, so Enter/Escape/Tab all make sense right away.
  useEffect(() => back.current?.focus(), []);

  const name = card?.entity.name ?? '';
  return (
    <section
      class="view detail-view"
      aria-labelledby={card ? labelId : undefined}
      aria-label={card ? undefined : t('back')}
      aria-busy={card === undefined && !error}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onBack();
        }
      }}
    >
      <div class="detail-bar">
        <button ref={back} type="button" class="button back" onClick={onBack}>
          <span aria-hidden="true">← </span>
          {t('back')}
        </button>
      </div>
      {error ? (
        <div class="notice error" role="alert">
          <p>{t('detailError', error)}</p>
          {onRetry && (
            <button type="button" class="button" onClick={onRetry}>
              {t('retry')}
            </button>
          )}
        </div>
      ) : card === undefined ? (
        <p class="loading">{t('detailLoading')}</p>
      ) : card === null ? (
        <p class="empty">{t('detailMissing')}</p>
      ) : (
        <>
          <EntityCard card={card} labelId={labelId} now={now} currentUrl={currentUrl} onAddNote={onAddNote} />
          <section class="section detail-notes" aria-labelledby={notesId}>
            <h3 id={notesId}>{t('detailNotesHeading', name)}</h3>
            {notes.length > 0 ? (
              <NoteList notes={notes} showArticle onUpdate={onUpdateNote} onDelete={onDeleteNote} now={now} labelledBy={notesId} />
            ) : (
              <p class="empty-inline">{t('detailNotesEmpty', name)}</p>
            )}
          </section>
        </>
      )}
    </section>
  );
}
