/**
 * An option name no type declares is refused: by the compiler in an object literal (the
 * `@ts-expect-error` lines fail `tsc` if it ever accepted one), and from JavaScript by the
 * constructor, with a ConfigError naming the key and the option meant.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, RuntimeClient, type ClientConfig } from '../src/index.ts';
import { closest } from '../src/config-keys.ts';
import { directConnect } from './fixtures/schemas.ts';

const make = (config: unknown) => () => new RuntimeClient(directConnect, config as ClientConfig);

describe('unknown options', () => {
  it('are type errors in TypeScript', () => {
    // @ts-expect-error: `regoin` is not an option
    const typo: ClientConfig = { regoin: 'us-east-1' };
    // @ts-expect-error: `retry.baseDelay` is not an option
    const nested: ClientConfig = { retry: { baseDelay: 5 } };
    expect(make(typo)).toThrow(ConfigError);
    expect(make(nested)).toThrow(ConfigError);
  });

  it.each([
    [{ regoin: 'us-east-1' }, 'unknown option "regoin" for the directconnect client (did you mean "region"?)'],
    [{ Region: 'us-east-1' }, 'unknown option "Region" for the directconnect client (did you mean "region"?)'],
    [{ maxAttempt: 2 }, 'unknown option "maxAttempt" for the directconnect client (did you mean "maxAttempts"?)'],
    [{ credential: {} }, 'unknown option "credential" for the directconnect client (did you mean "credentials"?)'],
    [{ loger: console }, 'unknown option "loger" for the directconnect client (did you mean "logger"?)'],
    [{ disableHostPrefx: true }, 'unknown option "disableHostPrefx" for the directconnect client (did you mean "disableHostPrefix"?)'],
    [{ retry: { baseDelay: 5 } }, 'unknown option "retry.baseDelay" for the directconnect client (did you mean "retry.baseDelayMs"?)'],
  ])('%j → %s', (config, message) => {
    expect(make(config)).toThrow(new ConfigError(message));
  });

  it('without a near name, the message lists the known ones', () => {
    expect(make({ proxy: 'http://p' })).toThrow(/^unknown option "proxy" for the directconnect client \(known: region, endpoint, credentials, .*disableHostPrefix\)$/);
  });

  it('every known option is accepted, even undefined ones', () => {
    expect(make({ region: undefined, logger: undefined, interceptors: [], disableHostPrefix: false, retry: { quota: undefined } })).not.toThrow();
  });

  it('closest: edit distance, case ignored, within a third of the length (plus one)', () => {
    expect(closest('regoin', ['region', 'endpoint'])).toBe('region');
    expect(closest('ENDPOINT', ['region', 'endpoint'])).toBe('endpoint');
    expect(closest('xyz', ['region', 'endpoint'])).toBeUndefined();
    expect(closest('en', ['env', 'endpoint'])).toBe('env');
  });
});
