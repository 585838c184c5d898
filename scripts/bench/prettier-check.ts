/**
 * Runs Prettier (the options every emitted file is laid out for, `generator/emit/format.ts`) over every
 * emitted file of the packages below a folder but the JSON snapshots (`ir.json`, `api.json`, written by
 * JSON.stringify), and prints one JSON line: files checked, files Prettier would change (with the
 * first changed line of each). `generate` runs no formatter: this is the proof on a whole corpus.
 *
 * Usage: node --import tsx scripts/bench/prettier-check.ts OUT_DIR [PART/PARTS]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { PRETTIER_OPTIONS } from '../../generator/emit/format.ts';

const PARSERS: Record<string, string> = { '.ts': 'typescript', '.md': 'markdown', '.json': 'json' };
const SNAPSHOTS = new Set(['ir.json', 'api.json']);

const [root, share = '0/1'] = process.argv.slice(2);
if (!root) throw new Error('usage: prettier-check.ts OUT_DIR [PART/PARTS]');
const [part, parts] = share.split('/').map(Number) as [number, number];
let files = 0;
const changed: string[] = [];
const packages = readdirSync(root).sort().filter((_, i) => i % parts === part);
for (const pkg of packages) {
  const walk = (rel: string) => {
    const out: string[] = [];
    for (const e of readdirSync(path.join(root, pkg, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) out.push(...walk(r));
      else if (PARSERS[path.extname(r)] && !SNAPSHOTS.has(r)) out.push(r);
    }
    return out;
  };
  for (const rel of walk('').sort()) {
    const text = readFileSync(path.join(root, pkg, rel), 'utf8');
    const want = await prettier.format(text, { ...PRETTIER_OPTIONS, parser: PARSERS[path.extname(rel)]! });
    files++;
    if (want === text) continue;
    const have = text.split('\n');
    const at = have.findIndex((l, i) => l !== want.split('\n')[i]);
    changed.push(`${pkg}/${rel}:${at + 1}`);
  }
}
process.stdout.write(`${JSON.stringify({ packages: packages.length, files, changed })}\n`);
