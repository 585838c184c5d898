/**
 * Error classes thrown by the runtime and by generated clients.
 *
 * Every error a caller can see is one of these classes, so `instanceof` and `name` are enough to branch
 * on. None of them ever carries a credential: messages are built from codes, statuses and server text only.
 *
 * @packageDocumentation
 */

import type { HttpResponse } from './transport.ts';

/** Facts about the HTTP exchange that produced a response or an error. */
export interface ResponseMetadata {
  /** HTTP status of the last attempt (undefined when no response arrived). */
  httpStatusCode?: number;
  /** Request id from `x-amzn-requestid` / `x-bce-request-id` or the error body. */
  requestId?: string;
  /** Number of attempts made (1 = no retry). */
  attempts: number;
}

/** What a {@link ServiceErrorConstructor} receives. */
export interface ServiceErrorInit {
  /** Error code as sent by the service, namespace and `:` suffix stripped. */
  code: string;
  /** Message from the service (or a generic one when the body had none). */
  message: string;
  /** HTTP status, request id, attempts. */
  $metadata: ResponseMetadata;
  /** Other fields of the error body (e.g. `Reason`), copied onto the error when they do not clash. */
  fields?: Record<string, unknown>;
}

/**
 * An error returned by the service. Generated per-code classes extend it (`class ThrottlingException
 * extends ServiceError {}`), so `name` is the code and the class is the documented exception.
 */
export class ServiceError extends Error {
  /** Error code as sent by the service. */
  readonly code: string;
  /** HTTP status, request id, attempts. */
  readonly $metadata: ResponseMetadata;
  /** `client` for 4xx, `server` for 5xx, as AWS SDKs report it. */
  readonly $fault: 'client' | 'server';
  /**
   * The raw HTTP response, as on the AWS SDK v3's `ServiceException` (set by the client; not
   * enumerable, so `JSON.stringify` and deep equality leave it out).
   */
  declare readonly $response?: HttpResponse;

  constructor(init: ServiceErrorInit) {
    super(init.message);
    this.name = init.code;
    this.code = init.code;
    this.$metadata = init.$metadata;
    this.$fault = (init.$metadata.httpStatusCode ?? 500) >= 500 ? 'server' : 'client';
    if (init.fields) {
      for (const [k, v] of Object.entries(init.fields)) {
        // `in` also covers inherited names (constructor, toString, __proto__, stack): never shadow or pollute them.
        if (!(k in this)) (this as Record<string, unknown>)[k] = v;
      }
    }
  }
}

/** A constructor of {@link ServiceError} or of a generated subclass. */
export type ServiceErrorConstructor = new (init: ServiceErrorInit) => ServiceError;

/**
 * How generated code maps error codes to classes: `byCode[code]` when known, else `base` (the service's
 * own base class, itself a subclass of {@link ServiceError}).
 */
export interface ErrorRegistry {
  /** Class for codes not listed in `byCode`. */
  base: ServiceErrorConstructor;
  /** Class per documented error code. */
  byCode: Record<string, ServiceErrorConstructor>;
}

/** One problem found by a validator, tagged with the path of the offending value. */
export interface ValidationProblem {
  /** Path from the input root, e.g. `Tags[2].Key`. */
  path: string;
  /** What is wrong, e.g. `required`, `expected string`, `must be one of A, B`. */
  message: string;
}

/**
 * The input does not match the operation's documented shape. Thrown before any I/O, with every
 * problem found (not only the first) so a caller fixes them in one go.
 */
export class ValidationError extends Error {
  /** All problems found. */
  readonly problems: readonly ValidationProblem[];

  constructor(problems: readonly ValidationProblem[]) {
    super(
      `${problems.length} validation problem${problems.length === 1 ? '' : 's'}: ` +
        problems.map((p) => `${p.path || '(input)'}: ${p.message}`).join('; '),
    );
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

/**
 * Where credentials were looked for: the client's `credentials` option (an object or a provider
 * function), the environment variables, the shared config and credentials files (a profile's keys),
 * a profile's `credential_process`, the container credentials endpoint, EC2 instance metadata (IMDSv2);
 * `chain` when every source was tried and none had credentials.
 */
export type CredentialSource = 'options' | 'env' | 'shared-config' | 'process' | 'container' | 'imds' | 'chain';

/**
 * No usable credentials. `source` names where the failure happened, and `cause` keeps the underlying
 * error (a provider's own, a failed request's, a process's). Messages never include a secret.
 */
export class CredentialsError extends Error {
  /** The source that failed (or `chain`: none had credentials); undefined for malformed credentials. */
  readonly source: CredentialSource | undefined;

  constructor(message: string, options?: { source?: CredentialSource; cause?: unknown }) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'CredentialsError';
    this.source = options?.source;
  }
}

/** The client is not configured well enough to make a call (e.g. no region). Thrown before any I/O. */
export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'ConfigError';
  }
}

/** Base of errors raised while talking to the service that are not service answers. */
export class RequestError extends Error {
  /** HTTP status (if any), request id (if any), attempts. */
  readonly $metadata: ResponseMetadata;

  constructor(message: string, $metadata: ResponseMetadata, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RequestError';
    this.$metadata = $metadata;
  }
}

/** An attempt exceeded `requestTimeoutMs` (after the last attempt, when every attempt timed out). */
export class TimeoutError extends RequestError {
  constructor(message: string, $metadata: ResponseMetadata, options?: { cause?: unknown }) {
    super(message, $metadata, options);
    this.name = 'TimeoutError';
  }
}

/** The request could not be sent or its response could not be read (connection refused, reset…). */
export class NetworkError extends RequestError {
  constructor(message: string, $metadata: ResponseMetadata, options?: { cause?: unknown }) {
    super(message, $metadata, options);
    this.name = 'NetworkError';
  }
}

/** The caller's `AbortSignal` fired. Never retried. */
export class AbortError extends RequestError {
  constructor(message: string, $metadata: ResponseMetadata, options?: { cause?: unknown }) {
    super(message, $metadata, options);
    this.name = 'AbortError';
  }
}

/** A successful response whose body is not the JSON the operation documents (malformed, wrong type). */
export class ResponseParseError extends RequestError {
  constructor(message: string, $metadata: ResponseMetadata, options?: { cause?: unknown }) {
    super(message, $metadata, options);
    this.name = 'ResponseParseError';
  }
}

/**
 * `table[key]`, or a {@link ConfigError} naming the schema field, the value and the known ones (own keys
 * only: `toString` or `__proto__` is not a protocol).
 */
export function pick<T>(table: Readonly<Record<string, T>>, key: string, field: string, serviceId: string): T {
  if (Object.prototype.hasOwnProperty.call(table, key)) return table[key]!;
  throw new ConfigError(
    `unknown ${field} ${JSON.stringify(key)} in the schema of ${serviceId} (known: ${Object.keys(table).join(', ')})`,
  );
}
