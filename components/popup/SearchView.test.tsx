import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SearchView, { type SearchFilters } from './SearchView';
import { buildEntityIndex } from '../../lib/search/entity-index';
import { miniDataset } from '../../tests/unit/fixtures/mini-dataset';
import { expectAccessible } from '../../tests/unit/fixtures/a11y';

const dataset = miniDataset();
const index = buildEntityIndex(dataset);
const search = vi.fn(async (query: string, filters: SearchFilters) => index.search(query, filters));

function setup(props: Partial<Parameters<typeof SearchView>[0]> = {}) {
  const onOpen = vi.fn();
  const view = render(<SearchView search={search} sources={dataset.sources} onOpen={onOpen} autoFocus {...props} />);
  return { onOpen, ...view };
}

const type = (text: string) => fireEvent.input(screen.getByLabelText('Search entities'), { target: { value: text } });

describe('SearchView', () => {
  afterEach(cleanup);

  it('focuses the field labelled "Search entities" and browses every entity by type', async () => {
    const { container } = setup();
    const field = screen.getByRole('searchbox', { name: 'Search entities' });
    expect(document.activeElement).toBe(field);
    await screen.findByRole('heading', { name: 'People' });
    expect(screen.getByRole('heading', { name: 'Places' })).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(6);
    expectAccessible(container as HTMLElement);
  });

  it('shows results as you type: Kabulov finds Zamir Kabulov, Sergey finds Sergei Lavrov', async () => {
    setup();
    type('Kabulov');
    await waitFor(() => expect(screen.getAllByRole('listitem')[0]?.textContent).toContain('Zamir Kabulov'));
    expect(screen.getByRole('status').textContent).toMatch(/result/);
    type('Sergey');
    await waitFor(() => expect(screen.getAllByRole('listitem').map((li) => li.textContent).join()).toContain('Sergei Lavrov'));
  });

  it('filters by type and by source', async () => {
    setup();
    type('kab');
    await screen.findByText('Zamir Kabulov');
    fireEvent.click(screen.getByRole('radio', { name: 'Places' }));
    await waitFor(() => expect(screen.queryByText('Zamir Kabulov')).toBeNull());
    expect(screen.getByText('Kabul')).toBeTruthy();
    expect(search).toHaveBeenLastCalledWith('kab', { types: ['place'] });
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'sputnik-2021-08-19-lavrov' } });
    await waitFor(() => expect(search).toHaveBeenLastCalledWith('kab', { types: ['place'], sourceIds: ['sputnik-2021-08-19-lavrov'] }));
  });

  it('moves through the type filters with arrow keys (one tab stop)', async () => {
    setup();
    const all = screen.getByRole('radio', { name: 'All' });
    all.focus();
    fireEvent.keyDown(all, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'People' }));
    await waitFor(() => expect(screen.getByRole('radio', { name: 'People' }).getAttribute('aria-checked')).toBe('true'));
    expect(screen.getByRole('radio', { name: 'All' }).tabIndex).toBe(-1);
  });

  it('works by keyboard: arrows through results, Enter opens, up returns to the field', async () => {
    const { onOpen } = setup();
    type('Kab');
    await screen.findByText('Zamir Kabulov');
    const field = screen.getByLabelText('Search entities');
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    const buttons = within(document.body).getAllByRole('button').filter((b) => b.hasAttribute('data-result'));
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(buttons[1]!, { key: 'ArrowUp' });
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(field);
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(buttons[0]!.getAttribute('data-entity-id'));
    fireEvent.click(screen.getByText('Zamir Kabulov'));
    expect(onOpen).toHaveBeenLastCalledWith('zamir-kabulov');
  });

  it('says what to do when nothing matches, or when the library is empty', async () => {
    setup();
    type('Qqqqxyzzy');
    expect((await screen.findByText(/No entity matches/)).textContent).toContain('“Qqqqxyzzy”');
    cleanup();
    setup({ search: async () => [] });
    expect(await screen.findByText('The library is empty.')).toBeTruthy();
  });

  it('shows errors in place and retries', async () => {
    const failing = vi.fn().mockRejectedValueOnce(new Error('No answer to entity.search')).mockResolvedValue([]);
    setup({ search: failing });
    expect((await screen.findByRole('alert')).textContent).toContain('No answer to entity.search');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('The library is empty.');
  });

  it('ignores answers that arrive after a newer query', async () => {
    let resolveSlow: (v: never[]) => void = () => {};
    const slow = vi.fn((query: string) => (query === 'slow' ? new Promise<never[]>((r) => (resolveSlow = r)) : Promise.resolve(index.search(query))));
    setup({ search: slow });
    type('slow');
    type('Kabulov');
    await screen.findByText('Zamir Kabulov');
    resolveSlow([]);
    await Promise.resolve();
    expect(screen.getByText('Zamir Kabulov')).toBeTruthy();
  });
});
