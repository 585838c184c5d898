/**
 * Atomic replacement of the output folder: the whole tree is written into a temporary folder beside it,
 * then swapped in with two renames. A failure before the swap leaves the old folder untouched; a kill
 * between the two renames leaves the old tree under a `.old` name that the next run puts back first.
 *
 * @packageDocumentation
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  const tree = TreeWriter.begin(outDir);
  try {
    for (const f of files) tree.write(f.path, f.content);
  } catch (e) {
    tree.abort();
    throw e;
  }
  tree.commit();
}

/**
 * A tree written file by file into the temporary folder, then swapped in by {@link TreeWriter.commit}
 * (or dropped by {@link TreeWriter.abort}): a generate run can stream packages to disk as they are
 * emitted and keep none in memory, and still replace the output atomically. Unchanged files can be
 * hard-linked from the current output (same folder, so same file system) instead of written again.
 */
export class TreeWriter {
  private constructor(
    readonly outDir: string,
    readonly tmp: string,
  ) {}

  /** Starts a tree that will replace `outDir`. */
  static begin(outDir: string): TreeWriter {
    const abs = path.resolve(outDir);
    recoverInterruptedSwap(abs);
    const parent = path.dirname(abs);
    mkdirSync(parent, { recursive: true });
    const tmp = path.join(parent, `.${path.basename(abs)}.tmp-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
    return new TreeWriter(abs, tmp);
  }

  /** The absolute path in the temporary tree of `rel` (checked to stay inside), its folder created. */
  target(rel: string): string {
    if (!isContainedPath(rel)) throw new Error(`refusing to write outside ${this.outDir}: ${JSON.stringify(rel)}`);
    const target = path.join(this.tmp, ...rel.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    return target;
  }

  /** Writes `rel`; returns its absolute path in the temporary tree. */
  write(rel: string, content: string): string {
    const target = this.target(rel);
    writeFileSync(target, content);
    return target;
  }

  /** Puts the existing file `from` at `rel` (hard link, or a copy where links fail); returns its path. */
  link(rel: string, from: string): string {
    const target = this.target(rel);
    try {
      linkSync(from, target);
    } catch {
      copyFileSync(from, target);
    }
    return target;
  }

  /** Swaps the tree in for `outDir`. */
  commit(): void {
    const parent = path.dirname(this.outDir);
    const old = path.join(parent, `.${path.basename(this.outDir)}.old-${process.pid}`);
    const hadOld = existsSync(this.outDir);
    if (hadOld) renameSync(this.outDir, old);
    renameSync(this.tmp, this.outDir);
    if (hadOld) rmSync(old, { recursive: true, force: true });
  }

  /** Drops the temporary tree; `outDir` stays as it was. */
  abort(): void {
    rmSync(this.tmp, { recursive: true, force: true });
  }
}
