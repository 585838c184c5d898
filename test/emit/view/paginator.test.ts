/**
 * Paginator methods from documented paginators: `paginateX` and an items iterator per paginated
 * operation, typed by the items list's element, in a package that type-checks and that a caller's
 * code using them type-checks against.
 */
import { describe, expect, test } from 'vitest';
import { emitService } from '../../../generator/emit/emit-service.ts';
import { handlebarsRenderer } from '../../../generator/emit/render.ts';
import { loadIR } from '../../../generator/pipeline/load-ir.ts';
import { dynamodbPackage } from './helpers-fixture.ts';

describe('DynamoDB from its boto3 pages', () => {
  test('paginateListTables, paginateQuery and their items iterators; the tokens the docs show are in the schema', () => {
    const { view, file } = dynamodbPackage();
    expect(view.paginators.map((p) => [p.method, p.items?.method, p.items?.path])).toEqual([
      ['paginateListTables', 'paginateListTablesItems', 'TableNames'],
      ['paginateQuery', 'paginateQueryItems', 'Items'],
    ]);
    const client = file('src/client.ts');
    expect(client).toContain('): AsyncGenerator<string, void, undefined> {');
    // An item of Query is a map of attribute values (named by the shape naming rule).
    expect(client).toMatch(/paginateQueryItems\(\s*input: QueryRequest,\s*options\?: CallOptions,?\s*\): AsyncGenerator<Record<string, \w+>, void, undefined>/);
    expect(file('src/schema.ts')).toMatch(/inputToken: 'ExclusiveStartKey',\s*outputToken: 'LastEvaluatedKey',\s*items: 'Items',\s*limitKey: 'Limit'/);
  });
});

describe('a multi-token paginator (S3 ListObjectVersions-style)', () => {
  test('the schema carries every token, paired by position, for the runtime to send together', () => {
    const service = loadIR(['test/fixtures/boto3-helpers/dynamodb']).ir.services[0]!;
    const op = service.operations.find((o) => o.name === 'ListTables')!;
    op.paginator = { ...op.paginator!, inputTokens: ['ExclusiveStartTableName', 'Limit'], outputTokens: ['LastEvaluatedTableName', 'TableNames'] };
    const schema = emitService(service, handlebarsRenderer(), { generator: '0.0.0', runtime: '0.0.0', typescript: '0.0.0' }).files.find((f) => f.path === 'src/schema.ts')!.content;
    expect(schema).toContain("inputTokens: ['ExclusiveStartTableName', 'Limit'],\n      outputTokens: ['LastEvaluatedTableName', 'TableNames'],");
  });
});
