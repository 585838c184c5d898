/**
 * Which packages of an output folder a run answers for. A run regenerates the packages its services
 * give and leaves every other entry of the output alone — except a package whose service folder lies
 * inside a folder the run was given (`docsdk generate specs` answers for every package made from
 * `specs/…`): the run has looked at that folder and found no such service any more, so the package
 * goes. A package made elsewhere (another input tree, another cwd, by hand) is never removed; neither
 * is anything when the run was given files rather than folders.
 *
 * A package's service folder is read from its `ir.json` (the first source file it names: every source
 * of a service lies in its one folder). Source paths are shown relative to the working directory, so a
 * run from another directory resolves them elsewhere and removes nothing: the safe way to be wrong.
 *
 * @packageDocumentation
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** The first source file an `ir.json` names; read in chunks, since one can hold megabytes of shapes. */
const FIRST_SOURCE = /"file"\s*:\s*"((?:[^"\\]|\\.)*)"/;

/** How much of an `ir.json` is searched for a source before giving up (its first operation's sources are near the top). */
const SEARCH_LIMIT = 8 << 20;

/** The folder of the service a generated package was made from, from its `ir.json`; undefined when it names none. */
export function packageServiceFolder(packageDir: string, cwd = process.cwd()): string | undefined {
  let fd: number;
  try {
    fd = openSync(path.join(packageDir, 'ir.json'), 'r');
  } catch {
    return undefined; // not a generated package
  }
  try {
    const chunk = Buffer.alloc(64 << 10);
    const decoder = new StringDecoder('utf8'); // a chunk may end inside a character
    let text = '';
    for (let read = 0; read < SEARCH_LIMIT; ) {
      const n = readSync(fd, chunk, 0, chunk.length, read);
      if (n === 0) break;
      read += n;
      text += decoder.write(chunk.subarray(0, n));
      const m = FIRST_SOURCE.exec(text);
      if (m) return path.dirname(path.resolve(cwd, JSON.parse(`"${m[1]!}"`) as string));
      // Keep a tail, so a match split across two chunks is still found.
      text = text.slice(-4096);
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The input paths of a run that are folders, resolved: only those can make a run answer for a package. */
export function inputFolders(inputs: readonly string[], cwd = process.cwd()): string[] {
  return inputs
    .map((p) => path.resolve(cwd, p))
    .filter((p) => {
      try {
        return statSync(p).isDirectory();
      } catch {
        return false;
      }
    });
}

/**
 * Whether the run given `folders` ({@link inputFolders}) answers for the package in `packageDir`:
 * its service folder is one of them or lies inside one.
 */
export function answersFor(folders: readonly string[], packageDir: string, cwd = process.cwd()): boolean {
  const service = packageServiceFolder(packageDir, cwd);
  if (service === undefined) return false;
  return folders.some((f) => service === f || service.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
}
