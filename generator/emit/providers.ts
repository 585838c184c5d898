/**
 * What the generator knows of each provider: the runtime's provider table (`runtime/src/providers.ts`:
 * display name, environment variables, default signer and protocol — one table for both) plus the
 * few facts only generated files need. A provider the runtime gains without a row here is a type
 * error, so the two cannot drift apart.
 *
 * @packageDocumentation
 */
import { PROVIDERS, type Provider } from '../../runtime/src/providers.ts';

/** A provider as the emitter sees it. */
export interface EmitterProvider extends Provider {
  /** Region the generated README's example constructs its client with. */
  exampleRegion: string;
}

const EXAMPLE_REGION: Record<keyof typeof PROVIDERS, string> = { aws: 'us-east-1', baidu: 'bj' };

/** The row of `provider`; throws on a provider the runtime has no row for (the IR's invariants exclude it). */
export function emitterProvider(provider: string): EmitterProvider {
  if (!Object.prototype.hasOwnProperty.call(PROVIDERS, provider)) throw new Error(`no provider ${JSON.stringify(provider)} in the runtime's table`);
  const key = provider as keyof typeof PROVIDERS;
  return { ...PROVIDERS[key], exampleRegion: EXAMPLE_REGION[key] };
}
