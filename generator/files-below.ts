/**
 * The one walk of a folder tree that the generator needs in several places (documents to read, the
 * files of its cache key, templates, output packages).
 *
 * @packageDocumentation
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Options of {@link filesBelow}. */
export interface FilesBelowOptions {
  /** Leaves out entries, folders with all they hold, by name (e.g. hidden ones). */
  skip?: (name: string) => boolean;
  /** Only regular files; else every entry that is not a folder (links too). */
  regularOnly?: boolean;
}

/**
 * The entries below `dir` that are not folders: relative, `/`-separated paths, depth-first with each
 * folder's entries sorted by name (so the order never depends on the file system). Throws when `dir`
 * cannot be read.
 */
export function filesBelow(dir: string, options: FilesBelowOptions = {}): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const entries = readdirSync(rel ? path.join(dir, ...rel.split('/')) : dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (options.skip?.(e.name)) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (!options.regularOnly || e.isFile()) out.push(r);
    }
  };
  walk('');
  return out;
}
