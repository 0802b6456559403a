import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import QuoteList from './QuoteList';
import { sourceIndex } from './format';
import { hostileText, lavrovCard, talibanCard } from './test-fixtures';

// Unmount between tests (Vitest globals are off, so Testing Library cannot do it itself).
afterEach(cleanup);

const sourceOf = sourceIndex(lavrovCard.sources);

describe('QuoteList', () => {
  it('truncates long quotes with an expand button that says its state', () => {
    const long = lavrovCard.quotes[0]!;
    const { container } = render(<QuoteList quotes={[long]} sourceOf={sourceOf} maxChars={120} />);
    const text = container.querySelector('blockquote')!;
    expect(text.textContent!.endsWith('…')).toBe(true);
    const button = screen.getByRole('button', { name: 'Show full quote' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(text.textContent).toBe(long.text);
    expect(screen.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('shows outlet, date and fragment marks, and no button for short quotes', () => {
    render(<QuoteList quotes={[lavrovCard.quotes[3]!]} sourceOf={sourceOf} />);
    expect(screen.getByText('civilized manner')).toBeTruthy();
    expect(screen.getByText('China Daily')).toBeTruthy();
    expect(screen.getByText('19 Aug 2021')).toBeTruthy();
    expect(screen.getByText('fragment')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('limits the list at first and reveals the rest', () => {
    render(<QuoteList quotes={lavrovCard.quotes} sourceOf={sourceOf} initialCount={2} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Show 3 more quotes' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(5);
  });

  it('names the speaker for quotes about someone else', () => {
    render(<QuoteList quotes={talibanCard.quotesAbout} sourceOf={sourceIndex(talibanCard.sources)} showSpeaker />);
    expect(screen.getByText('Lavrov')).toBeTruthy();
    expect(screen.getByText('Russian Foreign Minister Sergei Lavrov')).toBeTruthy();
  });

  it('renders hostile quote text as text', () => {
    const { container } = render(<QuoteList quotes={[{ ...lavrovCard.quotes[1]!, text: hostileText, speaker: hostileText }]} sourceOf={sourceOf} showSpeaker />);
    expect(screen.getAllByText(hostileText)).toHaveLength(2);
    expect(container.querySelector('img')).toBeNull();
  });
});
