// Types of compiled.js (plain JavaScript: bin/ runs before anything compiles TypeScript).

/** Where the build writes, relative to the repository root. */
export const DIST: string;
/** The compiled CLI (the bundle of generator/cli.ts). */
export const CLI_BUNDLE: string;
/** The stamp, written last by the build. */
export const STAMP: string;

/** The SHA-256 of `files` (relative to the folder URL `root`), each hashed with its name and length. */
export function sourcesDigest(root: URL, files: readonly string[], bytes?: (file: string) => Uint8Array): string;

/** The URL of the compiled CLI of the repository at folder URL `root` when it was built from the files there now, else `undefined`. */
export function compiledEntry(root?: URL): URL | undefined;
