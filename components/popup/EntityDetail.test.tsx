import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import EntityDetail from './EntityDetail';
import { lavrovCard } from '../test-fixtures';
import type { Note } from '../../lib/messages/notes';
import { expectAccessible } from '../../tests/unit/fixtures/a11y';

const now = Date.UTC(2021, 7, 20);
const note: Note = {
  id: 'n1',
  url: 'https://sputniknews.com/a',
  title: 'Lavrov: Russia Calls for Nationwide Dialogue',
  site: 'Sputnik',
  text: 'Compare with the China Daily wording.',
  entityIds: ['sergei-lavrov'],
  createdAt: now - 3600_000,
  updatedAt: now - 3600_000,
};

describe('EntityDetail', () => {
  afterEach(cleanup);

  it('shows the full card named by the entity, with roles, quotes and the reader notes', () => {
    const { container } = render(<EntityDetail card={lavrovCard} notes={[note]} onBack={() => {}} now={now} />);
    expect(screen.getByRole('region', { name: 'Sergei Lavrov' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Sergei Lavrov' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Roles' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Quotes' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Your notes about Sergei Lavrov' })).toBeTruthy();
    expect(screen.getByText('Compare with the China Daily wording.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Lavrov: Russia Calls for Nationwide Dialogue' }).getAttribute('href')).toBe(note.url);
    expectAccessible(container as HTMLElement);
  });

  it('focuses Back on open and goes back on click or Escape', () => {
    const onBack = vi.fn();
    render(<EntityDetail card={lavrovCard} notes={[]} onBack={onBack} now={now} />);
    const back = screen.getByRole('button', { name: /Back/ });
    expect(document.activeElement).toBe(back);
    fireEvent.keyDown(back, { key: 'Escape' });
    fireEvent.click(back);
    expect(onBack).toHaveBeenCalledTimes(2);
    expect(screen.getByText(/No notes about Sergei Lavrov yet/)).toBeTruthy();
  });

  it('has loading, missing and error states', () => {
    const onRetry = vi.fn();
    const { rerender } = render(<EntityDetail card={undefined} notes={[]} onBack={() => {}} now={now} />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    rerender(<EntityDetail card={null} notes={[]} onBack={() => {}} now={now} />);
    expect(screen.getByText('This entity is no longer in the library.')).toBeTruthy();
    rerender(<EntityDetail card={undefined} error="No answer" onRetry={onRetry} notes={[]} onBack={() => {}} now={now} />);
    expect(screen.getByRole('alert').textContent).toContain('No answer');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('edits a note in place; Escape in the editor cancels without leaving', async () => {
    const onBack = vi.fn();
    const onUpdateNote = vi.fn(async () => {});
    render(<EntityDetail card={lavrovCard} notes={[note]} onBack={onBack} onUpdateNote={onUpdateNote} now={now} />);
    fireEvent.click(screen.getByRole('button', { name: /^Edit/ }));
    const editor = screen.getByLabelText('Edit note');
    fireEvent.keyDown(editor, { key: 'Escape' });
    expect(onBack).not.toHaveBeenCalled();
    expect(screen.queryByLabelText('Edit note')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^Edit/ }));
    fireEvent.input(screen.getByLabelText('Edit note'), { target: { value: 'Edited text' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(onUpdateNote).toHaveBeenCalledWith('n1', 'Edited text'));
  });
});
