#!/usr/bin/env node
// The generator is TypeScript run from source: tsx compiles it on load (cached), so a checkout
// works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../generator/cli.ts');
await main();
