/**
 * Shared helpers of the diff tests: running the CLI in-process, temp folders, and spec folders made
 * from the seeds with one edit.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../generator/cli.ts';

/** Runs the CLI in-process and captures what it prints. */
export async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

export { tempDir } from '../emit/helpers.ts';

/** Copies seed service folder `specs/<service>` (e.g. `aws/odb`), or only `files` of it, to `<root>/<service>`. */
export function copySeed(service: string, root: string, files?: readonly string[]): string {
  const from = path.resolve('specs', service);
  const to = path.join(root, service);
  if (files) for (const f of files) cpSync(path.join(from, f), path.join(to, f));
  else cpSync(from, to, { recursive: true });
  return to;
}

/** Replaces `find` (which must occur exactly once) by `replace` in `file`. */
export function edit(file: string, find: string | RegExp, replace: string): void {
  const text = readFileSync(file, 'utf8');
  const count = typeof find === 'string' ? text.split(find).length - 1 : (text.match(new RegExp(find.source, `${find.flags.replace('g', '')}g`)) ?? []).length;
  if (count !== 1) throw new Error(`${file}: expected one ${String(find)}, found ${count}`);
  writeFileSync(file, text.replace(find, replace));
}
