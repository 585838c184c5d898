/**
 * The parts of every package's API surface that `@docsdk/runtime` and the fixed parts of the templates
 * decide, not the service: the members an error class inherits from the runtime's `ServiceError`, the
 * options a client config inherits from `ClientConfig`, `CallOptions`, and the client's fixed members.
 *
 * They are written here, as the checker prints them, because the view-model surface reads no
 * TypeScript. When `runtime/src` changes one of them, the oracle test (`test/emit/view-surface.test.ts`,
 * which reads the real runtime through ts-morph) fails on every package until this file says the same.
 *
 * @packageDocumentation
 */
import type { ApiMember } from './api-symbol.ts';

/** Members of every error class: the runtime's `ServiceError` and the built-in `Error`, by name. */
export const ERROR_CLASS_MEMBERS: readonly ApiMember[] = [
  { name: '$fault', type: '"client" | "server"' },
  { name: '$metadata', type: 'ResponseMetadata' },
  { name: '$response', type: 'HttpResponse | undefined', optional: true },
  { name: 'cause', type: 'unknown', optional: true },
  { name: 'code', type: 'string' },
  { name: 'message', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'stack', type: 'string | undefined', optional: true },
];

/** Members of the runtime's `ClientConfig`, which every client's config interface extends, by name. */
export const CLIENT_CONFIG_MEMBERS: readonly ApiMember[] = [
  { name: 'credentials', type: 'Credentials | CredentialsProvider | undefined', optional: true },
  { name: 'disableHostPrefix', type: 'boolean | undefined', optional: true },
  { name: 'endpoint', type: 'string | undefined', optional: true },
  { name: 'env', type: 'Readonly<Record<string, string | undefined>> | undefined', optional: true },
  { name: 'fetch', type: '((input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) | undefined', optional: true },
  { name: 'interceptors', type: 'readonly Interceptor[] | undefined', optional: true },
  { name: 'logger', type: 'Logger | undefined', optional: true },
  { name: 'maxAttempts', type: 'number | undefined', optional: true },
  { name: 'region', type: 'string | undefined', optional: true },
  { name: 'requestTimeoutMs', type: 'number | undefined', optional: true },
  { name: 'retry', type: 'RetryTuning | undefined', optional: true },
  { name: 'transport', type: '"fetch" | "node-http" | undefined', optional: true },
  { name: 'validate', type: 'boolean | undefined', optional: true },
  { name: 'validateResponses', type: 'boolean | undefined', optional: true },
];

/** The `CallOptions` interface of `client.ts`. */
export const CALL_OPTIONS_MEMBERS: readonly ApiMember[] = [{ name: 'signal', type: 'AbortSignal | undefined', optional: true }];

/**
 * The client class's members that are not operations. The constructor prints as `any`: the checker
 * gives a constructor declaration no type of its own.
 */
export const CLIENT_FIXED_MEMBERS: readonly ApiMember[] = [
  { name: 'constructor', type: 'any' },
  { name: 'toJSON', type: '() => Record<string, unknown>' },
];

/** The `DocumentValue` alias `types.ts` declares when a shape is a document (the checker's union order). */
export const DOCUMENT_VALUE_TYPE = 'string | number | boolean | DocumentValue[] | { [key: string]: DocumentValue; } | null';

/** The `StreamingBody` alias `types.ts` declares when a shape is a stream (lib's default type arguments shown). */
export const STREAMING_BODY_TYPE = 'AsyncIterable<Uint8Array<ArrayBufferLike>> | Uint8Array<ArrayBufferLike>';
