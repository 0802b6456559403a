import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App, { type PopupServices } from './App';
import { buildEntityIndex } from '../../lib/search/entity-index';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/site-rules';
import type { Note } from '../../lib/messages/notes';
import { lavrovCard } from '../../components/test-fixtures';
import { miniDataset } from '../../tests/unit/fixtures/mini-dataset';
import { expectAccessible } from '../../tests/unit/fixtures/a11y';

const dataset = miniDataset();
const index = buildEntityIndex(dataset);

function fakeServices(): PopupServices & { saved: Settings[] } {
  const notes: Note[] = [];
  let settings: Settings = { ...DEFAULT_SETTINGS };
  const saved: Settings[] = [];
  return {
    saved,
    search: async (query, filters) => index.search(query, filters),
    sources: async () => dataset.sources,
    card: async (id) => (id === 'sergei-lavrov' ? lavrovCard : null),
    notesAbout: async (id) => notes.filter((n) => n.entityIds.includes(id)),
    notes: {
      listAll: async () => [...notes],
      add: async (n) => {
        const note = { id: `n${notes.length}`, entityIds: [], ...n, createdAt: 1, updatedAt: 1 };
        notes.push(note);
        return note;
      },
      update: async (id, text) => Object.assign(notes.find((n) => n.id === id)!, { text }),
      remove: async (id) => notes.splice(notes.findIndex((n) => n.id === id), 1)[0]!,
      restore: async () => notes[0]!,
      exportBackup: async () => 'backup.json',
      importBackup: vi.fn(),
    },
    activeTab: async () => ({ id: 3, url: 'https://sputniknews.com/world/lavrov.html' }),
    pageEntities: async () => ({
      url: 'https://sputniknews.com/world/lavrov.html',
      location: 'https://sputniknews.com/world/lavrov.html',
      title: 'Lavrov: Russia Calls for Nationwide Dialogue',
      site: 'Sputnik',
      entities: [{ entityId: 'sergei-lavrov', name: 'Sergei Lavrov', type: 'person', count: 5 }],
    }),
    reveal: vi.fn(async () => true),
    saveArticle: vi.fn(async () => ({})),
    loadSettings: async () => settings,
    saveSettings: async (next) => {
      saved.push(next);
      settings = next;
      return next;
    },
    watchSettings: () => () => {},
  };
}

describe('popup App', () => {
  afterEach(cleanup);

  it('opens on search with the field focused, and finds Sergei Lavrov by "Sergey"', async () => {
    const { container } = render(<App services={fakeServices()} />);
    const field = screen.getByRole('searchbox', { name: 'Search entities' });
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: 'Sergey' } });
    await waitFor(() => expect(screen.getAllByRole('listitem')[0]?.textContent).toContain('Sergei Lavrov'));
    expectAccessible(container as HTMLElement);
  });

  it('opens an entity with Enter and returns with Escape to the same result', async () => {
    render(<App services={fakeServices()} />);
    fireEvent.input(screen.getByLabelText('Search entities'), { target: { value: 'Lavrov' } });
    const result = await screen.findByRole('button', { name: /Sergei Lavrov/ });
    result.focus();
    fireEvent.click(result);
    expect(await screen.findByRole('heading', { level: 2, name: 'Sergei Lavrov' })).toBeTruthy();
    expect(document.getElementById('panel-search')?.hidden).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Sergei Lavrov'));
    expect(screen.getByLabelText('Search entities')).toBeTruthy();
  });

  it('moves between tabs with arrow keys', async () => {
    render(<App services={fakeServices()} />);
    const searchTab = screen.getByRole('tab', { name: 'Search' });
    searchTab.focus();
    fireEvent.keyDown(searchTab, { key: 'ArrowRight' });
    const pageTab = screen.getByRole('tab', { name: 'On this page' });
    expect(document.activeElement).toBe(pageTab);
    expect(pageTab.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel', { name: 'On this page' });
    await within(panel).findByText('Sergei Lavrov');
    fireEvent.keyDown(pageTab, { key: 'ArrowLeft' });
    fireEvent.keyDown(searchTab, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true');
  });

  it('shows what is on this page and reveals an entity there', async () => {
    const services = fakeServices();
    render(<App services={services} />);
    fireEvent.click(screen.getByRole('tab', { name: 'On this page' }));
    fireEvent.click(await screen.findByRole('button', { name: /^Sergei Lavrov/ }));
    expect(services.reveal).toHaveBeenCalledWith(3, 'sergei-lavrov');
    fireEvent.click(screen.getByRole('button', { name: 'Details about Sergei Lavrov' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Sergei Lavrov' })).toBeTruthy();
  });

  it('adds a note on the article in the tab', async () => {
    render(<App services={fakeServices()} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Notes' }));
    const field = await screen.findByLabelText('New note on this article');
    fireEvent.input(field, { target: { value: 'Compare both outlets' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const section = screen.getByRole('region', { name: 'This article' });
    expect(await within(section).findByText('Compare both outlets')).toBeTruthy();
  });

  it('switches Backstory off for the site of the tab', async () => {
    const services = fakeServices();
    render(<App services={services} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    const toggle = await screen.findByRole('switch', { name: 'On sputniknews.com' });
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect(services.saved.at(-1)?.disabledSites).toEqual(['sputniknews.com']);
  });

  it('opens straight into an entity when asked', async () => {
    render(<App services={fakeServices()} initialEntity="sergei-lavrov" />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Sergei Lavrov' })).toBeTruthy();
  });
});
