/** A temporary HOME with `.aws/config` and `.aws/credentials` files, for the shared-files tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The folder, a writer of files under it, and a remover. */
export interface TempHome {
  dir: string;
  /** Writes `text` at `rel` (folders made). Returns the absolute path. */
  write(rel: string, text: string): string;
  remove(): void;
}

/** Makes a temp HOME; `config` / `credentials`, when given, go to `.aws/`. */
export function tempHome(files: { config?: string; credentials?: string } = {}): TempHome {
  const dir = mkdtempSync(path.join(tmpdir(), 'docsdk-home-'));
  const home: TempHome = {
    dir,
    write(rel, text) {
      const p = path.join(dir, rel);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, text);
      return p;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  if (files.config !== undefined) home.write('.aws/config', files.config);
  if (files.credentials !== undefined) home.write('.aws/credentials', files.credentials);
  return home;
}

/**
 * A `credential_process` command running a real node script that prints `output` (JSON-stringified
 * unless a string) and exits with `code`, writing `stderr`.
 */
export function processCommand(home: TempHome, name: string, output: unknown, code = 0, stderr = ''): string {
  const script = home.write(
    `bin/${name}.mjs`,
    `process.stdout.write(${JSON.stringify(typeof output === 'string' ? output : JSON.stringify(output))});\n` +
      (stderr ? `process.stderr.write(${JSON.stringify(stderr)});\n` : '') +
      `process.exitCode = ${code};\n`,
  );
  return `"${process.execPath}" "${script}"`;
}
