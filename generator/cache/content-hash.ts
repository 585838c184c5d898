/**
 * Content hashes of input files, with a stat fast path (as git's index does): a file whose size,
 * modification time and inode are those recorded with its hash is not read again. Editing a page
 * changes its modification time, so its hash is recomputed; a change that keeps all three (a
 * same-size rewrite within the clock's resolution) is the accepted blind spot, as in git.
 *
 * @packageDocumentation
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/** What is recorded per file: its stat fingerprint and content hash. */
export interface FileRecord {
  size: number;
  mtimeMs: number;
  ino: number;
  sha: string;
}

/** The hash of some bytes (hex). */
export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The content hash of `file` (an absolute path), from `records` when its stat matches, else read
 * and hashed (and `records` updated). Also returns the bytes when it had to read them.
 */
export function contentHash(file: string, records: Record<string, FileRecord>): { sha: string; bytes?: Buffer } {
  const st = statSync(file);
  const known = records[file];
  if (known && known.size === st.size && known.mtimeMs === st.mtimeMs && known.ino === st.ino) return { sha: known.sha };
  const bytes = readFileSync(file);
  const sha = sha256(bytes);
  records[file] = { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, sha };
  return { sha, bytes };
}
