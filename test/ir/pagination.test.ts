/**
 * Paginators from the docs: the comparison of a documented paginate() with its operation (the rule
 * in docs/ir.md) on real pages — DynamoDB's multi-member ExclusiveStartKey/LastEvaluatedKey pair,
 * a NextToken paginator (whose token paginate() replaces by its own NextToken), and the guess that
 * stays for operations no paginator documents. Fixtures: test/fixtures/boto3-helpers/README.md.
 */
import { describe, expect, test } from 'vitest';
import { loadIR } from '../../generator/pipeline/load-ir.ts';

const DIR = 'test/fixtures/boto3-helpers';

describe('boto3 1.43 pages (paginator/ beside client/)', () => {
  const { ir, diagnostics } = loadIR([`${DIR}/dynamodb`]);
  const service = ir.services[0]!;
  const op = (name: string) => service.operations.find((o) => o.name === name)!;

  test('one service: the paginator and waiter folders join the operations of their declared service', () => {
    expect(diagnostics).toEqual([]);
    expect(ir.services.map((s) => s.id)).toEqual(['dynamodb']);
  });

  test('ListTables pages by ExclusiveStartTableName / LastEvaluatedTableName, Limit, TableNames (botocore: the same)', () => {
    expect(op('ListTables').paginator).toEqual({
      inputToken: 'ExclusiveStartTableName',
      outputToken: 'LastEvaluatedTableName',
      items: 'TableNames',
      limitKey: 'Limit',
      resultKeys: ['TableNames'],
      source: { file: `${DIR}/dynamodb/paginator/ListTables.rst`, line: 19 },
    });
  });

  test('Query pages by its map-valued key: ExclusiveStartKey / LastEvaluatedKey, no guessed NextToken', () => {
    expect(op('Query').paginator).toMatchObject({ inputToken: 'ExclusiveStartKey', outputToken: 'LastEvaluatedKey', limitKey: 'Limit', items: 'Items' });
  });

  test('DescribeTable is not paginated; its waiter polls it every 20 s, 25 times', () => {
    expect(op('DescribeTable').paginator).toBeUndefined();
    expect(service.waiters).toEqual([{ name: 'TableExists', operation: 'DescribeTable', delay: 20, maxAttempts: 25, source: { file: `${DIR}/dynamodb/waiter/TableExists.rst`, line: 19 } }]);
  });

  test('the exception page gives the error class its documentation and a shape of its members', () => {
    const [e] = service.exceptions!;
    expect(e).toMatchObject({ name: 'TransactionCanceledException', shape: 'TransactionCanceledExceptionBody' });
    expect(e!.documentation).toMatch(/^The entire transaction request was canceled\./);
    const body = service.shapes['TransactionCanceledExceptionBody'] as { members: Record<string, { target: string }> };
    expect(Object.keys(body.members)).toEqual(['Message', 'CancellationReasons']);
    expect(service.shapes[body.members.CancellationReasons!.target]!.type).toBe('list');
  });
});

describe('responses hidden behind "This section is too large to render" (boto3 1.43 glue GetJobs)', () => {
  test('the input comparison still shows NextToken and MaxResults; a NextToken input pairs with a NextToken output; no result key is claimed', () => {
    const { ir, diagnostics } = loadIR([`${DIR}/glue`]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const op = ir.services[0]!.operations.find((o) => o.name === 'GetJobs')!;
    expect(op.paginator).toEqual({ inputToken: 'NextToken', outputToken: 'NextToken', limitKey: 'MaxResults', source: { file: `${DIR}/glue/paginator/GetJobs.rst`, line: 19 } });
  });
});

describe("botocore's whole-service file", () => {
  const { ir } = loadIR([`${DIR}/cloudcontrol-botocore.rst`]);
  const service = ir.services[0]!;
  test('a NextToken paginator: paginate() drops NextToken and MaxResults and adds its own NextToken, so NextToken is the output token', () => {
    const op = service.operations.find((o) => o.name === 'ListResources')!;
    expect(op.paginator).toMatchObject({ inputToken: 'NextToken', outputToken: 'NextToken', limitKey: 'MaxResults', items: 'ResourceDescriptions', resultKeys: ['ResourceDescriptions'] });
    expect(op.paginator!.source).toBeDefined();
  });
  test('waiters name the polled operation by its wire name; every exception class is recorded', () => {
    expect(service.waiters!.map((w) => [w.name, w.operation, w.delay, w.maxAttempts])).toEqual([['ResourceRequestSuccess', 'GetResourceRequestStatus', 5, 24]]);
    expect(service.exceptions!.length).toBe(21);
  });
});
