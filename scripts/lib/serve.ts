/** A tiny static server for the demo pages and test fixtures, on 127.0.0.1 only. */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
};

/** A running static server. */
export interface StaticServer {
  /** Base URL ending in a slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves files below `roots` (URL prefix -> folder). Paths never escape their folder.
 */
export async function serveStatic(roots: Record<string, string>, port = 0): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      for (const [prefix, folder] of Object.entries(roots).sort((a, b) => b[0].length - a[0].length)) {
        if (!path.startsWith(prefix)) continue;
        const base = resolve(folder);
        let file = normalize(join(base, path.slice(prefix.length)));
        if (file !== base && !file.startsWith(base + sep)) break;
        const info = await stat(file).catch(() => null);
        if (info?.isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file).catch(() => null);
        if (!body) continue;
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
    } catch {
      res.writeHead(400);
      res.end();
    }
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** The demo pages folder. */
export const DEMO_DIR = resolve(import.meta.dirname, '../../data/demo');
/** The end-to-end fixtures folder. */
export const FIXTURES_DIR = resolve(import.meta.dirname, '../../tests/fixtures');

/** Serves the demo pages at / and test fixtures at /fixtures/. */
export function serveDemo(port = 0): Promise<StaticServer> {
  return serveStatic({ '/': DEMO_DIR, '/fixtures/': FIXTURES_DIR }, port);
}
