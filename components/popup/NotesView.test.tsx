import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import NotesView, { type ArticleInfo, type NotesApi } from './NotesView';
import type { NewNote, Note } from '../../lib/messages/notes';
import { expectAccessible } from '../../tests/unit/fixtures/a11y';

const now = Date.UTC(2021, 7, 20);
const article: ArticleInfo = { url: 'https://example.org/lavrov', title: 'Lavrov calls for dialogue', site: 'Sputnik' };

/** An in-memory notes backend with the same behaviour as the background's. */
function fakeApi(initial: Note[] = []) {
  let next = 1;
  const store = {
    notes: [...initial],
    listAll: vi.fn(async () => store.notes.filter((n) => !n.deletedAt).sort((a, b) => b.createdAt - a.createdAt)),
    add: vi.fn(async (n: NewNote) => {
      const note: Note = { id: `n${next++}`, entityIds: [], ...n, createdAt: now + next, updatedAt: now + next };
      store.notes.push(note);
      return note;
    }),
    update: vi.fn(async (id: string, text: string) => {
      const note = store.notes.find((n) => n.id === id)!;
      Object.assign(note, { text, updatedAt: note.updatedAt + 1 });
      return note;
    }),
    remove: vi.fn(async (id: string) => Object.assign(store.notes.find((n) => n.id === id)!, { deletedAt: now })),
    restore: vi.fn(async (id: string) => {
      const note = store.notes.find((n) => n.id === id)!;
      delete note.deletedAt;
      return note;
    }),
    exportBackup: vi.fn(async () => 'backstory-backup.json'),
    importBackup: vi.fn(async () => ({ kind: 'backup' as const, notesAdded: 2, notesUpdated: 1, notesUnchanged: 0, articlesAdded: 0, articlesUpdated: 0, articlesUnchanged: 0, settingsRestored: false })),
    saveArticle: vi.fn(async () => ({ sourceId: 'saved-1', mentions: 3, quotes: 1 })),
  };
  return store satisfies NotesApi;
}

const other: Note = { id: 'o1', url: 'https://chinadaily.com.cn/x', title: 'Positive signal', site: 'China Daily', text: 'Kabulov on seven years of contacts', entityIds: [], createdAt: now - 5000, updatedAt: now - 5000 };

describe('NotesView', () => {
  afterEach(cleanup);

  it('adds a note to this article and edits it', async () => {
    const api = fakeApi();
    const { container } = render(<NotesView api={api} article={article} now={now} />);
    expect(await screen.findByText('No notes on this article yet. Write one below.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('New note on this article'), { target: { value: 'Check the Moscow format dates' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const section = await screen.findByRole('region', { name: 'This article' });
    await within(section).findByText('Check the Moscow format dates');
    expect(api.add).toHaveBeenCalledWith({ ...article, text: 'Check the Moscow format dates' });
    fireEvent.click(within(section).getByRole('button', { name: /^Edit/ }));
    fireEvent.input(within(section).getByLabelText('Edit note'), { target: { value: 'Moscow format: April 2017' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Save' }));
    await within(section).findByText('Moscow format: April 2017');
    expectAccessible(container as HTMLElement);
  });

  it('deletes with undo', async () => {
    const api = fakeApi([{ ...other, url: article.url, id: 'a1', text: 'To delete' }]);
    render(<NotesView api={api} article={article} now={now} />);
    const section = await screen.findByRole('region', { name: 'This article' });
    fireEvent.click(await within(section).findByRole('button', { name: /^Delete/ }));
    await waitFor(() => expect(screen.queryAllByText('To delete')).toHaveLength(0));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getAllByText('To delete').length).toBeGreaterThan(0));
  });

  it('searches all notes and filters by site', async () => {
    const api = fakeApi([other, { ...other, id: 'o2', site: 'Sputnik', title: 'Dialogue', text: 'Lavrov welcomed the statement' }]);
    render(<NotesView api={api} article={null} now={now} />);
    expect(await screen.findByText('Open an article to write notes about it.')).toBeTruthy();
    const all = screen.getByRole('region', { name: 'All notes' });
    await within(all).findByText('Lavrov welcomed the statement');
    fireEvent.input(within(all).getByLabelText('Search notes'), { target: { value: 'kabulov' } });
    expect(within(all).queryByText('Lavrov welcomed the statement')).toBeNull();
    expect(within(all).getByText('Kabulov on seven years of contacts')).toBeTruthy();
    fireEvent.input(within(all).getByLabelText('Search notes'), { target: { value: '' } });
    fireEvent.change(within(all).getByLabelText('Site'), { target: { value: 'Sputnik' } });
    expect(within(all).queryByText('Kabulov on seven years of contacts')).toBeNull();
    fireEvent.input(within(all).getByLabelText('Search notes'), { target: { value: 'nothing like this' } });
    expect(within(all).getByText('No note matches.')).toBeTruthy();
  });

  it('saves the article, exports and imports, with errors in place', async () => {
    const api = fakeApi();
    render(<NotesView api={api} article={article} now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save this article' }));
    expect(await screen.findByText('Article saved to your library.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('Exported to backstory-backup.json.')).toBeTruthy();
    const file = new File(['{}'], 'backup.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Import', { selector: 'input' }), { target: { files: [file] } });
    expect(await screen.findByText('Imported 3 notes.')).toBeTruthy();
    api.saveArticle.mockRejectedValueOnce(new Error('No article text'));
    fireEvent.click(screen.getByRole('button', { name: 'Save this article' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No article text');
  });

  it('shows a load error with retry, and the empty state', async () => {
    const api = fakeApi();
    api.listAll.mockRejectedValueOnce(new Error('No answer'));
    render(<NotesView api={api} article={null} now={now} />);
    expect((await screen.findByRole('alert')).textContent).toContain('No answer');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/You have no notes yet/)).toBeTruthy();
  });

  it('shows a passage note with its passage, flags orphans, and deletes with undo', async () => {
    const quote = (exact: string) => ({ quote: { type: 'TextQuoteSelector' as const, exact } });
    const found: Note = { id: 'p1', url: article.url, title: article.title, site: article.site, text: 'Key claim', entityIds: [], target: quote('ready for such dialogue'), createdAt: now - 20, updatedAt: now - 20 };
    const lost: Note = { id: 'p2', url: article.url, title: article.title, site: article.site, text: '', entityIds: [], target: quote('a paragraph since rewritten'), createdAt: now - 10, updatedAt: now - 10 };
    const api = { ...fakeApi([found, lost]), passageStatus: vi.fn(async () => ({ anchored: ['p1'], orphans: ['p2'] })) };
    const { container } = render(<NotesView api={api} article={article} now={now} />);
    const section = await screen.findByRole('region', { name: 'This article' });
    const items = await within(section).findAllByRole('listitem');
    expect(items.map((li) => li.querySelector('blockquote')?.textContent)).toEqual(['On the passage: ready for such dialogue', 'On the passage: a paragraph since rewritten']);
    await waitFor(() => expect(within(items[1]!).getByText('Passage not found on this page')).toBeTruthy());
    expect(within(items[0]!).queryByText('Passage not found on this page')).toBeNull();
    expectAccessible(container as HTMLElement);

    fireEvent.click(within(items[1]!).getByRole('button', { name: /^Delete/ }));
    expect(await screen.findByText('Note deleted.')).toBeTruthy();
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(2));
    expect(api.passageStatus.mock.calls.length).toBeGreaterThanOrEqual(3);
  });
});
