// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { BidiError, connectBidi } from './bidi';

let server: WebSocketServer | null = null;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A fake browser: answers `echo`, fails `nope`, and sends an event before each answer. */
async function fakeBrowser(): Promise<string> {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((done) => server!.once('listening', done));
  server.on('connection', (socket) => {
    socket.on('message', (data) => {
      const { id, method, params } = JSON.parse(String(data)) as { id: number; method: string; params: unknown };
      socket.send(JSON.stringify({ type: 'event', method: 'log.entryAdded', params: { text: method } }));
      if (method === 'nope') socket.send(JSON.stringify({ type: 'error', id, error: 'unknown command', message: 'no such method' }));
      else socket.send(JSON.stringify({ type: 'success', id, result: { echo: params } }));
    });
  });
  const address = server.address();
  return `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

describe('the minimal BiDi client', () => {
  it('matches replies to commands, raises errors, and delivers events', async () => {
    const bidi = await connectBidi(await fakeBrowser());
    const events: unknown[] = [];
    const stop = bidi.on('log.entryAdded', (params) => events.push(params.text));
    const [a, b] = await Promise.all([bidi.send('echo', { n: 1 }), bidi.send('echo', { n: 2 })]);
    expect(a).toEqual({ echo: { n: 1 } });
    expect(b).toEqual({ echo: { n: 2 } });
    await expect(bidi.send('nope')).rejects.toThrow(new BidiError('nope', 'unknown command', 'no such method'));
    expect(events).toEqual(['echo', 'echo', 'nope']);
    stop();
    await bidi.send('echo');
    expect(events).toHaveLength(3);
    await bidi.close();
  });

  it('fails clearly when nothing listens', async () => {
    await expect(connectBidi('ws://127.0.0.1:9/session', 2000)).rejects.toThrow();
  });
});
