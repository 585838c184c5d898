/**
 * The client's side of the default credentials chain: it loads the Node-only sources (./node.ts) with
 * a dynamic `import()` on the first call that needs them, runs ./default-chain.ts there, and turns a
 * source's error into a {@link CredentialsError} whose `source` names the source that failed and
 * whose `cause` is the underlying error. Kept small: this file is in every bundle, browsers' too.
 *
 * @packageDocumentation
 */
import type { CredentialsProvider } from './types.ts';
import { CredentialsError, type CredentialSource } from '../errors.ts';
import type { Provider } from '../providers.ts';
import type { SharedFiles } from './shared-files.ts';

type NodeSources = typeof import('./node.ts');
type Env = Readonly<Record<string, string | undefined>>;

/**
 * Set by the published build (runtime/scripts/build.mjs) to where `dist/credentials/node.js` is from
 * `dist/index.js`; undefined when running from the sources (tests).
 */
declare const DOCSDK_NODE_SOURCES: string | undefined;

let loading: Promise<Partial<NodeSources>> | undefined;

/**
 * The Node-only sources, loaded once per process; `undefined` off Node. The published build imports
 * the file by a URL computed at run time, next to the runtime's own file: no bundler follows it, so no
 * bundle (browser or Node) carries these sources, and Node loads them from the installed package when
 * a call needs them. A bundle that moved the runtime away from its package fails here, and says so.
 */
export function nodeSources(): Promise<Partial<NodeSources> | undefined> {
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  if (typeof node !== 'string') return Promise.resolve(undefined);
  if (typeof DOCSDK_NODE_SOURCES !== 'string') return (loading ??= import('./node.ts'));
  const url = new URL(DOCSDK_NODE_SOURCES, import.meta.url).href;
  return (loading ??= import(/* webpackIgnore: true */ /* @vite-ignore */ url).catch((e: unknown) => {
    loading = undefined;
    throw new CredentialsError(`cannot load ${url} (bundled without it?): pass { credentials }, or keep @docsdk/runtime out of the bundle`, { source: 'chain', cause: e });
  }) as Promise<Partial<NodeSources>>);
}

/** `e` as a {@link CredentialsError}: a source's error keeps its message, source and cause. */
export function toCredentialsError(e: unknown, source: CredentialSource): CredentialsError {
  if (e instanceof CredentialsError) return e;
  const err = e as (Error & { source?: CredentialSource }) | undefined;
  // ./node.ts is bundled apart, so its SourceError is recognised by name, not by class.
  if (err?.name === 'SourceError') return new CredentialsError(err.message, { source: err.source ?? source, cause: err.cause });
  return new CredentialsError(`credentials provider failed: ${err instanceof Error ? err.message : String(e)}`, { source, cause: e });
}

/**
 * The shared config and credentials files of one client, read once (on the first call that needs its
 * region, endpoint or credentials from them). `hermetic`: the environment is the client's `env`
 * option, and nothing outside it is consulted (no OS home directory, no default IMDS address).
 */
export class SharedConfig {
  /** The environment the files are located and profiles chosen by. */
  readonly env: Env;
  /** Whether `env` is the client's option (see the class's description). */
  readonly hermetic: boolean;
  #files: Promise<SharedFiles | undefined> | undefined;

  constructor(env: Env, hermetic: boolean) {
    this.env = env;
    this.hermetic = hermetic;
  }

  /** Both files, parsed; `undefined` off Node. Rejects with a `SourceError` when a file cannot be read. */
  files(): Promise<SharedFiles | undefined> {
    return (this.#files ??= nodeSources().then((m) => m?.loadSharedFiles?.(this.env, this.hermetic)));
  }
}

/** The chain past the environment variables (`names`: the provider's variables, for messages). */
export function defaultChain(shared: SharedConfig, serviceId: string, names: Provider['env']): CredentialsProvider {
  return async () => {
    const mod = await nodeSources();
    if (!mod?.chainCredentials) {
      // Outside Node: only the option (and an `env` option's variables) can give credentials.
      throw new CredentialsError(`no credentials for ${serviceId}: pass { credentials } to the client`, { source: 'chain' });
    }
    try {
      return await mod.chainCredentials(shared, serviceId, names);
    } catch (e) {
      throw toCredentialsError(e, 'chain');
    }
  };
}
