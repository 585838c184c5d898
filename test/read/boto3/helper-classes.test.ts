/**
 * Paginators, waiters and client exception classes read from boto3's own pages: botocore's
 * whole-service file (1.29, with its "Client Exceptions" section) and boto3 1.43's per-page layout
 * (`paginator/`, `waiter/`, `client/exceptions/`). Fixtures: test/fixtures/boto3-helpers/README.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readBoto3Rst } from '../../../generator/read/boto3-rst.ts';
import { clientMethodNamed, helperClassOf } from '../../../generator/read/boto3/helper-classes.ts';
import type { StructureNode } from '../../../generator/ir/input.ts';

const DIR = 'test/fixtures/boto3-helpers';
const read = (file: string) => readBoto3Rst(readFileSync(`${DIR}/${file}`, 'utf8'), file);
const names = (node: { members: { name: string }[] } | undefined) => node?.members.map((m) => m.name);

describe('what a target names', () => {
  test('paginator, waiter and exception classes; another method of a paginator is none', () => {
    expect(helperClassOf('DynamoDB.Paginator.ListTables')).toEqual({ kind: 'paginator', name: 'ListTables' });
    expect(helperClassOf('DynamoDB.Paginator.ListTables.paginate')).toEqual({ kind: 'paginator', name: 'ListTables' });
    expect(helperClassOf('DynamoDB.Waiter.TableExists.wait')).toEqual({ kind: 'waiter', name: 'TableExists' });
    expect(helperClassOf('DynamoDB.Client.exceptions.TransactionCanceledException')).toEqual({ kind: 'exception', name: 'TransactionCanceledException' });
    expect(helperClassOf('DynamoDB.Paginator.ListTables.wait')).toBeUndefined();
    expect(helperClassOf('DynamoDB.Client.list_tables')).toBeUndefined();
    expect(clientMethodNamed('Polls :py:meth:`DynamoDB.Client.describe_table` every 20 seconds')).toBe('describe_table');
  });
});

describe('boto3 1.43 pages', () => {
  test('a paginator page: the method it pages, paginate() without PaginationConfig, the page output, the config shown', () => {
    const page = read('dynamodb/paginator/ListTables.rst');
    expect(page.diagnostics).toEqual([]);
    expect(page.operations).toEqual([]);
    expect(page.skipped).toEqual([]);
    const [p] = page.paginators!;
    expect(p).toMatchObject({ name: 'ListTables', method: 'list_tables', config: ['MaxItems', 'PageSize', 'StartingToken'] });
    expect(names(p!.input)).toEqual([]);
    expect(names(p!.output)).toEqual(['TableNames', 'NextToken']);
  });

  test('Query: the token input (ExclusiveStartKey) and Limit are not among paginate() parameters', () => {
    const [p] = read('dynamodb/paginator/Query.rst').paginators!;
    expect(p!.method).toBe('query');
    expect(names(p!.input)).not.toContain('ExclusiveStartKey');
    expect(names(p!.input)).not.toContain('Limit');
    expect(names(p!.input)).toContain('KeyConditionExpression');
    expect(names(p!.output)).toEqual(['Items', 'Count', 'ScannedCount', 'ConsumedCapacity', 'NextToken']);
  });

  test('a waiter page: the method polled, the delay and attempts its description states', () => {
    const page = read('dynamodb/waiter/TableExists.rst');
    expect(page.diagnostics).toEqual([]);
    expect(page.waiters).toEqual([{ name: 'TableExists', method: 'describe_table', delay: 20, maxAttempts: 25, source: { file: 'dynamodb/waiter/TableExists.rst', line: 19 } }]);
  });

  test('an exception page: its documentation and its members, boto3 generic Error left out', () => {
    const page = read('dynamodb/client/exceptions/TransactionCanceledException.rst');
    expect(page.diagnostics).toEqual([]);
    const [e] = page.exceptions!;
    expect(e!.name).toBe('TransactionCanceledException');
    expect(e!.documentation).toMatch(/^The entire transaction request was canceled\.\n\nDynamoDB cancels a TransactWriteItems request/);
    expect(names(e!.members)).toEqual(['Message', 'CancellationReasons']);
    const reasons = e!.members!.members[1]!.type;
    expect(reasons.kind).toBe('list');
    expect(reasons.kind === 'list' && reasons.member.kind === 'structure' ? names(reasons.member) : undefined).toEqual(['Item', 'Code', 'Message']);
  });
});

/** The element type's members of a list member `name` of a structure. */
function elementOf(node: StructureNode | undefined, name: string): StructureNode | undefined {
  const t = node?.members.find((m) => m.name === name)?.type;
  return t?.kind === 'list' && t.member.kind === 'structure' ? t.member : undefined;
}

describe('boto3 1.43 paginator pages, nested a class deeper than client pages', () => {
  // botocore writes a model description's own line breaks and indentation as they are
  // (apigatewayv2's "{name}\n          , where \n            {location}…"): columns that follow
  // the model, not the page, so under paginate() (two columns deeper than a client method) they
  // stood left of the entry they belong to and ended it — the rest of Items[] fell into its text.
  const integration = [
    'ApiGatewayManaged', 'ConnectionId', 'ConnectionType', 'ContentHandlingStrategy', 'CredentialsArn', 'Description',
    'IntegrationId', 'IntegrationMethod', 'IntegrationResponseSelectionExpression', 'IntegrationSubtype', 'IntegrationType',
    'IntegrationUri', 'PassthroughBehavior', 'PayloadFormatVersion', 'RequestParameters', 'RequestTemplates',
    'ResponseParameters', 'TemplateSelectionExpression', 'TimeoutInMillis', 'TlsConfig',
  ];
  const where = '{name} , where {location} is querystring, path, or header; and {name} must be a valid and unique method request parameter name.';

  test('apigatewayv2 GetIntegrations: a description line left of its entry continues the description; every Items[] member read', () => {
    const page = read('apigatewayv2/paginator/GetIntegrations.rst');
    expect(page.diagnostics).toEqual([]);
    const [p] = page.paginators!;
    expect(p!.method).toBe('get_integrations');
    const items = elementOf(p!.output, 'Items');
    expect(names(items)).toEqual(integration);
    expect(items!.documentation).toBe('Represents an integration.');
    const params = items!.members.find((m) => m.name === 'RequestParameters')!;
    expect(params.documentation).toContain(where);
    expect(params.documentation).toMatch(/\n\nFor HTTP API integrations, without a specified integrationSubtype request parameters/);
    expect(params.type).toMatchObject({ kind: 'map', value: { kind: 'string' } });
  });

  test('the client page of the same operation: the lines no longer end up in the enclosing structure\'s documentation', () => {
    const page = read('apigatewayv2/client/get_integrations.rst');
    expect(page.diagnostics).toEqual([]);
    const items = elementOf(page.operations[0]!.output, 'Items');
    expect(names(items)).toEqual(integration);
    expect(items!.documentation).toBe('Represents an integration.');
    expect(items!.members.find((m) => m.name === 'RequestParameters')!.documentation).toContain(where);
  });

  test('mediaconvert ListJobTemplates: the Response Syntax placeholder at column 4, its Response Structure at the returns\' own column', () => {
    // botocore writes "This section is too large to render" at a fixed 4 columns (LARGE_SECTION_MESSAGE),
    // the Response Structure after it at the section's indentation: under paginate() deeper than the link line.
    const page = read('mediaconvert/paginator/ListJobTemplates.rst');
    expect(page.diagnostics).toEqual([]);
    const [p] = page.paginators!;
    expect(p!.incomplete).toEqual([{ section: 'Response Syntax', state: 'hidden' }]);
    expect(names(p!.output)).toEqual(['JobTemplates']);
    expect(names(elementOf(p!.output, 'JobTemplates'))).toEqual([
      'AccelerationSettings', 'Arn', 'Category', 'CreatedAt', 'Description', 'HopDestinations', 'LastUpdated', 'Name', 'Priority',
      'Queue', 'StatusUpdateInterval', 'Type',
    ]);
  });
});

describe("botocore's whole-service file (1.29)", () => {
  const page = read('cloudcontrol-botocore.rst');
  test('every Client Exceptions class, paginator and waiter of the file; nothing reported', () => {
    expect(page.diagnostics).toEqual([]);
    expect(page.operations.length).toBe(8);
    expect(page.exceptions!.map((e) => e.name)).toEqual([
      'AlreadyExistsException', 'ClientTokenConflictException', 'ConcurrentModificationException', 'ConcurrentOperationException',
      'GeneralServiceException', 'HandlerFailureException', 'HandlerInternalFailureException', 'InvalidCredentialsException',
      'InvalidRequestException', 'NetworkFailureException', 'NotStabilizedException', 'NotUpdatableException', 'PrivateTypeException',
      'RequestTokenNotFoundException', 'ResourceConflictException', 'ResourceNotFoundException', 'ServiceInternalErrorException',
      'ServiceLimitExceededException', 'ThrottlingException', 'TypeNotFoundException', 'UnsupportedActionException',
    ]);
    expect(names(page.exceptions![0]!.members)).toEqual(['Message']);
    expect(page.paginators!.map((p) => [p.name, p.method, p.config.join(',')])).toEqual([
      ['ListResourceRequests', 'list_resource_requests', 'MaxItems,PageSize,StartingToken'],
      ['ListResources', 'list_resources', 'MaxItems,PageSize,StartingToken'],
    ]);
    expect(page.waiters!.map((w) => [w.name, w.method, w.delay, w.maxAttempts])).toEqual([['ResourceRequestSuccess', 'get_resource_request_status', 5, 24]]);
    // Paginators and waiters are read, not skipped; only the client's helpers are.
    expect(page.skipped.map((s) => s.kind)).toEqual(['other', 'other', 'other', 'other']);
  });
});
