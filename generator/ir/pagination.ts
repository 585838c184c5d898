/**
 * Pagination the docs show without saying so: an AWS operation whose input and output both have a
 * `NextToken` (any casing) pages through results; its page-size member is `MaxResults` (or
 * `maxResults`, `Limit`, `MaxItems`) when the input has one, and its items the output's only list.
 */
import type { Operation, Paginator, Shape } from './model.ts';

const TOKENS = ['NextToken', 'nextToken'];
const LIMITS = ['MaxResults', 'maxResults', 'Limit', 'limit', 'MaxItems', 'maxItems'];

function membersOf(shapes: Record<string, Shape>, id: string): Record<string, { target: string }> {
  const s = shapes[id];
  return s && (s.type === 'structure' || s.type === 'union') ? s.members : {};
}

/** The paginator of `op` when its input and output show the token pair, else undefined. */
export function inferPaginator(op: Operation, shapes: Record<string, Shape>): Paginator | undefined {
  const input = membersOf(shapes, op.input);
  const output = membersOf(shapes, op.output);
  const token = TOKENS.find((t) => t in input && t in output);
  if (!token) return undefined;
  const paginator: Paginator = { inputToken: token, outputToken: token };
  const limit = LIMITS.find((l) => l in input);
  if (limit) paginator.limitKey = limit;
  const lists = Object.entries(output).filter(([, m]) => shapes[m.target]?.type === 'list');
  if (lists.length === 1) paginator.items = lists[0]![0];
  return paginator;
}
