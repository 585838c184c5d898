/**
 * Unknown option names are errors. TypeScript already refuses them in an object literal (the
 * generated `…ClientConfig` type); this catches them from JavaScript, or from a config object built
 * elsewhere, where a misspelt `regoin` would otherwise be ignored and the client misconfigured.
 *
 * @packageDocumentation
 */
import type { ClientConfig, RetryTuning } from './config.ts';
import { ConfigError } from './errors.ts';

// Every key of the types, checked by the compiler both ways (a key added to ClientConfig must be added here).
const CLIENT_KEYS = {
  region: 0,
  endpoint: 0,
  credentials: 0,
  maxAttempts: 0,
  requestTimeoutMs: 0,
  fetch: 0,
  transport: 0,
  validate: 0,
  validateResponses: 0,
  retry: 0,
  env: 0,
  interceptors: 0,
  logger: 0,
  disableHostPrefix: 0,
} satisfies Record<keyof ClientConfig, 0>;
const RETRY_KEYS = { baseDelayMs: 0, throttlingBaseDelayMs: 0, maxDelayMs: 0, sleep: 0, random: 0, quota: 0 } satisfies Record<keyof RetryTuning, 0>;

/** Throws a {@link ConfigError} naming the first option of `config` (or of its `retry`) that no type declares, with the likeliest meant one. */
export function checkConfigKeys(config: ClientConfig, serviceId: string): void {
  check(config, CLIENT_KEYS, '', serviceId);
  if (config.retry && typeof config.retry === 'object') check(config.retry, RETRY_KEYS, 'retry.', serviceId);
}

function check(options: object, known: Record<string, 0>, prefix: string, serviceId: string): void {
  for (const key of Object.keys(options)) {
    if (Object.prototype.hasOwnProperty.call(known, key)) continue;
    const near = closest(key, Object.keys(known));
    throw new ConfigError(
      `unknown option ${JSON.stringify(prefix + key)} for the ${serviceId} client` +
        (near ? ` (did you mean ${JSON.stringify(prefix + near)}?)` : ` (known: ${Object.keys(known).join(', ')})`),
    );
  }
}

/** The known name nearest to `key` (edit distance, case ignored), when near enough to be a typo. */
export function closest(key: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(key.length / 3)) + 1;
  for (const name of names) {
    const d = distance(key.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}

// Levenshtein distance, one row kept.
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
