import { describe, expect, it, vi } from 'vitest';
import { NotFoundError, ReaderError, isQuotaError, readerError, readerMessage } from './errors';

describe('reader-facing storage errors', () => {
  it('explains a full disk, whatever the browser calls it', () => {
    const quota = new DOMException('quota', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(readerMessage(quota)).toMatch(/storage .* is full\. Nothing was changed/);
  });

  it('maps other IndexedDB failures and keeps reader errors as they are', () => {
    expect(readerMessage(new DOMException('x', 'InvalidStateError'))).toMatch(/closed/);
    expect(readerMessage(new DOMException('x', 'VersionError'))).toMatch(/newer version/);
    expect(readerMessage(new NotFoundError('This note'))).toMatch(/^This note no longer exists/);
    expect(readerMessage(new Error('odd'))).toBe('Backstory ran into an unexpected problem: odd');
  });

  it('wraps unknown errors once and logs them', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const original = new DOMException('x', 'UnknownError');
    const wrapped = readerError(original);
    expect(wrapped).toBeInstanceOf(ReaderError);
    expect(wrapped.cause).toBe(original);
    expect(readerError(wrapped)).toBe(wrapped);
    expect(log).toHaveBeenCalledOnce();
  });
});
