/** Finding the pages to test in a folder: `NAME/source.html` folders and loose `*.html` files. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One page to test. */
export interface PageEntry {
  /** Folder name, or file name for a loose .html file. */
  name: string;
  /** Path relative to the folder, with forward slashes (the URL path on the server). */
  path: string;
  /** File size. */
  bytes: number;
}

/** Lists the pages in `dir`, sorted by name. `only` keeps just those names. */
export function listPages(dir: string, only: readonly string[] = []): PageEntry[] {
  const pages: PageEntry[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const file = join(dir, entry.name, 'source.html');
      const info = statSync(file, { throwIfNoEntry: false });
      if (info?.isFile()) pages.push({ name: entry.name, path: `${entry.name}/source.html`, bytes: info.size });
    } else if (entry.isFile() && /\.html?$/i.test(entry.name)) {
      pages.push({ name: entry.name, path: entry.name, bytes: statSync(join(dir, entry.name)).size });
    }
  }
  pages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return only.length ? pages.filter((p) => only.includes(p.name)) : pages;
}
