import { describe, expect, it, vi } from 'vitest';
import { lazy } from './lazy';

describe('lazy', () => {
  it('makes nothing until asked, then makes the value once for every caller', async () => {
    const make = vi.fn(async () => ({ id: 1 }));
    const value = lazy(make);
    expect(make).not.toHaveBeenCalled();
    expect(value.current).toBeUndefined();
    const [a, b] = await Promise.all([value.get(), value.get()]);
    expect(make).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
    expect(value.current).toBe(a);
  });
});
