import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import RoleList from './RoleList';
import { sourceIndex } from './format';
import { hostileCard, hostileText, lavrovCard, talibanCard } from './test-fixtures';

// Unmount between tests (Vitest globals are off, so Testing Library cannot do it itself).
afterEach(cleanup);

describe('RoleList', () => {
  it('shows one line per role with every outlet that states it', () => {
    render(<RoleList roles={lavrovCard.entity.roles} sourceOf={sourceIndex(lavrovCard.sources)} />);
    const roles = screen.getAllByRole('listitem').filter((li) => li.classList.contains('role'));
    expect(roles).toHaveLength(1);
    const role = within(roles[0]!);
    expect(role.getByText('Russian Foreign Minister')).toBeTruthy();
    expect(role.getByText('Sputnik')).toBeTruthy();
    expect(role.getByText('China Daily')).toBeTruthy();
    expect(role.getAllByText('19 Aug 2021')).toHaveLength(2);
  });

  it('keeps differently worded roles apart and shows evidence on demand', () => {
    render(<RoleList roles={talibanCard.entity.roles} sourceOf={sourceIndex(talibanCard.sources)} />);
    expect(screen.getByText('terrorist organisation (designated by Russia in 2003)')).toBeTruthy();
    expect(screen.getByText('terrorist organization (designated by Russia in 2003)')).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Evidence from China Daily' });
    fireEvent.click(button);
    expect(screen.getByText('Though Russia designated the Taliban as a terrorist organization in 2003')).toBeTruthy();
  });

  it('renders hostile titles and evidence as text', () => {
    const card = hostileCard();
    const { container } = render(<RoleList roles={card.entity.roles} sourceOf={sourceIndex(card.sources)} />);
    expect(screen.getAllByText(hostileText).length).toBeGreaterThan(0);
    expect(container.querySelector('img')).toBeNull();
  });
});
