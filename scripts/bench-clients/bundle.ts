/**
 * Bundle size of a client plus one call: esbuild, minified, ESM, for `platform=node` and
 * `platform=browser`, gzipped; and where the bytes go (the metafile's inputs grouped by package).
 *
 * @packageDocumentation
 */
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchCase } from './cases.ts';

/** One bundle's size and its largest contributors. */
export interface BundleSize {
  minified: number;
  gzipped: number;
  /** Minified bytes by package (or `(entry)`), largest first. */
  largest: { name: string; bytes: number }[];
}

/** The entry a user would write: import the client, build it, call one operation. */
export function entrySource(c: BenchCase, side: 'ours' | 'theirs'): string {
  const input = JSON.stringify(c.input);
  return side === 'ours'
    ? `import { ${c.ours.client} } from '${c.ours.pkg}';\n` +
        `const client = new ${c.ours.client}({ region: 'us-east-1' });\n` +
        `client.${c.ours.method}(${input}).then(console.log, console.error);\n`
    : `import { ${c.theirs.client}, ${c.theirs.command} } from '${c.theirs.pkg}';\n` +
        `const client = new ${c.theirs.client}({ region: 'us-east-1' });\n` +
        `client.send(new ${c.theirs.command}(${input})).then(console.log, console.error);\n`;
}

// `…/node_modules/@scope/name/…` → `@scope/name`; files outside node_modules are the entry.
function packageOf(file: string): string {
  const i = file.lastIndexOf('node_modules/');
  if (i < 0) return '(entry)';
  const parts = file.slice(i + 'node_modules/'.length).split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** Bundles `entry.mjs` written into `project` (whose node_modules holds the client). */
export async function bundleSize(project: string, source: string, platform: 'node' | 'browser'): Promise<BundleSize> {
  const entry = path.join(project, `entry-${platform}.mjs`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: project,
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: 'es2022',
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0]!;
  const byPackage = new Map<string, number>();
  for (const out of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
      const name = packageOf(input);
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
  }
  const largest = [...byPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
  return { minified: file.contents.byteLength, gzipped: gzipSync(file.contents, { level: 9 }).byteLength, largest };
}
