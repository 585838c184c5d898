/**
 * Interceptors and the logger: how callers see and change what goes over the wire.
 *
 * An interceptor is an object of optional hooks, named as in the Smithy reference architecture's
 * interceptors (what the AWS SDKs for Java, Kotlin, Rust and Swift expose) but only the few a caller
 * needs; the AWS SDK for JavaScript's middleware stack does the same jobs with far more machinery.
 * Hooks run in the order of the client's `interceptors` list, each awaited; one that throws fails the
 * call with its error (never retried). One context object travels through a call's hooks:
 *
 * ```
 * readBeforeExecution → modifyBeforeSerialization → [serialize] →
 *   per attempt: modifyBeforeSigning → [sign] → readBeforeTransmit → [send] → readAfterTransmit →
 * [parse] → readAfterExecution (output or error)
 * ```
 *
 * @packageDocumentation
 */
import type { HttpRequest, HttpResponse } from './transport.ts';

export type { HttpRequest, HttpResponse };

/** What a call's hooks see, one object per call. Hooks may read every field and change those said. */
export interface InterceptorContext {
  /** Service id (`ServiceSchema.id`). */
  readonly service: string;
  /** Operation wire name, e.g. `DescribeHostedConnections`. */
  readonly operation: string;
  /** The input; `modifyBeforeSerialization` may replace it (it is then validated and sent). */
  input: unknown;
  /** The attempt running (1 = the first), 0 before the first. */
  attempt: number;
  /**
   * The request of the current attempt, its `path` and `query` relative to the host. In
   * `modifyBeforeSigning`, before the signature: headers added or changed here are signed. In
   * `readBeforeTransmit`, the headers as sent, with the signature's (`authorization`: do not log it).
   */
  request?: HttpRequest;
  /** The URL of the host the request goes to (with the operation's host prefix). */
  endpoint?: URL;
  /** The current attempt's response, from `readAfterTransmit` on. */
  response?: HttpResponse;
  /** The call's output, in `readAfterExecution` when it succeeded. */
  output?: unknown;
  /** The call's error, in `readAfterExecution` when it failed. */
  error?: unknown;
}

/** A hook: may be async. */
export type Hook = (context: InterceptorContext) => void | Promise<void>;

/** Optional hooks around a call; see the order in this module's documentation. */
export interface Interceptor {
  /** First, once per call (start a timer here). */
  readBeforeExecution?: Hook;
  /** Once per call, before the input is validated and serialised: may set `context.input`. */
  modifyBeforeSerialization?: Hook;
  /** Every attempt, before signing: may change `context.request` (add a header: it is signed). */
  modifyBeforeSigning?: Hook;
  /** Every attempt, signed, just before sending. */
  readBeforeTransmit?: Hook;
  /** Every attempt that got a response: `context.response` is the raw response. */
  readAfterTransmit?: Hook;
  /** Last, once per call: `context.output` or `context.error`. */
  readAfterExecution?: Hook;
}

/**
 * Where debug lines go: any object with a `debug` method (`console`, the AWS SDK's `Logger`, pino).
 * Lines never carry a secret: no credential, signature, session token or header value is logged.
 */
export interface Logger {
  /** Receives one line per event. */
  debug?: (...content: unknown[]) => void;
  /** Not called (accepted so that AWS SDK loggers fit). */
  info?: (...content: unknown[]) => void;
  /** Not called (accepted so that AWS SDK loggers fit). */
  warn?: (...content: unknown[]) => void;
  /** Not called (accepted so that AWS SDK loggers fit). */
  error?: (...content: unknown[]) => void;
}

/** Runs hook `name` of each interceptor, in order. */
export async function runHooks(interceptors: readonly Interceptor[], name: keyof Interceptor, context: InterceptorContext): Promise<void> {
  for (const i of interceptors) await i[name]?.(context);
}
