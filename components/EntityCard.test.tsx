import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import EntityCard from './EntityCard';
import { hostileCard, hostileText, lavrovCard, mangoushCard, talibanCard } from './test-fixtures';

// Unmount between tests (Vitest globals are off, so Testing Library cannot do it itself).
afterEach(cleanup);

const now = Date.UTC(2021, 7, 22, 8, 30);

describe('EntityCard', () => {
  it('heads the card with name, type, the lead role and the outlets', () => {
    render(<EntityCard card={lavrovCard} labelId="name" now={now} />);
    const heading = screen.getByRole('heading', { level: 2, name: 'Sergei Lavrov' });
    expect(heading.id).toBe('name');
    const header = within(heading.closest('header')!);
    expect(header.getByText('Person')).toBeTruthy();
    expect(header.getByText('Russian Foreign Minister')).toBeTruthy();
    expect(header.getByText('Sputnik')).toBeTruthy();
    expect(header.getByText('China Daily')).toBeTruthy();
  });

  it('has a labelled region for each part, in reading order', () => {
    render(<EntityCard card={lavrovCard} now={now} />);
    const regions = screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby') && r.querySelector('h3')?.textContent);
    expect(regions).toEqual(['Roles', 'Quotes', 'Across sources', 'Your reading']);
    expect(screen.getByRole('region', { name: 'Quotes' })).toBeTruthy();
  });

  it('shows quotes from both outlets, limited in compact mode', () => {
    render(<EntityCard card={lavrovCard} now={now} compact />);
    const quotes = within(screen.getByRole('region', { name: 'Quotes' }));
    expect(quotes.getByRole('heading', { name: 'Said by Sergei Lavrov' })).toBeTruthy();
    fireEvent.click(quotes.getByRole('button', { name: 'Show 3 more quotes' }));
    const outlets = quotes.getAllByText(/^(Sputnik|China Daily)$/).map((el) => el.textContent);
    expect(new Set(outlets)).toEqual(new Set(['Sputnik', 'China Daily']));
  });

  it('shows quotes that mention an organization, with their speakers', () => {
    render(<EntityCard card={talibanCard} now={now} />);
    const quotes = within(screen.getByRole('region', { name: 'Quotes' }));
    expect(quotes.getByRole('heading', { name: 'Mentioning Taliban' })).toBeTruthy();
    expect(quotes.queryByRole('heading', { name: /Said by/ })).toBeNull();
    expect(screen.getByText('Organization')).toBeTruthy();
  });

  it('works for an entity from one source with no quotes', () => {
    render(<EntityCard card={mangoushCard} now={now} />);
    expect(screen.getByRole('heading', { name: 'Najla Mangoush' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Quotes' })).toBeNull();
    expect(screen.getByText('Only Sputnik mentions Najla Mangoush.')).toBeTruthy();
    expect(screen.getByText('You have not met Najla Mangoush on other pages yet.')).toBeTruthy();
  });

  it('leads with the role stated by the page being read', () => {
    const card = structuredClone(talibanCard);
    card.sources[1]!.url = 'https://global.chinadaily.com.cn/a/202108/19/positive-signal.html';
    render(<EntityCard card={card} now={now} currentUrl="https://global.chinadaily.com.cn/a/202108/19/positive-signal.html" />);
    const header = within(screen.getByRole('heading', { level: 2 }).closest('header')!);
    expect(header.getByText('terrorist organization (designated by Russia in 2003)')).toBeTruthy();
  });

  it('offers the actions as reachable buttons', () => {
    const onOpen = vi.fn();
    render(<EntityCard card={lavrovCard} now={now} onAddNote={() => {}} onOpenInPopup={onOpen} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open in Backstory' }));
    expect(onOpen).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Add note' })).toBeTruthy();
    for (const button of screen.getAllByRole('button')) expect(button.tabIndex).not.toBe(-1);
  });

  it('hides actions that have no handler', () => {
    render(<EntityCard card={lavrovCard} now={now} />);
    expect(screen.queryByRole('button', { name: 'Add note' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open in Backstory' })).toBeNull();
  });

  it('renders every hostile string as text', () => {
    const { container } = render(<EntityCard card={hostileCard()} now={now} onAddNote={() => {}} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(hostileText);
    expect(screen.getAllByText(hostileText).length).toBeGreaterThan(8);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a[href^="javascript:"]')).toBeNull();
  });
});
