import type { Ref } from 'preact';

/** Props of {@link NoteField}. */
export interface NoteFieldProps {
  id: string;
  value: string;
  onInput: (value: string) => void;
  /** Ctrl+Enter (⌘+Enter on a Mac): saves, like the form's submit button. */
  onSave: () => void;
  disabled?: boolean;
  /** Id of the message describing the field's error, when there is one: the field is then marked invalid. */
  errorId?: string;
  fieldRef?: Ref<HTMLTextAreaElement>;
}

/**
 * The text field of every note form (on a passage, on an entity, editing in the popup): three rows,
 * written in the direction of its own text (`dir="auto"`, for right-to-left notes), saved with
 * Ctrl+Enter or ⌘+Enter.
 */
export default function NoteField({ id, value, onInput, onSave, disabled, errorId, fieldRef }: NoteFieldProps) {
  return (
    <textarea
      id={id}
      ref={fieldRef}
      rows={3}
      dir="auto"
      value={value}
      disabled={disabled}
      aria-invalid={errorId ? true : undefined}
      aria-describedby={errorId}
      onInput={(event) => onInput(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          onSave();
        }
      }}
    />
  );
}
