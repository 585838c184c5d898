/**
 * Atomic replacement of the output folder: the whole tree is written into a temporary folder beside it,
 * then swapped in with two renames. A failure before the swap leaves the old folder untouched; a kill
 * between the two renames leaves the old tree under a `.old` name that the next run puts back first.
 *
 * @packageDocumentation
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A file to write, relative to the output folder (`/`-separated, already checked not to escape it). */
export interface TreeFile {
  path: string;
  content: string;
}

function siblings(outDir: string, tag: string): string[] {
  const parent = path.dirname(outDir);
  const prefix = `.${path.basename(outDir)}.${tag}-`;
  if (!existsSync(parent)) return [];
  return readdirSync(parent)
    .filter((n) => n.startsWith(prefix))
    .sort()
    .map((n) => path.join(parent, n));
}

/** Undoes an interrupted swap (restores `.old`) and removes temporary folders of dead runs. */
export function recoverInterruptedSwap(outDir: string): void {
  const olds = siblings(outDir, 'old');
  if (!existsSync(outDir) && olds.length > 0) renameSync(olds[olds.length - 1]!, outDir);
  for (const dir of [...siblings(outDir, 'old'), ...siblings(outDir, 'tmp')]) {
    const pid = Number(/-(\d+)$/.exec(dir)?.[1]);
    if (pid !== process.pid && !isAlive(pid)) rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when `rel` stays inside its root: relative, no `..`, no empty or absolute segments. */
export function isContainedPath(rel: string): boolean {
  if (rel === '' || rel.startsWith('/') || rel.includes('\\') || rel.includes('\0')) return false;
  return rel.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** Replaces `outDir` with exactly `files`, atomically (see the module comment). */
export function writeTreeAtomically(outDir: string, files: readonly TreeFile[]): void {
  const abs = path.resolve(outDir);
  recoverInterruptedSwap(abs);
  const parent = path.dirname(abs);
  mkdirSync(parent, { recursive: true });
  const tmp = path.join(parent, `.${path.basename(abs)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    mkdirSync(tmp);
    for (const f of files) {
      if (!isContainedPath(f.path)) throw new Error(`refusing to write outside ${outDir}: ${JSON.stringify(f.path)}`);
      const target = path.join(tmp, ...f.path.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, f.content);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const old = path.join(parent, `.${path.basename(abs)}.old-${process.pid}`);
  const hadOld = existsSync(abs);
  if (hadOld) renameSync(abs, old);
  renameSync(tmp, abs);
  if (hadOld) rmSync(old, { recursive: true, force: true });
}
