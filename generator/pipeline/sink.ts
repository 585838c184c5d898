/**
 * Where a pipeline run's packages go — the only part in which `generate`, `check` and `ir` differ.
 * The run opens the sink once nothing has failed, hands it each service (a freshly emitted package,
 * one the cache vouches for, or just the built service when the sink emits nothing), and commits
 * it at the end when the run has no error, else aborts it.
 *
 * @packageDocumentation
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CacheIndex, CacheStore, OutputRecord, OutputStat, ServiceRecord } from '../cache/store.ts';
import type { EmittedFile } from '../emit/emit-service.ts';
import { BUILD_OUTPUTS, keepReleaseState } from '../emit/released.ts';
import { TreeWriter, type TreeFile } from '../emit/write-tree.ts';
import { filesBelow } from '../files-below.ts';
import { serviceKey } from '../ir/invariants.ts';
import { IR_VERSION, type IR, type Service } from '../ir/model.ts';
import { answersFor, inputFolders } from './owned.ts';

/** A pipeline run's destination. */
export interface Sink {
  /** Whether the run emits packages; a sink that does not gets {@link Sink.built} instead. */
  readonly emits: boolean;
  /**
   * Starts taking services; false when it cannot (then nothing is handed to it). `inputs` are the
   * paths the run was given: what a writing sink answers for in its output ({@link answersFor}).
   */
  open(store: CacheStore | undefined, index: CacheIndex, inputs: readonly string[]): boolean;
  /** A package emitted in this run (its record complete). */
  fresh(key: string, record: ServiceRecord, files: readonly EmittedFile[]): void;
  /** A package the cache holds under `key`, unchanged. */
  cached(key: string, record: ServiceRecord): void;
  /** A built service, for a sink that does not emit. */
  built(service: Service, record: ServiceRecord): void;
  /** A service left out for its errors (`keepGoing`): what the output holds of it stays as it is. */
  keepExisting(folder: string): void;
  /** The run succeeded. */
  commit(): void;
  /** The run failed, or threw: leave no trace. */
  abort(): void;
}

/** The packages' files as one tree, relative to the output folder, sorted. */
function sortedTree(files: TreeFile[]): TreeFile[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * `generate`: the packages written into a new output tree, swapped in atomically on commit. A cached
 * package stays in place (or is linked) when the current output still holds what the cache wrote
 * there, else it is copied from the cache.
 *
 * Nothing else of the output is lost: every entry the run gives no package for stays as it is, but a
 * package the run answers for ({@link answersFor}: its service folder lies in a folder the run was
 * given, which no longer gives it) — those are removed and listed in {@link TreeSink.removed}. A
 * regenerated package keeps its build outputs (`dist/`, `node_modules/`: {@link BUILD_OUTPUTS}).
 */
export class TreeSink implements Sink {
  readonly emits = true;
  private readonly outAbs: string;
  private tree: TreeWriter | undefined;
  private store: CacheStore | undefined;
  private index: CacheIndex | undefined;
  private previous: OutputRecord = { packages: {} };
  private readonly next: OutputRecord = { packages: {} };
  private inputs: readonly string[] = [];
  private readonly gone: { folder: string; packageName: string }[] = [];

  /** The packages the committed run removed (folder and package name), sorted by folder. */
  get removed(): readonly { folder: string; packageName: string }[] {
    return this.gone;
  }

  /** @param outDir - the output folder it replaces. */
  constructor(outDir: string) {
    this.outAbs = path.resolve(outDir);
  }

  open(store: CacheStore | undefined, index: CacheIndex, inputs: readonly string[]): boolean {
    this.store = store;
    this.index = index;
    this.inputs = inputs;
    this.previous = index.outputs[this.outAbs] ?? { packages: {} };
    this.tree = TreeWriter.begin(this.outAbs);
    return true;
  }

  fresh(key: string, record: ServiceRecord, files: readonly EmittedFile[]): void {
    const stats: Record<string, OutputStat> = {};
    for (const f of files) stats[f.path] = statOf(this.tree!.write(`${record.folder}/${f.path}`, f.content));
    this.store?.savePackage(key, files);
    this.next.packages[record.folder] = { key, files: stats };
  }

  /**
   * Hard links of the current output's files when the cache wrote them there and they are untouched
   * since (same stat), the whole folder kept when every file is; else copies from the cache.
   */
  cached(key: string, record: ServiceRecord): void {
    const tree = this.tree!;
    const before = this.previous.packages[record.folder];
    if (before?.key === key && inPlace(path.join(this.outAbs, record.folder), record.files, before.files)) {
      tree.keep(record.folder);
      this.next.packages[record.folder] = before;
      return;
    }
    const stats: Record<string, OutputStat> = {};
    for (const file of record.files) {
      const rel = `${record.folder}/${file}`;
      const current = path.join(this.outAbs, ...rel.split('/'));
      const was = before?.key === key ? before.files[file] : undefined;
      if (was && sameStat(current, was)) {
        tree.link(rel, current);
        stats[file] = was;
      } else {
        const target = tree.target(rel);
        this.store!.copyPackageFile(key, file, target);
        stats[file] = statOf(target);
      }
    }
    this.next.packages[record.folder] = { key, files: stats };
  }

  built(): void {
    throw new Error('TreeSink emits: it takes packages, not services');
  }

  keepExisting(folder: string): void {
    if (!existsSync(path.join(this.outAbs, folder))) return;
    this.tree!.keep(folder);
    const before = this.previous.packages[folder];
    if (before) this.next.packages[folder] = before;
  }

  commit(): void {
    const tree = this.tree!;
    const folders = inputFolders(this.inputs);
    for (const entry of tree.currentEntries()) {
      if (Object.prototype.hasOwnProperty.call(this.next.packages, entry) || tree.isKept(entry)) continue;
      const dir = path.join(this.outAbs, entry);
      if (folders.length > 0 && answersFor(folders, dir)) this.gone.push({ folder: entry, packageName: packageNameIn(dir) ?? entry });
      else tree.keep(entry);
    }
    for (const folder of Object.keys(this.next.packages)) {
      if (tree.isKept(folder)) continue;
      for (const output of BUILD_OUTPUTS) tree.carry(`${folder}/${output}`);
    }
    keepReleaseState(tree, this.outAbs, Object.keys(this.next.packages));
    tree.commit();
    if (this.store) this.index!.outputs[this.outAbs] = this.next;
  }

  abort(): void {
    this.gone.length = 0;
    this.tree?.abort();
  }
}

/** The `name` of the package.json in `dir`, when it has a readable one. */
function packageNameIn(dir: string): string | undefined {
  try {
    const name = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `check` (and `diff`'s API surfaces): the packages gathered in memory, every file of the output tree
 * the run gives, to compare with a tree on disk. Writes nothing.
 */
export class MemorySink implements Sink {
  readonly emits = true;
  private readonly files: TreeFile[] = [];
  private store: CacheStore | undefined;

  /** Every file the run gives, relative to the output folder (sorted after commit). */
  get tree(): readonly TreeFile[] {
    return this.files;
  }

  open(store: CacheStore | undefined): boolean {
    this.store = store;
    return true;
  }

  fresh(_key: string, record: ServiceRecord, files: readonly EmittedFile[]): void {
    for (const f of files) this.files.push({ path: `${record.folder}/${f.path}`, content: f.content });
  }

  cached(key: string, record: ServiceRecord): void {
    for (const file of record.files) this.files.push({ path: `${record.folder}/${file}`, content: this.store!.readPackageFile(key, file) });
  }

  built(): void {
    throw new Error('MemorySink emits: it takes packages, not services');
  }

  keepExisting(): void {}

  commit(): void {
    sortedTree(this.files);
  }

  abort(): void {
    this.files.length = 0;
  }
}

/**
 * `ir`: the built services, as one IR (services sorted by provider and id). Emits nothing, and takes
 * the services of a failed run too: they are what could be read.
 */
export class IRSink implements Sink {
  readonly emits = false;
  private readonly services: Service[] = [];

  /** The IR of the services built so far. */
  get ir(): IR {
    const key = (s: Service) => serviceKey(s);
    return { irVersion: IR_VERSION, services: [...this.services].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) };
  }

  open(): boolean {
    return true;
  }

  fresh(): void {
    throw new Error('IRSink emits nothing: it takes services');
  }

  cached(): void {
    throw new Error('IRSink emits nothing: it takes services');
  }

  built(service: Service): void {
    this.services.push(service);
  }

  keepExisting(): void {}

  commit(): void {}

  abort(): void {}
}

/**
 * Whether the package folder `dir` of the current output holds exactly `files`, each untouched since
 * this generator wrote it (same stat as recorded): then it can stay where it is.
 */
function inPlace(dir: string, files: readonly string[], stats: Record<string, OutputStat>): boolean {
  let present: string[];
  try {
    present = filesBelow(dir, { skip: (name) => BUILD_OUTPUTS.has(name) });
  } catch {
    return false; // no such folder (any more)
  }
  if (present.length !== files.length) return false;
  const wanted = new Set(files);
  return present.every((f) => wanted.has(f) && stats[f] !== undefined && sameStat(path.join(dir, ...f.split('/')), stats[f]));
}

function statOf(file: string): OutputStat {
  const st = statSync(file);
  return [st.size, st.mtimeMs, st.ino];
}

function sameStat(file: string, want: OutputStat): boolean {
  try {
    const [size, mtimeMs, ino] = statOf(file);
    return size === want[0] && mtimeMs === want[1] && ino === want[2];
  } catch {
    return false;
  }
}
