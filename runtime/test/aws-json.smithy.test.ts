/**
 * Smithy's protocol tests for awsJson1_0 and awsJson1_1 (the field's conformance suite), as table
 * tests named after each case's smithy id: every client case runs through the real protocol
 * functions of runtime/src/aws-json.ts (`serializeRequest`, `parseResponse`, `parseError`) and
 * serde.ts; the cases about what the client adds around them (an endpoint's path, the request id,
 * Content-Length) run through the `RuntimeClient` against the 127.0.0.1 test server. The vectors are
 * data in ./fixtures/smithy-awsjson/ (see its README); cases that do not apply are listed below with
 * the reason, and every case of the fixtures is either run or listed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ServiceError } from '../src/errors.ts';
import { RuntimeClient } from '../src/index.ts';
import { PROTOCOLS } from '../src/protocols.ts';
import type { OperationSchema, ServiceSchema } from '../src/schema.ts';
import type { HeaderReader } from '../src/transport.ts';
import { respond, TestServer } from './server.ts';

/** One smithy test case, as the fixtures hold it (names as in smithy's `HttpRequestTestCase`/`HttpResponseTestCase`). */
interface SmithyCase {
  id: string;
  /** `error`: a response test of an error shape (`error` names it). */
  kind: 'request' | 'response' | 'error';
  service: string;
  operation?: string;
  error?: string;
  file: string;
  appliesTo?: 'client' | 'server';
  tags?: string[];
  method?: string;
  uri?: string;
  host?: string;
  resolvedHost?: string;
  headers?: Record<string, string>;
  forbidHeaders?: string[];
  requireHeaders?: string[];
  code?: number;
  body?: string;
  bodyMediaType?: string;
  params?: Record<string, unknown>;
  vendorParams?: Record<string, string>;
}

interface Fixture {
  source: { repository: string; commit: string; folder: string };
  services: Record<string, { schema: ServiceSchema; operations: Record<string, OperationSchema> }>;
  cases: SmithyCase[];
}

const load = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/smithy-awsjson/${name}.json`, import.meta.url), 'utf8')) as Fixture;
const fixtures = { awsJson1_0: load('awsJson1_0'), awsJson1_1: load('awsJson1_1') };

/**
 * Client cases that do not apply to this runtime, and why. (Server cases — `appliesTo: "server"` —
 * never do: the runtime is a client.)
 */
const NOT_APPLICABLE: Record<string, string> = {
  // Smithy default values: neither boto3's pages nor botocore's models carry them, so a schema has
  // none to fill in (the AWS SDK for JavaScript does not fill them either).
  AwsJson10ClientPopulatesDefaultValuesInInput: 'default values: no schema carries them',
  AwsJson10ClientPopulatesDefaultsValuesWhenMissingInResponse: 'default values: no schema carries them',
  AwsJson10ClientPopulatesNestedDefaultValuesWhenMissing: 'default values: no schema carries them',
  AwsJson10ClientPopulatesNestedDefaultsWhenMissingInResponseBody: 'default values: no schema carries them',
  AwsJson10ClientErrorCorrectsWhenServerFailsToSerializeRequiredValues:
    'error correction of required output members: outputs are returned as received (missing members stay missing)',
  AwsJson10ClientErrorCorrectsWithDefaultValuesWhenServerFailsToSerializeRequiredValues:
    'error correction of required output members: outputs are returned as received (missing members stay missing)',
  // The endpoint trait's host prefix is the client's (OperationSchema.hostPrefix, runtime/src/client.ts,
  // tested with the client), not the protocol's.
  AwsJson10EndpointTrait: 'host prefix: the client applies it (OperationSchema.hostPrefix), not the protocol',
  AwsJson10EndpointTraitWithHostLabel: 'host prefix: the client applies it (OperationSchema.hostPrefix), not the protocol',
  AwsJson11EndpointTrait: 'host prefix: the client applies it (OperationSchema.hostPrefix), not the protocol',
  AwsJson11EndpointTraitWithHostLabel: 'host prefix: the client applies it (OperationSchema.hostPrefix), not the protocol',
  // Request compression (Smithy's @requestCompression): no operation's schema says to compress.
  SDKAppliedContentEncoding_awsJson1_0: 'request compression: not supported (no schema marks an operation)',
  SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_0: 'request compression: not supported (no schema marks an operation)',
  SDKAppliedContentEncoding_awsJson1_1: 'request compression: not supported (no schema marks an operation)',
  SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_1: 'request compression: not supported (no schema marks an operation)',
  // A customisation of one service: the endpoint comes from an input member (PredictEndpoint).
  MachinelearningPredictEndpoint: "Amazon ML's endpoint taken from the input: an SDK customisation of one service, not the protocol",
};

/** Cases that need what the client adds around the protocol (endpoint path, request id, Content-Length). */
const THROUGH_CLIENT = new Set(['AwsJson10HostWithPath', 'AwsJson11HostWithPath', 'parses_the_request_id_from_the_response']);

const allCases = Object.values(fixtures).flatMap((f) => f.cases.map((c) => ({ fixture: f, c })));
const clientCases = allCases.filter(({ c }) => c.appliesTo !== 'server');
const run = clientCases.filter(({ c }) => !(c.id in NOT_APPLICABLE));

function serviceOf(f: Fixture, c: SmithyCase) {
  const s = f.services[c.service];
  if (!s) throw new Error(`${c.id}: the fixture has no service ${c.service}`);
  return s;
}

function operationOf(f: Fixture, c: SmithyCase): OperationSchema {
  const op = serviceOf(f, c).operations[c.operation!];
  if (!op) throw new Error(`${c.id}: the fixture has no operation ${c.operation}`);
  return op;
}

/**
 * Smithy's params as a caller gives them and an output holds them: timestamps (epoch seconds) as
 * `Date`, blobs (text) as bytes, `"NaN"`/`"Infinity"`/`"-Infinity"` numbers as numbers; `null` stays.
 */
function fromParams(service: ServiceSchema, id: string, v: unknown): unknown {
  if (v === null || v === undefined) return v;
  const shape = service.shapes[id];
  if (!shape) throw new Error(`no shape ${id}`);
  switch (shape.type) {
    case 'structure':
    case 'union': {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const m = shape.members[k];
        if (!m) throw new Error(`no member ${id}.${k}`);
        out[k] = fromParams(service, m.target, x);
      }
      return out;
    }
    case 'list':
      return (v as unknown[]).map((x) => fromParams(service, shape.member, x));
    case 'map':
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromParams(service, shape.value, x)]));
    case 'timestamp':
      return new Date(Math.round((v as number) * 1000));
    case 'blob':
    case 'stream':
      return new TextEncoder().encode(v as string);
    case 'float':
    case 'integer':
      return typeof v === 'string' ? Number(v) : v;
    default:
      return v;
  }
}

/** Headers of a smithy case, for a `HeaderReader` (names in any case). */
function headerReader(headers: Record<string, string> = {}): HeaderReader {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { get: (name) => lower.get(name.toLowerCase()) ?? null };
}

const lowerKeys = (h: Record<string, string> = {}) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

/** The JSON of a body, compared as JSON (`1.0` is `1`, key order and whitespace are not the wire's meaning). */
const jsonOf = (body: string) => JSON.parse(body) as unknown;

describe('every fixture case is run or listed as not applicable', () => {
  test('the fixtures hold the 70 awsJson1_0 and 119 awsJson1_1 client cases of the smithy commit', () => {
    expect(fixtures.awsJson1_0.cases.filter((c) => c.appliesTo !== 'server')).toHaveLength(70);
    expect(fixtures.awsJson1_1.cases.filter((c) => c.appliesTo !== 'server')).toHaveLength(119);
    expect(fixtures.awsJson1_0.source.commit).toBe(fixtures.awsJson1_1.source.commit);
  });
  test('every listed case exists and is a client case', () => {
    const ids = new Set(clientCases.map(({ c }) => c.id));
    expect(Object.keys(NOT_APPLICABLE).filter((id) => !ids.has(id))).toEqual([]);
    expect([...THROUGH_CLIENT].filter((id) => !ids.has(id))).toEqual([]);
    expect(run.length + Object.keys(NOT_APPLICABLE).length).toBe(70 + 119);
  });
});

describe.each(['request', 'response', 'error'] as const)('smithy %s cases', (kind) => {
  const cases = run.filter(({ c }) => c.kind === kind && !THROUGH_CLIENT.has(c.id));
  test.each(cases.map(({ fixture, c }) => [`${c.id} (${c.file})`, fixture, c] as const))('%s', (_name, fixture, c) => {
    const { schema } = serviceOf(fixture, c);
    const protocol = PROTOCOLS[schema.protocol];
    if (c.kind === 'request') {
      const op = operationOf(fixture, c);
      const input = c.params ? fromParams(schema, op.input, c.params) : undefined;
      const req = protocol.serializeRequest(schema, op, input);
      expect(req.method).toBe(c.method);
      expect(req.path).toBe(c.uri);
      const sent = req.headers;
      for (const [k, v] of Object.entries(lowerKeys(c.headers))) expect(sent[k], k).toBe(v);
      for (const k of c.forbidHeaders ?? []) expect(sent[k.toLowerCase()], k).toBeUndefined();
      // Only query-compatible services may ask for query errors (NonQueryCompatibleAwsJson10ForbidsQueryModeHeader).
      if (!schema.awsQueryCompatible) expect(sent['x-amzn-query-mode']).toBeUndefined();
      // An absent body in a case means the test does not check it; every request here still has one.
      if (c.body !== undefined) expect(jsonOf(req.body!)).toEqual(jsonOf(c.body));
      else expect(jsonOf(req.body!)).toEqual({});
    } else if (c.kind === 'response') {
      const op = operationOf(fixture, c);
      const out = protocol.parseResponse(schema, op, { status: c.code!, headers: headerReader(c.headers), body: c.body ?? '' });
      const expected = c.params && schema.shapes[op.output] ? fromParams(schema, op.output, c.params) : {};
      expect(out).toEqual(expected);
    } else {
      const wire = protocol.parseError({ status: c.code!, headers: headerReader(c.headers), body: c.body ?? '' });
      const expectedCode = c.error!;
      expect(wire.code).toBe(expectedCode);
      // The error as the client throws it: its fault is the status's side (client below 500).
      const error = new ServiceError({ code: wire.code, message: wire.message, $metadata: { httpStatusCode: c.code!, attempts: 1 }, ...(wire.fields ? { fields: wire.fields } : {}) });
      expect(error.$fault).toBe(c.code! < 500 ? 'client' : 'server');
      const params = (c.params ?? {}) as Record<string, unknown>;
      const { message, Message, ...members } = params;
      if (typeof message === 'string' || typeof Message === 'string') expect(error.message).toBe(message ?? Message);
      for (const [k, v] of Object.entries(members)) expect((error as unknown as Record<string, unknown>)[k], k).toEqual(v);
      // A query-compatible service's error code and type (the `vendorParams` of its cases).
      if (c.vendorParams && c.headers && 'x-amzn-query-error' in lowerKeys(c.headers)) {
        expect({ code: wire.fields?.['Code'], type: wire.fields?.['Type'] }).toEqual({ code: c.vendorParams['code'], type: c.vendorParams['type'] });
      }
    }
  });
});

describe('smithy cases through the client on 127.0.0.1', () => {
  const aws = { accessKeyId: 'AKIDSMITHY0000000001', secretAccessKey: 'smithy/protocol/tests/secret/000000000' };
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ credentials: [aws] });
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  const through = run.filter(({ c }) => THROUGH_CLIENT.has(c.id) || (c.kind === 'request' && c.requireHeaders?.includes('Content-Length')));
  test.each(through.map(({ fixture, c }) => [`${c.id} (${c.file})`, fixture, c] as const))('%s', async (_name, fixture, c) => {
    const { schema } = serviceOf(fixture, c);
    const op = operationOf(fixture, c);
    // A case's `host` may carry a path (example.com/custom): the endpoint's path is kept before the request's.
    const hostPath = c.host?.includes('/') ? c.host.slice(c.host.indexOf('/')) : '';
    const client = new RuntimeClient(schema, { region: 'us-east-1', endpoint: server.url + hostPath, credentials: aws });
    if (c.kind === 'request') {
      const input = c.params ? fromParams(schema, op.input, c.params) : {};
      await client.send(op, input);
      const got = server.requests[0]!;
      expect(got.signature.valid).toBe(true);
      expect(got.method).toBe(c.method);
      expect(got.path).toBe(c.uri);
      for (const [k, v] of Object.entries(lowerKeys(c.headers))) expect(got.headers[k], k).toBe(v);
      for (const k of c.requireHeaders ?? []) expect(got.headers[k.toLowerCase()], k).toBe(String(Buffer.byteLength(got.body)));
      if (c.body !== undefined) expect(jsonOf(got.body)).toEqual(jsonOf(c.body));
    } else {
      server.enqueue({ kind: 'raw', status: c.code!, headers: c.headers ?? {}, body: c.body ?? '' });
      const out = await client.send(op, {});
      const { $metadata, ...rest } = out;
      expect(rest).toEqual(c.params ? fromParams(schema, op.output, c.params) : {});
      const requestId = lowerKeys(c.headers)['x-amzn-requestid'];
      if (requestId) expect($metadata.requestId).toBe(requestId);
    }
  });
});
