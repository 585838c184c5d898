/**
 * boto3 1.43's per-method pages: sections over botocore's size limits are replaced by a placeholder
 * at a fixed indent; the reader keeps every fact the remaining sections show, records the hidden
 * ones, and claims nothing about what they would have said. Service index and resource pages are
 * recognised and skipped, not errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadIR } from '../../generator/pipeline/load-ir.ts';
import { readDocument } from '../../generator/read/registry.ts';

const DIR = 'test/fixtures/boto3-143-pages';

function only(file: string) {
  const { ir, diagnostics } = loadIR([`${DIR}/${file}`]);
  expect(diagnostics).toEqual([]);
  const service = ir.services[0]!;
  const op = service.operations[0]!;
  return { op, input: service.shapes[op.input]!, output: service.shapes[op.output]!, service };
}

const membersOf = (shape: unknown) => (shape as { members: Record<string, { required?: boolean; unknown?: string[] }> }).members;

describe('placeholders ("This section is too large to render")', () => {
  test('Request Syntax and Parameters hidden: still an operation (not a helper), input unknown, output and errors read', () => {
    const { op, input, output } = only('glue/client/update_job.rst');
    expect(op.name).toBe('UpdateJob');
    expect(op.incomplete).toEqual([
      { section: 'Request Syntax', state: 'hidden' },
      { section: 'Parameters', state: 'hidden' },
    ]);
    expect(membersOf(input)).toEqual({});
    expect(Object.keys(membersOf(output))).toEqual(['JobName']);
    expect(op.errors).toEqual(['InvalidInputException', 'EntityNotFoundException', 'InternalServiceException', 'OperationTimeoutException', 'ConcurrentModificationException']);
  });

  test('Parameters hidden, Request Syntax shown: members from the syntax, whether each is required unknown', () => {
    const { op, input } = only('securityhub/client/update_insight.rst');
    expect(op.incomplete).toEqual([{ section: 'Parameters', state: 'hidden' }]);
    const members = membersOf(input);
    expect(Object.keys(members)).toEqual(['InsightArn', 'Name', 'Filters', 'GroupByAttribute']);
    for (const m of Object.values(members)) {
      expect(m.required).toBeUndefined();
      expect(m.unknown).toEqual(['required']);
    }
  });

  test('Response Structure hidden, Response Syntax shown: the output from the syntax', () => {
    const { op, input, output } = only('securityhub/client/get_insights.rst');
    expect(op.incomplete).toEqual([{ section: 'Response Structure', state: 'hidden' }]);
    expect(Object.keys(membersOf(output))).toEqual(['Insights', 'NextToken']);
    // The parameters are shown whole: what they don't mark required is not required.
    expect(Object.values(membersOf(input)).every((m) => m.unknown === undefined)).toBe(true);
  });

  test('both response sections hidden: the input whole, the output unknown', () => {
    const { op, input, output } = only('glue/client/get_job.rst');
    expect(op.incomplete).toEqual([
      { section: 'Response Syntax', state: 'hidden' },
      { section: 'Response Structure', state: 'hidden' },
    ]);
    expect(membersOf(input)).toMatchObject({ JobName: { required: true } });
    expect(membersOf(output)).toEqual({});
  });
});

describe('raw line breaks from the model', () => {
  test('a description line shallower than the method body continues its paragraph, not ends the method', () => {
    const { op, input, output } = only('serverlessrepo/client/create_cloud_formation_change_set.rst');
    // TemplateId, the return type, the response and the exceptions all come after the shallow line.
    expect(Object.keys(membersOf(input))).toContain('TemplateId');
    expect(Object.keys(membersOf(output))).toContain('StackId');
    expect(op.errors).toEqual(['TooManyRequestsException', 'BadRequestException', 'InternalServerErrorException', 'ForbiddenException']);
    expect(op.incomplete).toBeUndefined();
  });
});

describe('event streams', () => {
  test('an EventStream member is a union of its documented events, flagged as an event stream', () => {
    const { output, service } = only('kinesis/client/subscribe_to_shard.rst');
    const member = membersOf(output)['EventStream'] as { target: string };
    const stream = service.shapes[member.target] as { type: string; eventStream?: boolean; members: Record<string, { target: string }> };
    expect(stream.type).toBe('union');
    expect(stream.eventStream).toBe(true);
    expect(Object.keys(stream.members)).toEqual([
      'SubscribeToShardEvent', 'ResourceNotFoundException', 'ResourceInUseException', 'KMSDisabledException', 'KMSInvalidStateException',
      'KMSAccessDeniedException', 'KMSNotFoundException', 'KMSOptInRequired', 'KMSThrottlingException', 'InternalFailureException',
    ]);
    // Each event is typed with what the page documents of it.
    const event = service.shapes[stream.members['SubscribeToShardEvent']!.target] as { members: Record<string, unknown> };
    expect(Object.keys(event.members)).toEqual(['Records', 'ContinuationSequenceNumber', 'MillisBehindLatest', 'ChildShards']);
  });
});

describe('operations without output', () => {
  test('`:returns: None` without `:rtype:` ends the parameters: the last one is not required, not unknown', () => {
    const { op, input } = only('s3/client/delete_bucket.rst');
    expect(op.incomplete).toBeUndefined();
    const members = membersOf(input);
    expect(members['Bucket']).toMatchObject({ required: true });
    expect(members['ExpectedBucketOwner']!.unknown).toBeUndefined();
    expect(members['ExpectedBucketOwner']!.required).toBeUndefined();
  });
});

describe('pages that are not operations', () => {
  test('a service index page (client class, toctree) is skipped as an index, not an error', () => {
    const page = readDocument(readFileSync(`${DIR}/directconnect.rst`, 'utf8'), 'directconnect.rst');
    expect(page.diagnostics).toEqual([]);
    expect(page.operations).toEqual([]);
    expect(page.skipped.map((s) => [s.kind, s.name])).toEqual([['index', 'DirectConnect.Client']]);
  });

  test('a resource attribute page (py:attribute) is read as boto3 RST and skipped as a resource', () => {
    const page = readDocument(readFileSync(`${DIR}/cloudformation/event/client_request_token.rst`, 'utf8'), 'attr.rst');
    expect(page.format).toBe('boto3-rst');
    expect(page.diagnostics).toEqual([]);
    expect(page.skipped.map((s) => [s.kind, s.name])).toEqual([['resource', 'CloudFormation.Event.client_request_token']]);
  });
});

describe('indentation that is not the body’s', () => {
  test('a description starting deeper than the body (boto3 1.26 deprecation notes) leaves the fields after a literal alone', () => {
    const seed = readFileSync('specs/aws/odb/get_odb_peering_connection.rst', 'utf8');
    const page = (text: string) => readDocument(text, 'p.rst');
    // One space deeper for the first description line, and no blank line between the Request Syntax's
    // last line and the first field, as in boto3 1.26's securityhub update_findings.
    const odd = seed.replace('\n  Retrieves information', '\n   Retrieves information').replace(/\n    \)\n(?:[ \t]*\n)*  :type /, '\n    )\n  :type ');
    expect(odd).not.toBe(seed);
    const read = page(odd);
    expect(read.diagnostics).toEqual([]);
    // Same members, types, required and documentation (line numbers moved with the blank lines).
    const noLines = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === 'line' ? undefined : x))) as unknown;
    expect(noLines(read.operations[0]!.input)).toEqual(noLines(page(seed).operations[0]!.input));
  });
});
