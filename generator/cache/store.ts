/**
 * The generate cache on disk (`.docsdk-cache/`, git-ignored): one index (file hashes, what each
 * read document said, what each built service gave, what each output folder holds) and, per
 * service key, the files of its package. Keys are content hashes that include the generator's key
 * ({@link generatorKey}), so an entry is either right or never looked up; the index is replaced
 * atomically, and a lost update only costs recomputation.
 *
 * @packageDocumentation
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { Provider } from '../ir/model.ts';
import type { FileRecord } from './content-hash.ts';

/** What a read document contributes when its service is not rebuilt. */
export interface DocumentRecord {
  /** The service id the page declares. */
  id?: string;
  /** The client the page declares (`Account` of `Account.Client`). */
  clientName?: string;
  /** Whether the page holds operations (a service of pages without any is not generated). */
  operations: number;
  /** Sections recognised and skipped as not client operations, by kind (index pages, paginators, resources …). */
  skipped?: Record<string, number>;
  diagnostics: Diagnostic[];
}

/** What a built and emitted service gave. */
export interface ServiceRecord {
  provider: Provider;
  id: string;
  folder: string;
  packageName: string;
  /** Package files, relative to the package folder, in emission order. */
  files: string[];
  /** Diagnostics of building the service (merge disagreements, binding checks). */
  diagnostics: Diagnostic[];
}

/** Stat fingerprint of a written output file: `[size, mtimeMs, ino]`. */
export type OutputStat = [number, number, number];

/** What the cache last wrote into an output folder: per package folder, its service key and files' stats. */
export interface OutputRecord {
  packages: Record<string, { key: string; files: Record<string, OutputStat> }>;
}

/** The index: everything but package contents. */
export interface CacheIndex {
  generator: string;
  files: Record<string, FileRecord>;
  documents: Record<string, DocumentRecord>;
  services: Record<string, ServiceRecord>;
  outputs: Record<string, OutputRecord>;
}

const INDEX = 'index.json';

/** The cache in folder `dir`. */
export class CacheStore {
  constructor(readonly dir: string) {}

  /** The index for generator key `generator`; entries of another generator are dropped. */
  loadIndex(generator: string): CacheIndex {
    try {
      const index = JSON.parse(readFileSync(path.join(this.dir, INDEX), 'utf8')) as CacheIndex;
      // File hashes don't depend on the generator; the rest does.
      if (index.generator === generator) return index;
      return { generator, files: index.files ?? {}, documents: {}, services: {}, outputs: {} };
    } catch {
      return { generator, files: {}, documents: {}, services: {}, outputs: {} };
    }
  }

  /**
   * Replaces the index atomically. Input files and output folders that no longer exist are dropped
   * first, so the index does not grow with every temporary folder ever generated from or into.
   */
  saveIndex(index: CacheIndex): void {
    for (const file of Object.keys(index.files)) if (!existsSync(file)) delete index.files[file];
    for (const out of Object.keys(index.outputs)) if (!existsSync(out)) delete index.outputs[out];
    mkdirSync(this.dir, { recursive: true });
    const tmp = path.join(this.dir, `${INDEX}.tmp-${process.pid}`);
    writeFileSync(tmp, JSON.stringify(index));
    renameSync(tmp, path.join(this.dir, INDEX));
  }

  private packageDir(key: string): string {
    return path.join(this.dir, 'packages', key);
  }

  /** Whether the package of service key `key` is stored with all of `files`. */
  hasPackage(key: string, files: readonly string[]): boolean {
    const dir = this.packageDir(key);
    return files.every((f) => existsSync(path.join(dir, ...f.split('/'))));
  }

  /** Stores a package's files under `key` (written beside, then renamed in: readers never see half a package). */
  savePackage(key: string, files: readonly { path: string; content: string }[]): void {
    const dir = this.packageDir(key);
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    for (const f of files) {
      const target = path.join(tmp, ...f.path.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, f.content);
    }
    rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another run stored the same package first
    }
  }

  /** Copies a stored package file to `target`. */
  copyPackageFile(key: string, file: string, target: string): void {
    copyFileSync(path.join(this.packageDir(key), ...file.split('/')), target);
  }

  /** A stored package file's content. */
  readPackageFile(key: string, file: string): string {
    return readFileSync(path.join(this.packageDir(key), ...file.split('/')), 'utf8');
  }
}
