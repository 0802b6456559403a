import { describe, expect, it, vi } from 'vitest';
import { createPageRouter, isPageMessageName, pageResponseValidators } from './page';

describe('page messages', () => {
  const handlers = {
    'page.entities': vi.fn(() => ({ entities: [{ entityId: 'kabul', name: 'Kabul', type: 'place' as const, count: 3 }], url: 'https://example.org/a', title: 'A', site: 'Example', location: 'https://example.org/a' })),
    'page.reveal': vi.fn(async ({ entityId }: { entityId: string }) => ({ ok: entityId === 'kabul' })),
    'page.step': vi.fn(async () => ({ ok: true })),
    'page.notes': vi.fn(async () => ({ anchored: ['n1'], orphans: [] })),
    'page.noteSelection': vi.fn(() => ({ ok: false })),
  };
  const route = createPageRouter(handlers);

  it('knows its names', () => {
    expect(isPageMessageName('page.reveal')).toBe(true);
    expect(isPageMessageName('entity.search')).toBe(false);
    expect(isPageMessageName('toString')).toBe(false);
  });

  it('answers valid requests with a Reply', async () => {
    await expect(route({ type: 'page.reveal', request: { entityId: 'kabul' } })).resolves.toEqual({ ok: true, value: { ok: true } });
    const reply = await route({ type: 'page.entities', request: {} });
    expect(reply).toMatchObject({ ok: true, value: { title: 'A' } });
  });

  it('leaves other messages to other listeners', async () => {
    await expect(route({ type: 'entity.search', request: { query: '' } })).resolves.toBeUndefined();
    await expect(route('hello')).resolves.toBeUndefined();
  });

  it('refuses malformed requests and reports handler failures', async () => {
    await expect(route({ type: 'page.reveal', request: { entityId: '' } })).resolves.toMatchObject({ ok: false });
    await expect(route({ type: 'page.reveal', request: { entityId: 'x', extra: 1 } })).resolves.toMatchObject({ ok: false });
    handlers['page.reveal'].mockRejectedValueOnce(new Error('boom'));
    await expect(route({ type: 'page.reveal', request: { entityId: 'x' } })).resolves.toEqual({ ok: false, error: 'boom' });
  });

  it('checks responses', () => {
    expect(() => pageResponseValidators['page.entities']({ entities: [{ entityId: 'a', name: 'A', type: 'thing', count: 1 }], url: '', title: '' })).toThrow();
    expect(pageResponseValidators['page.reveal']({ ok: false })).toEqual({ ok: false });
  });
});
