import { useId, useState } from 'preact/hooks';
import type { Note } from '../../lib/messages/notes';
import { formatRelative, safeHref } from '../format';
import NoteField from '../NoteField';
import { useT } from './use-t';

/** Props of {@link NoteList}. */
export interface NoteListProps {
  notes: readonly Note[];
  /** Show each note's article (title, site, link): for lists spanning articles. */
  showArticle?: boolean;
  /** Saves new text; without it notes are read-only. A rejection keeps the editor open with the error. */
  onUpdate?: (id: string, text: string) => Promise<void>;
  /** Deletes a note; without it there is no delete button. */
  onDelete?: (id: string) => Promise<void>;
  /** Epoch milliseconds for relative dates. */
  now: number;
  /** Id of the heading naming the list. */
  labelledBy?: string;
  /** Passage notes whose passage is not on the open page: flagged, so the reader knows they are detached. */
  orphans?: ReadonlySet<string>;
}

function NoteEditor({ note, onSave, onCancel }: { note: Note; onSave: (text: string) => Promise<void>; onCancel: () => void }) {
  const t = useT();
  const [text, setText] = useState(note.text);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  async function save(event?: Event) {
    event?.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await onSave(text.trim());
    } catch (failure) {
      setError(t('noteError', failure instanceof Error ? failure.message : String(failure)));
      setSaving(false);
    }
  }

  return (
    <form
      class="note-editor"
      onSubmit={save}
      onKeyDown={(event) => {
        // Escape leaves the editor, not the whole view.
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <label for={id} class="visually-hidden">
        {t('noteEditLabel')}
      </label>
      <NoteField id={id} fieldRef={(el) => el?.focus()} value={text} onInput={setText} onSave={() => void save()} errorId={error ? `${id}-error` : undefined} />
      {error && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" class="button primary" disabled={saving || (text.trim() === '' && !note.target)}>
          {t('noteSave')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('noteCancel')}
        </button>
      </div>
    </form>
  );
}

/** Notes as a list; each can be edited in place and deleted when the callbacks are given. */
export default function NoteList({ notes, showArticle = false, onUpdate, onDelete, now, labelledBy, orphans }: NoteListProps) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <ul class="note-list" aria-labelledby={labelledBy}>
      {notes.map((note) => {
        const href = safeHref(note.url);
        return (
          <li key={note.id} class={orphans?.has(note.id) ? 'note orphan' : 'note'} data-note-id={note.id}>
            {note.target && (
              <blockquote class="note-passage" dir="auto">
                <span class="visually-hidden">{`${t('notePassage')}: `}</span>
                {note.target.quote.exact}
              </blockquote>
            )}
            {note.target && orphans?.has(note.id) && <p class="note-orphan">{t('notePassageOrphan')}</p>}
            {editing === note.id && onUpdate ? (
              <NoteEditor
                note={note}
                onSave={async (text) => {
                  await onUpdate(note.id, text);
                  setEditing(null);
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              note.text && (
                <p class="note-text" dir="auto">
                  {note.text}
                </p>
              )
            )}
            <p class="note-meta">
              {showArticle && (
                <>
                  {href ? (
                    <a href={href} target="_blank" rel="noreferrer" dir="auto">
                      {note.title || note.url}
                    </a>
                  ) : (
                    <span dir="auto">{note.title || note.url}</span>
                  )}
                  <span class="note-site">{note.site}</span>
                </>
              )}
              <time dateTime={new Date(note.updatedAt).toISOString()}>
                {note.updatedAt > note.createdAt ? t('noteUpdated', formatRelative(note.updatedAt, now)) : formatRelative(note.createdAt, now)}
              </time>
            </p>
            {editing !== note.id && (onUpdate || onDelete) && (
              <div class="row note-actions">
                {onUpdate && (
                  <button type="button" class="button small" aria-label={`${t('noteEdit')}: ${note.text || note.target?.quote.exact || ''}`.slice(0, 120)} onClick={() => setEditing(note.id)}>
                    {t('noteEdit')}
                  </button>
                )}
                {onDelete && (
                  <button type="button" class="button small danger" aria-label={`${t('noteDelete')}: ${note.text || note.target?.quote.exact || ''}`.slice(0, 120)} onClick={() => void onDelete(note.id)}>
                    {t('noteDelete')}
                  </button>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
