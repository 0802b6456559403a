import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../tests/unit/fixtures/a11y';
import NoteComposer from './NoteComposer';

afterEach(cleanup);

const quote = "welcomes the Taliban's recent statement that they are ready for such dialogue";

describe('NoteComposer', () => {
  it('is a single "Add note" button that keeps the page selection', () => {
    const onOpen = vi.fn();
    render(<NoteComposer open={false} quote={quote} onOpen={onOpen} onSave={async () => {}} onCancel={() => {}} />);
    const button = screen.getByRole('button', { name: 'Add note to selection' });
    expect(button.textContent).toBe('Add note');
    // A default mousedown would move focus and clear the selection.
    expect(fireEvent.mouseDown(button)).toBe(false);
    fireEvent.click(button);
    expect(onOpen).toHaveBeenCalledOnce();
  });

  it('opens a labelled dialog on the passage, focused, and saves the trimmed text', async () => {
    const onSave = vi.fn(async () => {});
    const { container } = render(<NoteComposer open quote={quote} onOpen={() => {}} onSave={onSave} onCancel={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Note on the passage' });
    expect(dialog.querySelector('blockquote')?.textContent).toBe(quote);
    const field = screen.getByLabelText('Your note (optional)') as HTMLTextAreaElement;
    await waitFor(() => expect(document.activeElement).toBe(field));
    expectAccessible(container as HTMLElement);
    fireEvent.input(field, { target: { value: '  Key claim  ' } });
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(onSave).toHaveBeenCalledWith('Key claim'));
  });

  it('saves an empty note as a plain highlight', async () => {
    const onSave = vi.fn(async () => {});
    render(<NoteComposer open quote={quote} onOpen={() => {}} onSave={onSave} onCancel={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith(''));
  });

  it('keeps the text and shows the error when saving fails; Escape and Cancel close', async () => {
    const onCancel = vi.fn();
    render(<NoteComposer open quote={quote} onOpen={() => {}} onSave={() => Promise.reject(new Error('offline'))} onCancel={onCancel} />);
    const field = screen.getByLabelText('Your note (optional)') as HTMLTextAreaElement;
    fireEvent.input(field, { target: { value: '<img src=x onerror=alert(1)>' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save the note: offline');
    expect(field.value).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
    fireEvent.keyDown(field, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(2);
  });

  it('shortens a long passage in the form', () => {
    render(<NoteComposer open quote={'word '.repeat(100)} onOpen={() => {}} onSave={async () => {}} onCancel={() => {}} />);
    const shown = screen.getByRole('dialog').querySelector('blockquote')!.textContent!;
    expect(shown.length).toBe(160);
    expect(shown.endsWith('…')).toBe(true);
  });
});
