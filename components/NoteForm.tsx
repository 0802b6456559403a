import { useId, useRef, useState } from 'preact/hooks';
import NoteField from './NoteField';

/** Props of {@link NoteForm}. */
export interface NoteFormProps {
  /** The entity the note is about, for the field's label. */
  entityName: string;
  /** Saves the note; a rejected promise shows an error and keeps the text. */
  onSubmit: (text: string) => Promise<void> | void;
}

type State = 'closed' | 'editing' | 'saving' | 'saved' | 'failed';

/** "Add note" button that opens a small form for a note about this entity on this article. */
export default function NoteForm({ entityName, onSubmit }: NoteFormProps) {
  const [state, setState] = useState<State>('closed');
  const [text, setText] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  async function save(event?: Event) {
    event?.preventDefault();
    const value = text.trim();
    if (!value || state === 'saving') return;
    setState('saving');
    try {
      await onSubmit(value);
      setText('');
      setState('saved');
    } catch {
      setState('failed');
    }
  }

  if (state === 'closed' || state === 'saved') {
    return (
      <div class="note-form">
        <button
          type="button"
          class="button"
          onClick={() => {
            setState('editing');
            // Focus after the field exists.
            queueMicrotask(() => field.current?.focus());
          }}
        >
          Add note
        </button>
        <span role="status" class="status">
          {state === 'saved' ? 'Note saved.' : ''}
        </span>
      </div>
    );
  }

  return (
    <form class="note-form open" onSubmit={save}>
      <label for={id}>{`Note about ${entityName}`}</label>
      <NoteField id={id} fieldRef={field} value={text} onInput={setText} onSave={() => void save()} disabled={state === 'saving'} />
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={!text.trim() || state === 'saving'}>
          {state === 'saving' ? 'Saving…' : 'Save note'}
        </button>
        <button type="button" class="button" onClick={() => setState('closed')}>
          Cancel
        </button>
        <span role="status" class="status">
          {state === 'failed' ? 'Could not save the note. Try again.' : ''}
        </span>
      </div>
    </form>
  );
}
