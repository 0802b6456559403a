import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import NoteField from './NoteField';

afterEach(cleanup);

describe('NoteField', () => {
  it('passes the typed text on and follows its direction', () => {
    const onInput = vi.fn();
    render(<NoteField id="n" value="" onInput={onInput} onSave={() => {}} />);
    const field = screen.getByRole('textbox') as HTMLTextAreaElement;
    expect(field.getAttribute('dir')).toBe('auto');
    fireEvent.input(field, { target: { value: 'ملاحظة' } });
    expect(onInput).toHaveBeenCalledWith('ملاحظة');
  });

  it('saves on Ctrl+Enter and ⌘+Enter, without adding a line; a plain Enter adds one', () => {
    const onSave = vi.fn();
    render(<NoteField id="n" value="x" onInput={() => {}} onSave={onSave} />);
    const field = screen.getByRole('textbox');
    expect(fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true })).toBe(false);
    expect(fireEvent.keyDown(field, { key: 'Enter', metaKey: true })).toBe(false);
    expect(onSave).toHaveBeenCalledTimes(2);
    expect(fireEvent.keyDown(field, { key: 'Enter' })).toBe(true);
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it('is marked invalid and described by the error message when there is one', () => {
    const { rerender } = render(<NoteField id="n" value="" onInput={() => {}} onSave={() => {}} />);
    const field = screen.getByRole('textbox');
    expect(field.hasAttribute('aria-invalid')).toBe(false);
    expect(field.hasAttribute('aria-describedby')).toBe(false);
    rerender(<NoteField id="n" value="" onInput={() => {}} onSave={() => {}} errorId="n-error" />);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe('n-error');
  });
});
