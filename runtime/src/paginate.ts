/**
 * Pagination: an async iterator over the pages of an operation with a `paginator` binding.
 *
 * @packageDocumentation
 */
import type { MetadataBearer, SendOptions, WireClient } from './client.ts';
import type { OperationSchema } from './schema.ts';

/**
 * The service sent back the token(s) it was just sent: paging on would ask for the same page
 * forever. The AWS SDKs throw here too ("The same next token was received twice").
 */
export class RepeatedTokenError extends Error {
  /** The operation being paged. */
  readonly operation: string;
  /** The page (1-based) whose response repeated its request's token(s). */
  readonly page: number;

  constructor(operation: string, page: number) {
    super(`${operation}: page ${page} returned the token it was sent; paging on would not end`);
    this.name = 'RepeatedTokenError';
    this.operation = operation;
    this.page = page;
  }
}

/** The value at a `.`-separated path of a page (`DistributionList.NextMarker`). */
function at(record: unknown, path: string): unknown {
  let value = record;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const absent = (v: unknown): boolean => v === undefined || v === null || v === '';

/** Tokens compared by content: DynamoDB's `LastEvaluatedKey` is a map of attribute values. */
function sameTokens(a: readonly unknown[], b: readonly unknown[]): boolean {
  return JSON.stringify(a, bytesAsList) === JSON.stringify(b, bytesAsList);
}

function bytesAsList(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? Array.from(value) : value;
}

/**
 * Yields every page of `op`, starting from `input` (whose token members, if set, are the first
 * page's), feeding each page's output token(s) into the next request's input token(s) — several
 * for a multi-token paginator (S3 ListObjectVersions), paired by position; a token a page leaves out
 * is left out of the next request. Stops when every output token is absent or empty, or when
 * `moreResults` (e.g. `isTruncated`) is false. A page that returns the token(s) it was sent throws
 * {@link RepeatedTokenError} (after yielding it): paging on would loop forever.
 */
export async function* paginate<O = Record<string, unknown>>(
  client: WireClient,
  op: OperationSchema,
  input: Record<string, unknown> = {},
  options: SendOptions = {},
): AsyncGenerator<O & MetadataBearer, void, undefined> {
  const p = op.paginator;
  if (!p) throw new TypeError(`operation ${op.name} is not paginated`);
  const inputTokens = p.inputTokens ?? [p.inputToken];
  const outputTokens = p.outputTokens ?? [p.outputToken];
  let sent: unknown[] | undefined = inputTokens.some((k) => !absent(input[k])) ? inputTokens.map((k) => input[k]) : undefined;
  let request = input;
  for (let page = 1; ; page++) {
    const output = await client.send<O>(op, request, options);
    yield output;
    if (p.moreResults !== undefined && !at(output, p.moreResults)) return;
    const next = outputTokens.map((k) => at(output, k));
    if (next.every(absent)) return;
    if (sent !== undefined && sameTokens(next, sent)) throw new RepeatedTokenError(op.name, page);
    sent = next;
    request = { ...input };
    inputTokens.forEach((k, i) => {
      if (absent(next[i])) delete request[k];
      else request[k] = next[i];
    });
  }
}

/**
 * Yields the items of every page (the paginator's `items` member, a list or a path to one), for
 * `for await (const x of …)`. A page without the member yields nothing.
 */
export async function* paginateItems<T = unknown>(
  client: WireClient,
  op: OperationSchema,
  input: Record<string, unknown> = {},
  options: SendOptions = {},
): AsyncGenerator<T, void, undefined> {
  const key = op.paginator?.items;
  if (!key) throw new TypeError(`operation ${op.name} has no paginated items member`);
  for await (const page of paginate(client, op, input, options)) {
    const items = at(page, key);
    if (Array.isArray(items)) yield* items as T[];
  }
}
