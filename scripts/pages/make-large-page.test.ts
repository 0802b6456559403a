import { describe, expect, it } from 'vitest';
import { largePage } from './make-large-page';

describe('largePage', () => {
  it('is at least the size asked, a whole document with the seed names', () => {
    const html = largePage(50_000);
    expect(html.length).toBeGreaterThanOrEqual(50_000);
    expect(html.length).toBeLessThan(51_000);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('Sergei Lavrov');
    expect(html).toContain('Zamir Kabulov');
  });
});
