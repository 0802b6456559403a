import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import OnThisPage from './OnThisPage';
import type { PageEntities } from '../../lib/messages/page';
import { expectAccessible } from '../../tests/unit/fixtures/a11y';

const page: PageEntities = {
  url: 'https://example.org/lavrov',
  location: 'https://example.org/lavrov?utm_source=x',
  title: 'Lavrov: Russia Calls for Nationwide Dialogue',
  site: 'Sputnik',
  entities: [
    { entityId: 'kabul', name: 'Kabul', type: 'place', count: 2 },
    { entityId: 'sergei-lavrov', name: 'Sergei Lavrov', type: 'person', count: 7 },
  ],
};

describe('OnThisPage', () => {
  afterEach(cleanup);

  it('lists the entities of the page, most frequent first, with counts', async () => {
    const { container } = render(<OnThisPage load={async () => page} reveal={async () => true} onOpen={() => {}} />);
    await screen.findByRole('heading', { name: 'Found on this page' });
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([expect.stringContaining('Sergei Lavrov'), expect.stringContaining('Kabul')]);
    expect(screen.getByLabelText('7 on the page')).toBeTruthy();
    expectAccessible(container as HTMLElement);
  });

  it('reveals an entity on the page, or opens its detail', async () => {
    const reveal = vi.fn(async () => true);
    const onOpen = vi.fn();
    render(<OnThisPage load={async () => page} reveal={reveal} onOpen={onOpen} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Kabul/ }));
    expect(reveal).toHaveBeenCalledWith('kabul');
    fireEvent.click(screen.getByRole('button', { name: 'Details about Kabul' }));
    expect(onOpen).toHaveBeenCalledWith('kabul');
  });

  it('says so in place when the mark cannot be found', async () => {
    render(<OnThisPage load={async () => page} reveal={async () => false} onOpen={() => {}} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Kabul/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('Could not find Kabul');
  });

  it('moves through entities with arrow keys', async () => {
    render(<OnThisPage load={async () => page} reveal={async () => true} onOpen={() => {}} />);
    const first = await screen.findByRole('button', { name: /^Sergei Lavrov/ });
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Kabul/ }));
  });

  it('explains a page where Backstory does not run, an empty page, and errors', async () => {
    const unavailable = Object.assign(new Error('Backstory is not running on this page'), { unavailable: true as const });
    render(<OnThisPage load={() => Promise.reject(unavailable)} reveal={async () => true} onOpen={() => {}} />);
    expect(await screen.findByText('Backstory is not running on this page.')).toBeTruthy();
    cleanup();
    render(<OnThisPage load={async () => ({ ...page, entities: [] })} reveal={async () => true} onOpen={() => {}} />);
    expect(await screen.findByText('Nothing from the library on this page.')).toBeTruthy();
    cleanup();
    const load = vi.fn().mockRejectedValueOnce(new Error('timeout')).mockResolvedValue(page);
    render(<OnThisPage load={load} reveal={async () => true} onOpen={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toContain('timeout');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
  });
});
