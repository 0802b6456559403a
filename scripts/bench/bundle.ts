/** The benchmark page's script (page-entry.ts) as one IIFE, for the benchmark and the annotator's end-to-end tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

/** `x.css?inline` is the stylesheet's text, as Vite gives it to the extension. */
const inlineCss: Plugin = {
  name: 'inline-css',
  setup(b) {
    b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.replace(/\?inline$/, '')), namespace: 'inline-css' }));
    b.onLoad({ filter: /.*/, namespace: 'inline-css' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

/** Bundles scripts/bench/page-entry.ts; it sets `globalThis.backstoryBench`. */
export async function benchBundle(options: { minify?: boolean } = {}): Promise<string> {
  const out = await build({
    entryPoints: [path.join(import.meta.dirname, 'page-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    minify: options.minify ?? false,
    plugins: [inlineCss],
  });
  return out.outputFiles[0]!.text;
}
