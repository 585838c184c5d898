#!/usr/bin/env node
// Runs the compiled CLI (dist/, bundled by `npm ci` or `npm run build:cli`) when it was built from the
// sources as they are now, else the TypeScript sources through tsx (compiled on load, cached): a
// checkout works right after `npm ci`, and an edited source runs as edited. See compiled.js.
import { compiledEntry } from './compiled.js';

const compiled = compiledEntry();
let cli;
if (compiled) {
  cli = await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../generator/cli.ts');
}
await cli.main();
