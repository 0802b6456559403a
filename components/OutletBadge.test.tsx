import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import OutletBadge from './OutletBadge';
import { chinaDaily, hostileText } from './test-fixtures';

// Unmount between tests (Vitest globals are off, so Testing Library cannot do it itself).
afterEach(cleanup);

describe('OutletBadge', () => {
  it('names the outlet and, on request, the date it printed', () => {
    const { container } = render(<OutletBadge source={chinaDaily} withDate />);
    expect(screen.getByText('China Daily')).toBeTruthy();
    const time = container.querySelector('time');
    expect(time?.textContent).toBe('19 Aug 2021');
    expect(time?.getAttribute('datetime')).toBe(chinaDaily.published);
  });

  it("marks an article the reader saved as the reader's source", () => {
    render(<OutletBadge source={{ ...chinaDaily, origin: 'saved' }} />);
    expect(screen.getByText('your source')).toBeTruthy();
  });

  it('degrades when the source is missing', () => {
    render(<OutletBadge source={undefined} withDate />);
    expect(screen.getByText('Unknown outlet')).toBeTruthy();
  });

  it('renders a hostile publisher as text', () => {
    const { container } = render(<OutletBadge source={{ ...chinaDaily, publisher: hostileText }} />);
    expect(screen.getByText(hostileText)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });
});
