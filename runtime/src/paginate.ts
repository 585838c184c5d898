/**
 * Pagination: an async iterator over the pages of an operation with a `paginator` binding.
 *
 * @packageDocumentation
 */
import type { MetadataBearer, RuntimeClient, SendOptions } from './client.ts';
import type { OperationSchema } from './schema.ts';

/**
 * Yields every page of `op`, starting from `input` (whose token member, if set, is the first page's),
 * feeding each page's output token into the next request. Stops when the token is absent or empty,
 * when `moreResults` (e.g. `isTruncated`) is false, or when the service repeats the token it was sent
 * (which would otherwise loop forever).
 */
export async function* paginate<O = Record<string, unknown>>(
  client: RuntimeClient,
  op: OperationSchema,
  input: Record<string, unknown> = {},
  options: SendOptions = {},
): AsyncGenerator<O & MetadataBearer, void, undefined> {
  const p = op.paginator;
  if (!p) throw new TypeError(`operation ${op.name} is not paginated`);
  let token: unknown = input[p.inputToken];
  for (;;) {
    const page = await client.send<O>(op, token === undefined ? input : { ...input, [p.inputToken]: token }, options);
    yield page;
    const record = page as Record<string, unknown>;
    if (p.moreResults !== undefined && !record[p.moreResults]) return;
    const next = record[p.outputToken];
    if (next === undefined || next === null || next === '' || next === token) return;
    token = next;
  }
}

/** Yields the items of every page (the paginator's `items` member), for `for await (const x of …)`. */
export async function* paginateItems<T = unknown>(
  client: RuntimeClient,
  op: OperationSchema,
  input: Record<string, unknown> = {},
  options: SendOptions = {},
): AsyncGenerator<T, void, undefined> {
  const key = op.paginator?.items;
  if (!key) throw new TypeError(`operation ${op.name} has no paginated items member`);
  for await (const page of paginate(client, op, input, options)) {
    const items = (page as Record<string, unknown>)[key];
    if (Array.isArray(items)) yield* items as T[];
  }
}
