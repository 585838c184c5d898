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
import { prettierDifference, prettierParserFor } from '../../generator/emit/format.ts';

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
      else if (prettierParserFor(r)) out.push(r);
    }
    return out;
  };
  for (const rel of walk('').sort()) {
    const text = readFileSync(path.join(root, pkg, rel), 'utf8');
    files++;
    const difference = await prettierDifference(rel, text);
    if (difference) changed.push(`${pkg}/${rel}:${difference.line}`);
  }
}
process.stdout.write(`${JSON.stringify({ packages: packages.length, files, changed })}\n`);
