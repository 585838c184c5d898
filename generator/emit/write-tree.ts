/**
 * Atomic replacement of the output folder: the whole tree is written into a temporary folder beside it,
 * then swapped in with two renames. A failure before the swap leaves the old folder untouched; a kill
 * between the two renames leaves the old tree under a `.old` name that the next run puts back first.
 *
 * When the caller {@link TreeWriter.keep | keeps} every package folder but at most one (an incremental
 * run after one page changed), rebuilding the tree out of hard links and deleting the old one would be
 * most of the run: then only that one folder is swapped, with the same two renames one level down
 * (`.swap` instead of `.old`, put back the same way). The output is old or new as a whole either way.
 *
 * @packageDocumentation
 */
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { filesBelow } from '../files-below.ts';

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

/**
 * Undoes an interrupted swap and removes temporary folders of dead runs: a whole tree left under `.old`
 * is put back when the output is missing; a package folder left under `.swap` (a one-folder swap killed
 * between its renames) is put back when the output lacks it.
 */
export function recoverInterruptedSwap(outDir: string): void {
  const olds = siblings(outDir, 'old');
  if (!existsSync(outDir) && olds.length > 0) renameSync(olds[olds.length - 1]!, outDir);
  for (const swap of siblings(outDir, 'swap')) {
    const pid = Number(/-(\d+)$/.exec(swap)?.[1]);
    if (pid === process.pid || isAlive(pid) || !existsSync(outDir)) continue;
    for (const name of readdirSync(swap)) {
      if (!existsSync(path.join(outDir, name))) renameSync(path.join(swap, name), path.join(outDir, name));
    }
  }
  for (const dir of [...siblings(outDir, 'old'), ...siblings(outDir, 'swap'), ...siblings(outDir, 'tmp')]) {
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
  /** Package folders left in place in the current output (see {@link TreeWriter.keep}). */
  private readonly kept = new Set<string>();
  /** Folders already created in the temporary tree. */
  private readonly made = new Set<string>();

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
    const dir = path.dirname(target);
    if (!this.made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.made.add(dir);
    }
    return target;
  }

  /**
   * Declares that the top-level entry `folder` of the current output (a package folder, or anything
   * else the output holds) stays exactly as it is. It is not copied into the temporary tree unless
   * the commit has to swap the whole tree.
   */
  keep(folder: string): void {
    if (!isContainedPath(folder) || folder.includes('/')) throw new Error(`not a top-level entry: ${JSON.stringify(folder)}`);
    this.kept.add(folder);
  }

  /** The top-level entries of the current output (none when there is no output yet), sorted. */
  currentEntries(): string[] {
    return existsSync(this.outDir) ? readdirSync(this.outDir).sort() : [];
  }

  /** Whether `folder` was {@link TreeWriter.keep | kept}. */
  isKept(folder: string): boolean {
    return this.kept.has(folder);
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

  /** Swaps the tree in for `outDir`: one folder when all others are kept, else the whole tree. */
  commit(): void {
    if (this.kept.size > 0 && this.commitOneFolder()) return;
    // Kept folders go into the new tree too, as hard links of their files.
    for (const folder of this.kept) this.linkFolder(folder);
    const parent = path.dirname(this.outDir);
    const old = path.join(parent, `.${path.basename(this.outDir)}.old-${process.pid}`);
    const hadOld = existsSync(this.outDir);
    if (hadOld) renameSync(this.outDir, old);
    renameSync(this.tmp, this.outDir);
    if (hadOld) rmSync(old, { recursive: true, force: true });
  }

  /**
   * The swap of at most one folder, when every other entry of the output is kept: returns false (and
   * does nothing) otherwise. Two renames, as for the whole tree, so the output is old or new whole.
   */
  private commitOneFolder(): boolean {
    const fresh = readdirSync(this.tmp);
    const current = existsSync(this.outDir) ? readdirSync(this.outDir) : [];
    const others = current.filter((n) => !this.kept.has(n) && !fresh.includes(n));
    if (fresh.length > 1 || others.length > 0 || [...this.kept].some((k) => !current.includes(k))) return false;
    const [name] = fresh;
    if (name !== undefined) {
      const target = path.join(this.outDir, name);
      if (existsSync(target)) {
        const swap = path.join(path.dirname(this.outDir), `.${path.basename(this.outDir)}.swap-${process.pid}`);
        rmSync(swap, { recursive: true, force: true });
        mkdirSync(swap);
        renameSync(target, path.join(swap, name));
        renameSync(path.join(this.tmp, name), target);
        rmSync(swap, { recursive: true, force: true });
      } else {
        renameSync(path.join(this.tmp, name), target);
      }
    }
    rmSync(this.tmp, { recursive: true, force: true });
    return true;
  }

  /**
   * Puts what the current output holds at `rel` (a file, or a folder with all it holds) into the
   * temporary tree as hard links: build outputs (`dist/`, `node_modules/`) a package folder keeps
   * across regenerations. Nothing when the current output has nothing there.
   */
  carry(rel: string): void {
    const from = path.join(this.outDir, ...rel.split('/'));
    let stat;
    try {
      stat = lstatSync(from);
    } catch {
      return;
    }
    if (!stat.isDirectory()) {
      this.link(rel, from);
      return;
    }
    for (const below of filesBelow(from)) this.link(`${rel}/${below}`, path.join(from, ...below.split('/')));
  }

  /** Hard-links every file of the current output's `folder` into the temporary tree. */
  private linkFolder(folder: string): void {
    this.carry(folder);
  }

  /** Drops the temporary tree; `outDir` stays as it was. */
  abort(): void {
    rmSync(this.tmp, { recursive: true, force: true });
  }
}
