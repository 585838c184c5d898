/**
 * What the lazily loaded credential sources share: the environment's type, the error they throw
 * (tagged with its source; the client turns it into a `CredentialsError`), and Node built-ins reached
 * at run time — through `process.getBuiltinModule` (Node ≥ 20.16), else a dynamic `import` of a
 * computed name — so that no bundler resolves a Node module for this code.
 *
 * @packageDocumentation
 */
import type { CredentialSource } from '../errors.ts';

/** Environment variables, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * A source's failure. Not a `CredentialsError`: this module is bundled apart from the client core
 * (`dist/credentials/node.js`), and a second copy of the error classes would break `instanceof`; the
 * client wraps it, keeping the message and the cause.
 */
export class SourceError extends Error {
  /** Which source failed. */
  readonly source: CredentialSource;

  constructor(source: CredentialSource, message: string, cause?: unknown) {
    super(message, cause !== undefined ? { cause } : undefined);
    this.name = 'SourceError';
    this.source = source;
  }
}

/** A Node built-in module by id (`node:fs/promises`, …). */
export async function builtin<T>(id: string): Promise<T> {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = proc?.getBuiltinModule?.(id);
  if (mod) return mod as T;
  return (await import(/* webpackIgnore: true */ /* @vite-ignore */ id)) as T;
}

/** The home directory: `HOME`, else `USERPROFILE`, else `HOMEDRIVE` + `HOMEPATH`, else (not hermetic) the OS's. */
export async function homeDir(env: Env, hermetic: boolean): Promise<string | undefined> {
  const home = env.HOME || env.USERPROFILE || (env.HOMEDRIVE && env.HOMEPATH ? env.HOMEDRIVE + env.HOMEPATH : undefined);
  if (home || hermetic) return home;
  return (await builtin<{ homedir(): string }>('node:os')).homedir();
}
