import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import SightingList from './SightingList';
import { hostileCard, hostileText, lavrovCard } from './test-fixtures';

// Unmount between tests (Vitest globals are off, so Testing Library cannot do it itself).
afterEach(cleanup);

const now = Date.UTC(2021, 7, 22, 8, 30);

describe('SightingList', () => {
  it('lists other pages newest first as links with site and relative time', () => {
    const reversed = [...lavrovCard.sightings].reverse();
    render(<SightingList sightings={reversed} entityName="Sergei Lavrov" now={now} />);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([
      'Crowds gather at Kabul airport as evacuations continue',
      'Lavrov meets Libyan counterpart in Moscow',
    ]);
    expect(links[0]!.getAttribute('href')).toBe('https://www.example.org/world/2021/08/20/kabul-airport');
    expect(links[0]!.getAttribute('rel')).toContain('noopener');
    expect(screen.getByText('2 days ago')).toBeTruthy();
  });

  it('leaves out the page being read', () => {
    render(<SightingList sightings={lavrovCard.sightings} entityName="Sergei Lavrov" now={now} currentUrl={`${lavrovCard.sightings[0]!.url}#top`} />);
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });

  it('says so when there is nothing yet', () => {
    render(<SightingList sightings={[]} entityName="Najla Mangoush" now={now} />);
    expect(screen.getByText('You have not met Najla Mangoush on other pages yet.')).toBeTruthy();
  });

  it('renders hostile titles as text and never links to javascript:', () => {
    const card = hostileCard();
    const { container } = render(<SightingList sightings={card.sightings} entityName="x" now={now} />);
    expect(screen.getAllByText(hostileText)).toHaveLength(2);
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    expect(container.querySelector('img')).toBeNull();
  });
});
