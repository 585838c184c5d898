/**
 * The generator's own key for the cache: everything besides the input pages that decides what a
 * run produces. A cached reading or package is reused only under the same key, so a new docsdk
 * version, an edited template or reader, a new runtime version (the packages depend on it, and
 * `api.json` prints its types) or new dependencies (Prettier, TypeScript, restructured: the lock
 * file) never reuse what an older generator made.
 *
 * @packageDocumentation
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { filesBelow } from '../files-below.ts';
import { REPO_ROOT as REPO } from '../repo.ts';

/** Folders whose every file goes into the key, and single files. */
const KEYED_FOLDERS = ['generator', 'templates', 'runtime/src'];
const KEYED_FILES = ['package.json', 'package-lock.json', 'runtime/package.json'];

let memo: { version: string; key: string } | undefined;

/** The key of this generator (`generatorVersion` is docsdk's version); computed once per process. */
export function generatorKey(generatorVersion: string): string {
  if (memo?.version === generatorVersion) return memo.key;
  const files: string[] = [];
  for (const folder of KEYED_FOLDERS) files.push(...filesBelow(path.join(REPO, folder), { regularOnly: true }).map((f) => `${folder}/${f}`));
  files.push(...KEYED_FILES);
  const hash = createHash('sha256').update(`docsdk ${generatorVersion}\0node ${process.versions.node}\0`);
  for (const f of files) {
    let content: Buffer;
    try {
      content = readFileSync(path.join(REPO, f));
    } catch {
      continue; // e.g. no package-lock.json in an installed copy
    }
    hash.update(`${f}\0${content.length}\0`).update(content);
  }
  memo = { version: generatorVersion, key: hash.digest('hex') };
  return memo.key;
}
