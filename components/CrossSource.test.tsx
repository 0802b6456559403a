import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import CrossSource from './CrossSource';
import { sourceIndex } from './format';
import { hostileCard, hostileText, lavrovCard, mangoushCard } from './test-fixtures';

// Unmount between tests (Vitest globals are off, so Testing Library cannot do it itself).
afterEach(cleanup);

describe('CrossSource', () => {
  it('puts each outlet side by side with what it said of the entity', () => {
    const { container } = render(
      <CrossSource entityName="Sergei Lavrov" context={lavrovCard.context} claims={[]} sourceOf={sourceIndex(lavrovCard.sources)} initialSentences={1} />,
    );
    const columns = container.querySelectorAll('.outlet-column');
    expect(columns).toHaveLength(2);
    const sputnik = within(columns[0] as HTMLElement);
    expect(sputnik.getByText('Sputnik')).toBeTruthy();
    expect(sputnik.getByText('Russian Foreign Minister')).toBeTruthy();
    expect(sputnik.getByText('2 quotes')).toBeTruthy();
    fireEvent.click(sputnik.getByRole('button', { name: 'Show 1 more' }));
    expect(sputnik.getByText(/so-called "Moscow format"/)).toBeTruthy();
    expect(within(columns[1] as HTMLElement).getByText(/In the city of Kaliningrad/)).toBeTruthy();
  });

  it('shows claims where outlets agree or differ, with evidence from each', () => {
    render(<CrossSource entityName="Sergei Lavrov" context={[]} claims={lavrovCard.claims} sourceOf={sourceIndex(lavrovCard.sources)} />);
    const claims = screen.getAllByRole('listitem').filter((li) => li.classList.contains('claim'));
    expect(claims).toHaveLength(2);
    const agree = within(claims[0]!);
    expect(agree.getByText('Agree')).toBeTruthy();
    expect(agree.getByText('Russia backs an inclusive Afghan dialogue')).toBeTruthy();
    expect(agree.getByText(/Russia is in favour of a national dialogue/)).toBeTruthy();
    const differ = within(claims[1]!);
    expect(differ.getByText('Differ')).toBeTruthy();
    expect(differ.getByText(/press conference after talks with his Libyan counterpart/)).toBeTruthy();
    expect(differ.getByText(/In the city of Kaliningrad/)).toBeTruthy();
  });

  it('says when only one outlet mentions the entity', () => {
    render(<CrossSource entityName="Najla Mangoush" context={mangoushCard.context} claims={[]} sourceOf={sourceIndex(mangoushCard.sources)} />);
    expect(screen.getByText('Only Sputnik mentions Najla Mangoush.')).toBeTruthy();
  });

  it('renders hostile text as text', () => {
    const card = hostileCard();
    const { container } = render(<CrossSource entityName={hostileText} context={card.context} claims={card.claims} sourceOf={sourceIndex(card.sources)} initialSentences={9} />);
    expect(screen.getAllByText(hostileText).length).toBeGreaterThan(4);
    expect(container.querySelector('img')).toBeNull();
  });
});
