import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from './router';

function handlers(): Handlers {
  const fail = () => {
    throw new Error('not used');
  };
  return new Proxy({} as Handlers, { get: () => vi.fn(fail) });
}

describe('createRouter', () => {
  it('validates the request before the handler sees it and wraps the answer', async () => {
    const all = handlers();
    const search = vi.fn(async (req: { query: string }) => [{ id: 'x', type: 'person' as const, name: req.query, role: null }]);
    const route = createRouter({ ...all, 'entity.search': search } as Handlers, 'ext');
    await expect(route({ type: 'entity.search', request: { query: 'Lavrov' } }, { id: 'ext' })).resolves.toEqual({
      ok: true,
      value: [{ id: 'x', type: 'person', name: 'Lavrov', role: null }],
    });
    expect(search).toHaveBeenCalledOnce();
  });

  it.each([
    ['not an object', 'Malformed message'],
    [null, 'Malformed message'],
    [{ type: 'nope', request: {} }, 'Unknown message: nope'],
    [{ type: '__proto__', request: {} }, 'Unknown message'],
    [{ type: 'entity.search', request: { query: 5 } }, 'Invalid entity.search: request.query: expected a string'],
    [{ type: 'entity.search', request: { query: 'a', evil: true } }, 'request.evil: expected no such field'],
    [{ type: 'notes.add', request: { url: 'javascript:alert(1)', title: '', site: '', text: 'x' } }, 'request.url: expected an http(s) URL'],
  ])('refuses %j without calling any handler', async (message, error) => {
    const all = handlers();
    const route = createRouter(all, 'ext');
    const reply = await route(message, { id: 'ext' });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toContain(error);
  });

  it('refuses messages from other extensions', async () => {
    const route = createRouter(handlers(), 'ext');
    await expect(route({ type: 'entity.search', request: { query: 'a' } }, { id: 'other' })).resolves.toEqual({
      ok: false,
      error: 'Message refused: not from this extension',
    });
  });

  it('turns a handler failure into an error reply', async () => {
    const route = createRouter(
      {
        ...handlers(),
        'entity.card': async () => {
          throw new Error('QuotaExceeded: storage is full');
        },
      } as Handlers,
      'ext',
    );
    await expect(route({ type: 'entity.card', request: { id: 'a' } }, { id: 'ext' })).resolves.toEqual({
      ok: false,
      error: 'QuotaExceeded: storage is full',
    });
  });
});
