import { useEffect, useId, useRef, useState } from 'preact/hooks';
import NoteField from './NoteField';

/** Props of {@link NoteComposer}. */
export interface NoteComposerProps {
  /** False: only the small "Add note" button next to the selection; true: the note form. */
  open: boolean;
  /** The selected passage, shown above the field so the reader sees what the note is on. */
  quote: string;
  /** The reader chose "Add note". */
  onOpen: () => void;
  /** Saves the note (the trimmed text, possibly empty: a plain highlight); a rejection is shown and keeps the text. */
  onSave: (text: string) => Promise<void>;
  /** Closes without saving (Cancel, Escape). */
  onCancel: () => void;
}

/** Longest stretch of the passage shown in the form; the whole passage is stored. */
const QUOTE_PREVIEW = 160;

function preview(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_PREVIEW ? `${flat.slice(0, QUOTE_PREVIEW - 1)}…` : flat;
}

/** "Add note" next to a text selection, and the small form that writes a note on that passage. */
export default function NoteComposer({ open, quote, onOpen, onSave, onCancel }: NoteComposerProps) {
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    setText('');
    setError(null);
    setSaving(false);
    field.current?.focus();
  }, [open, quote]);

  if (!open) {
    return (
      <button
        type="button"
        class="note-add"
        aria-label="Add note to selection"
        // Keeps the page's selection: a pressed button would otherwise clear it.
        onPointerDown={(event) => event.preventDefault()}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onOpen}
      >
        Add note
      </button>
    );
  }

  async function save(event?: Event) {
    event?.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      await onSave(text.trim());
    } catch (failure) {
      setError(`Could not save the note: ${failure instanceof Error ? failure.message : String(failure)}`);
      setSaving(false);
    }
  }

  return (
    <div
      class="note-composer"
      role="dialog"
      aria-label="Note on the passage"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <form class="note-form" onSubmit={save}>
      <blockquote class="note-quote" dir="auto">
        {preview(quote)}
      </blockquote>
      <label for={id}>Your note (optional)</label>
      <NoteField id={id} fieldRef={field} value={text} onInput={setText} onSave={() => void save()} disabled={saving} errorId={error ? `${id}-error` : undefined} />
      {error && (
        <p id={`${id}-error`} class="note-error" role="alert">
          {error}
        </p>
      )}
      <div class="note-actions">
        <button type="submit" class="button primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save note'}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      </form>
    </div>
  );
}
