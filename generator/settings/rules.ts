/**
 * What a `service.json` must say, beyond its schema's shape: the fields each provider, protocol and
 * signer needs, which of them go together, and what an endpoint template may name. One table per
 * kind of fact, so a new protocol or signer is one row; the messages say what the field is for and
 * where botocore's metadata has it (README, "service.json from botocore metadata").
 *
 * The checks run on a built service (`pipeline/services.ts`), where the provider is known — the
 * settings', else the folder's (`specs/aws/…`), else the pages' — and so are the pages' own providers.
 *
 * @packageDocumentation
 */
import { closest, distance } from 'fastest-levenshtein';
import { PROVIDERS } from '../../runtime/src/providers.ts';
import type { Provider } from '../ir/model.ts';
import type { ServiceSettings } from './model.ts';

type Protocol = NonNullable<ServiceSettings['protocol']>;
type Signer = NonNullable<ServiceSettings['signatureVersion']>;
/** A top-level key of `service.json`. */
export type SettingsKey = Exclude<keyof ServiceSettings, 'operations' | 'parameters' | 'shapes'>;

/** A field a protocol or signer needs, and why (shown in the error). */
interface Need {
  key: SettingsKey;
  why: string;
}

/** Per protocol: the providers it serves and the fields it needs. */
export const PROTOCOL_RULES: Readonly<Record<Protocol, { providers: readonly Provider[]; needs: readonly Need[] }>> = {
  awsJson1_0: {
    providers: ['aws'],
    needs: [{ key: 'targetPrefix', why: 'every request says X-Amz-Target: <targetPrefix>.<Operation> (botocore metadata: targetPrefix)' }],
  },
  awsJson1_1: {
    providers: ['aws'],
    needs: [{ key: 'targetPrefix', why: 'every request says X-Amz-Target: <targetPrefix>.<Operation> (botocore metadata: targetPrefix)' }],
  },
  'rest-json': {
    providers: ['baidu'],
    needs: [{ key: 'timestampFormat', why: 'Baidu documents no default format for timestamps on the wire' }],
  },
};

/** Per signer: the providers whose services it signs and the fields it needs. */
export const SIGNER_RULES: Readonly<Record<Signer, { providers: readonly Provider[]; needs: readonly Need[] }>> = {
  v4: {
    providers: ['aws'],
    needs: [{ key: 'signingName', why: 'SigV4 scopes every signature by it (botocore metadata: signingName, else endpointPrefix)' }],
  },
  'bce-auth-v1': { providers: ['baidu'], needs: [] },
};

/** What every service needs, whatever its provider. */
const ALWAYS: readonly Need[] = [
  { key: 'protocol', why: 'it decides how requests and responses are written (botocore metadata: protocol, with jsonVersion for json)' },
  { key: 'endpoint', why: 'the client sends its requests there (e.g. https://<endpointPrefix>.{region}.amazonaws.com)' },
];

/**
 * The placeholders an endpoint template may name: those the runtime fills (`runtime/src/config.ts`,
 * `runtime/src/endpoints.ts`: `{region}`). Anything else would reach the wire as written.
 */
export const ENDPOINT_PLACEHOLDERS: readonly string[] = ['region'];

/** The schemes a client can send requests with. */
const SCHEMES = ['https', 'http'];

/** A problem of a settings file: the keys it is at, whether the key or the value is meant, and what is wrong. */
export interface RuleProblem {
  keys: string[];
  /** `key`: the property's key; `value`: its value; `inValue`: `offset` characters into a string value. */
  at: 'key' | 'value' | 'inValue';
  offset?: number;
  message: string;
}

/** A suggestion for a mistyped name among `known`, when one is close enough to be meant. */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(name, [...known]);
  const d = distance(name.toLowerCase(), best.toLowerCase());
  return d <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** A list of names for a message: `"a", "b" or "c"`. */
export function oneOf(names: readonly string[]): string {
  const quoted = names.map((n) => JSON.stringify(n));
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** The problems of an endpoint template (`https://odb.{region}.api.aws`); offsets are into the template. */
export function endpointProblems(template: string): { offset: number; message: string }[] {
  const out: { offset: number; message: string }[] = [];
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(template);
  if (!scheme) out.push({ offset: 0, message: `endpoint ${JSON.stringify(template)} has no scheme: it must start with https:// (or http://)` });
  else if (!SCHEMES.includes(scheme[1]!.toLowerCase())) out.push({ offset: 0, message: `endpoint scheme "${scheme[1]}" is not ${oneOf(SCHEMES)}` });
  // Placeholders: {name}, names known; a brace without its pair is an error where it stands.
  let filled = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c === '}') {
      out.push({ offset: i, message: 'endpoint has a "}" that closes no placeholder' });
      continue;
    }
    if (c !== '{') {
      filled += c;
      continue;
    }
    const end = template.indexOf('}', i + 1);
    const nextOpen = template.indexOf('{', i + 1);
    if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
      out.push({ offset: i, message: 'endpoint has a "{" that opens a placeholder it never closes' });
      continue;
    }
    const name = template.slice(i + 1, end);
    if (!ENDPOINT_PLACEHOLDERS.includes(name)) {
      const near = didYouMean(name, ENDPOINT_PLACEHOLDERS);
      out.push({
        offset: i,
        message: `endpoint placeholder {${name}} is not one the client fills (${ENDPOINT_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})${near ? `: did you mean {${near}}?` : ''}`,
      });
    }
    filled += 'us-east-1';
    i = end;
  }
  if (out.length === 0) {
    let host = '';
    try {
      host = new URL(filled).hostname;
    } catch {
      // reported below
    }
    if (host === '') out.push({ offset: 0, message: `endpoint ${JSON.stringify(template)} is not a URL once its placeholders are filled (${JSON.stringify(filled)})` });
  }
  return out;
}

/** What the wire rules know of a service beyond its settings. */
export interface WireContext {
  /** The service's provider, as the build resolved it. */
  provider: Provider;
  /** The pages' own providers, each with a page that shows it and that page's format. */
  pageProviders: readonly { provider: Provider; file: string; format: string }[];
}

/** The problems of a service's settings against the rules above (empty when there are none). */
export function wireProblems(settings: ServiceSettings, context: WireContext): RuleProblem[] {
  const out: RuleProblem[] = [];
  const { provider } = context;
  if (settings.provider !== undefined) {
    const other = context.pageProviders.find((p) => p.provider !== settings.provider);
    if (other) {
      out.push({
        keys: ['provider'],
        at: 'value',
        message: `provider "${settings.provider}" does not match the pages: ${other.file} is a ${other.format} page, which documents a "${other.provider}" service`,
      });
    }
  }
  // Each need with where a missing field is reported: at the setting that made it needed, else the file's start.
  const needs: { need: Need; keys: string[]; by?: string }[] = ALWAYS.map((need) => ({ need, keys: [] }));
  if (settings.protocol !== undefined) {
    const rule = PROTOCOL_RULES[settings.protocol];
    if (!rule.providers.includes(provider)) {
      out.push({ keys: ['protocol'], at: 'value', message: `protocol "${settings.protocol}" is not one of the ${provider} services' (${oneOf(protocolsOf(provider))})` });
    }
    needs.push(...rule.needs.map((need) => ({ need, keys: ['protocol'], by: `${settings.protocol} services` })));
  }
  // Without a signatureVersion the provider's default signer signs (runtime/src/providers.ts), and needs what it needs.
  const signer: Signer = settings.signatureVersion ?? PROVIDERS[provider].signatureVersion;
  const signerRule = SIGNER_RULES[signer];
  if (!signerRule.providers.includes(provider)) {
    out.push({ keys: ['signatureVersion'], at: 'value', message: `signatureVersion "${signer}" does not sign ${provider} requests (${provider}: ${oneOf(signersOf(provider))})` });
  }
  const signerKeys = settings.signatureVersion !== undefined ? ['signatureVersion'] : [];
  needs.push(...signerRule.needs.map((need) => ({ need, keys: signerKeys, by: `${signer} signing` })));
  for (const { need, keys, by } of needs) {
    if (settings[need.key] !== undefined) continue;
    out.push({ keys, at: 'key', message: `"${need.key}" is required${by ? ` for ${by}` : ''}: ${need.why}` });
  }
  if (settings.endpoint !== undefined) {
    for (const p of endpointProblems(settings.endpoint)) out.push({ keys: ['endpoint'], at: 'inValue', offset: p.offset, message: p.message });
  }
  return out;
}

function protocolsOf(provider: Provider): string[] {
  return Object.entries(PROTOCOL_RULES).filter(([, r]) => r.providers.includes(provider)).map(([p]) => p);
}

function signersOf(provider: Provider): string[] {
  return Object.entries(SIGNER_RULES).filter(([, r]) => r.providers.includes(provider)).map(([s]) => s);
}

