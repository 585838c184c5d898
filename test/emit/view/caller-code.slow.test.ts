/**
 * What a caller writes against the DynamoDB package emitted from boto3's pages type-checks (issue 18):
 * loops over pages and items, a waiter condition on the output and on a typed error, reading
 * `e.CancellationReasons` and narrowing on an error's literal `name`; and what it gets wrong does not.
 * Slow tier: two type-checks of the package (~5 s each).
 */
import { describe, expect, test } from 'vitest';
import { typeCheckPackage } from '../../../generator/emit/check-types.ts';
import { dynamodbPackage } from './helpers-fixture.ts';

const GOOD = `
export async function pages(c: Client): Promise<void> {
  for await (const page of c.paginateQuery({ TableName: 't' })) void page.LastEvaluatedKey;
  for await (const name of c.paginateListTablesItems()) name.toUpperCase();
  for await (const item of c.paginateQueryItems({ TableName: 't' })) void item['pk']?.S;
}
export async function waits(c: Client, signal: AbortSignal): Promise<void> {
  const until = (out: { Table?: { TableStatus?: string } } | undefined, e: unknown) => (e instanceof ResourceNotFoundException ? 'retry' : out?.Table?.TableStatus === 'ACTIVE');
  const r = await c.waitUntilTableExists({ TableName: 't' }, { until, signal, maxWaitSeconds: 600 });
  void r.output?.Table?.TableName;
  void r.attempts;
}
export function reasons(e: unknown): string | undefined {
  if (!(e instanceof TransactionCanceledException)) return undefined;
  const n: 'TransactionCanceledException' = e.name;
  void n;
  return e.CancellationReasons?.[0]?.Code;
}
`;

const BAD = `
export async function pages(c: Client): Promise<void> {
  for await (const name of c.paginateListTablesItems()) { const n: number = name; void n; }
}
export async function waits(c: Client): Promise<void> {
  await c.waitUntilTableExists({ TableName: 't' }, { until: (out) => out?.Tabel !== undefined });
}
export function reasons(e: unknown): string | undefined {
  return e instanceof TransactionCanceledException ? String(e.CancelationReasons) : undefined;
}
`;

function check(body: string): string[] {
  const { view, files } = dynamodbPackage();
  const head = `import { ${view.client.name} as Client } from './client.js';\nimport { ResourceNotFoundException, TransactionCanceledException } from './errors.js';\n`;
  return typeCheckPackage(view.folder, files, [{ path: 'src/use.ts', content: head + body }]);
}

describe("a caller's code", () => {
  test('using paginators, item iterators, a waiter and a documented error class type-checks', { timeout: 120_000 }, () => {
    expect(check(GOOD)).toEqual([]);
  });

  test('a wrong item type, a member the output lacks, a member the error page does not show: each a type error', { timeout: 120_000 }, () => {
    expect(check(BAD)).toEqual([
      "src/use.ts:11:63: Property 'CancelationReasons' does not exist on type 'TransactionCanceledException'. Did you mean 'CancellationReasons'?",
      "src/use.ts:5:65: Type 'string' is not assignable to type 'number'.",
      "src/use.ts:8:75: Property 'Tabel' does not exist on type 'DescribeTableResponse & MetadataBearer'. Did you mean 'Table'?",
    ]);
  });
});
