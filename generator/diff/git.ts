/**
 * Reading a repository at another commit without touching the work tree: `git archive` of the wanted
 * folders, unpacked into a fresh temporary folder.
 *
 * @packageDocumentation
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The commit `ref` names in the repository at `repo`, or undefined when it names none. */
export function resolveCommit(repo: string, ref: string): string | undefined {
  if (ref.startsWith('-')) return undefined; // never let a ref be read as an option
  try {
    return execFileSync('git', ['-C', repo, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * Unpacks the folders `paths` (those that exist at `commit`) into a new temporary folder and
 * returns it; the caller removes it. Folders absent at that commit are simply not there.
 */
export function materialise(repo: string, commit: string, paths: readonly string[]): string {
  const present = execFileSync('git', ['-C', repo, 'ls-tree', '--name-only', commit, '--', ...paths], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const dir = mkdtempSync(path.join(tmpdir(), 'docsdk-ref-'));
  if (present.length === 0) return dir;
  const tar = execFileSync('git', ['-C', repo, 'archive', '--format=tar', commit, '--', ...present], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  return dir;
}
