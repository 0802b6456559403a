import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import NoteForm from './NoteForm';

// Unmount between tests (Vitest globals are off, so Testing Library cannot do it itself).
afterEach(cleanup);

describe('NoteForm', () => {
  it('opens a labelled field, saves the trimmed text and announces it', async () => {
    const onSubmit = vi.fn(async () => {});
    render(<NoteForm entityName="Sergei Lavrov" onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const field = screen.getByLabelText('Note about Sergei Lavrov') as HTMLTextAreaElement;
    await waitFor(() => expect(field.ownerDocument.activeElement).toBe(field));
    const save = screen.getByRole('button', { name: 'Save note' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.input(field, { target: { value: '  Compare with the TASS version  ' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Note saved.'));
    expect(onSubmit).toHaveBeenCalledWith('Compare with the TASS version');
  });

  it('keeps the text and says so when saving fails', async () => {
    render(<NoteForm entityName="Sergei Lavrov" onSubmit={() => Promise.reject(new Error('offline'))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const field = screen.getByLabelText('Note about Sergei Lavrov') as HTMLTextAreaElement;
    fireEvent.input(field, { target: { value: '<img src=x onerror=alert(1)>' } });
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not save the note. Try again.'));
    expect(field.value).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('cancels back to the button', () => {
    render(<NoteForm entityName="Sergei Lavrov" onSubmit={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Add note' })).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
