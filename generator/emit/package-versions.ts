/**
 * The versions every generated `package.json` pins: the generator's, the runtime's and the
 * TypeScript the packages are built with, read from this repository.
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { REPO_URL } from '../repo.ts';
import type { PackageVersions } from './view/package.ts';

function readVersion(url: URL): string {
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

/** Versions pinned into generated package.json files. */
export function packageVersions(generatorVersion: string): PackageVersions {
  return {
    generator: generatorVersion,
    runtime: readVersion(new URL('runtime/package.json', REPO_URL)),
    typescript: readVersion(new URL('node_modules/typescript/package.json', REPO_URL)),
  };
}
