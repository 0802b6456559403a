import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import EvidenceToggle from './EvidenceToggle';
import { hostileText, sputnik } from './test-fixtures';

// Unmount between tests (Vitest globals are off, so Testing Library cannot do it itself).
afterEach(cleanup);

describe('EvidenceToggle', () => {
  it('is a labelled disclosure button that reveals the verbatim evidence', () => {
    const { container } = render(<EvidenceToggle evidence="Russian Foreign Minister Sergei Lavrov has said" source={sputnik} />);
    const button = screen.getByRole('button', { name: 'Evidence from Sputnik' });
    const quote = container.querySelector('blockquote')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe(quote.id);
    expect(quote.hidden).toBe(true);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(quote.hidden).toBe(false);
    expect(quote.textContent).toBe('Russian Foreign Minister Sergei Lavrov has said');
  });

  it('renders hostile evidence as text', () => {
    const { container } = render(<EvidenceToggle evidence={hostileText} source={sputnik} initiallyOpen />);
    expect(container.querySelector('blockquote')?.textContent).toBe(hostileText);
    expect(container.querySelector('img')).toBeNull();
  });
});
