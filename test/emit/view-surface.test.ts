/**
 * The API surface computed from the view model (`viewSurface`, what `generate` writes to `api.json`)
 * against TypeScript's checker (`apiSurface`, ts-morph over the emitted files: the oracle): equal on
 * the seeds, on a sample of real services from the conformance corpus, and on small hand-made
 * services whose expected entries are also written out here.
 *
 * The checker prints some unions in the order it created their parts, not as written: an open enum
 * member is `(string & {}) | Status` when `string & {}` was created before `Status`, and an enum's
 * values come in the order their literal types were first made (`"string"` and `""` exist before any
 * source is read; a value another enum had comes first). This does happen in the seeds (baidu-vpc's
 * `PeerConn.status`) and the corpus (iam's `ContextKeyType`), and `viewSurface` reproduces that order,
 * so every comparison here is exact; none compares union members as sets.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { apiSurface } from '../helpers/checker-surface.ts';
import { apiSnapshotFile, type ApiSymbol } from '../../generator/emit/api-symbol.ts';
import { emitService } from '../../generator/emit/emit-service.ts';
import { handlebarsRenderer } from '../../generator/emit/render.ts';
import { packageView, type PackageVersions } from '../../generator/emit/view/package.ts';
import { viewSurface } from '../../generator/emit/view-surface.ts';
import type { Service, Shape } from '../../generator/ir/model.ts';
import { loadIR } from '../../generator/pipeline/load-ir.ts';
import { enumOrderService } from './fixtures/enum-order-ir.ts';
import { randomService } from './fixtures/random-ir.ts';

// The surface does not depend on versions.
const VERSIONS: PackageVersions = { generator: '0.0.0', runtime: '0.0.0', typescript: '0.0.0' };
const renderer = handlebarsRenderer();

/** Both surfaces of `service`'s package. */
async function surfaces(service: Service): Promise<{ fromView: ApiSymbol[]; fromChecker: ApiSymbol[] }> {
  const { view, files } = await emitService(service, renderer, VERSIONS);
  return { fromView: viewSurface(view), fromChecker: apiSurface(view.folder, files) };
}

describe('seed packages', () => {
  const services = loadIR(['specs']).ir.services;

  test.for(services.map((s) => `${s.provider}-${s.id}`))('%s: equals the checker and the committed api.json', async (folder) => {
    const service = services.find((s) => `${s.provider}-${s.id}` === folder)!;
    const { fromView, fromChecker } = await surfaces(service);
    expect(fromView).toEqual(fromChecker);
    expect(apiSnapshotFile(fromView).content).toBe(apiSnapshotFile(fromChecker).content);
    expect(apiSnapshotFile(fromView).content).toBe(readFileSync(path.join('generated', folder, 'api.json'), 'utf8'));
  });
});

/**
 * Real services, chosen for what they exercise: unions (lexv2-models, amplifyuibuilder, sesv2), many
 * enums sharing values (s3, appmesh), blobs and recursive shapes (dynamodb), REST bindings and a small
 * service (ssm-incidents), enum values the checker has made before reading the package (iam's
 * `"string"`, `"boolean"`). ec2 is left out for time (~25 s); the whole corpus was compared once by
 * hand when this was written (all 333 services equal; quicksight alone: 18,678 symbols, 42 s with the checker).
 */
const CORPUS_SERVICES = ['lexv2-models', 's3', 'dynamodb', 'sesv2', 'appmesh', 'ssm-incidents', 'amplifyuibuilder', 'iam'];

describe('real services from the conformance corpus', () => {
  test.for(CORPUS_SERVICES)('%s', { timeout: 120_000 }, async (name, ctx) => {
    const file = path.join('corpus', 'services', `${name}.rst`);
    ctx.skip(!existsSync(file), `${file} is not built (scripts/conformance-corpus ${name}; git-ignored, CI builds it)`);
    const [service] = loadIR([file]).ir.services;
    const { fromView, fromChecker } = await surfaces(service!);
    expect(fromView.length).toBeGreaterThan(50);
    expect(fromView).toEqual(fromChecker);
    // Byte for byte too (key order, absent versus undefined `optional`).
    expect(apiSnapshotFile(fromView).content).toBe(apiSnapshotFile(fromChecker).content);
  });
});

// ---- Hand-made services: given shapes and operations, the exact entries wanted. ----

const SCALARS: Record<string, Shape> = {
  String: { type: 'string' },
  Integer: { type: 'integer' },
  Boolean: { type: 'boolean' },
  Timestamp: { type: 'timestamp' },
  Blob: { type: 'blob' },
};

/** A one-operation service (`Get`: `GetRequest` → `GetResponse`) over `shapes` and the scalars. */
function serviceOf(shapes: Record<string, Shape>, errors: string[] = []): Service {
  return {
    id: 'demo',
    provider: 'aws',
    clientName: 'Demo',
    wire: {
      protocol: 'awsJson1_1',
      targetPrefix: 'Demo',
      signingName: 'demo',
      signatureVersion: 'v4',
      endpoint: 'https://demo.{region}.amazonaws.com',
      timestampFormat: 'epoch-seconds',
    },
    operations: [
      { name: 'Get', method: 'get', documentation: '', input: 'GetRequest', output: 'GetResponse', errors, deprecated: false, sources: [] },
    ],
    shapes: { ...SCALARS, ...shapes },
  };
}

const opt = (name: string, type: string) => ({ name, type, optional: true });
const req = (name: string, type: string) => ({ name, type });
const iface = (name: string, members: { name: string; type: string; optional?: boolean }[]): ApiSymbol => ({
  name,
  kind: 'Interface',
  type: name,
  members,
});
const ERROR_MEMBERS = [
  req('$fault', '"client" | "server"'),
  req('$metadata', 'ResponseMetadata'),
  opt('$response', 'HttpResponse | undefined'),
  opt('cause', 'unknown'),
  req('code', 'string'),
  req('message', 'string'),
  req('name', 'string'),
  opt('stack', 'string | undefined'),
];

interface Case {
  name: string;
  given: Service;
  /** Wanted entries; the surface's other entries (names and kinds) are not compared, unless `all`. */
  want: ApiSymbol[];
  all?: true;
}

const CASES: Case[] = [
  {
    name: 'a structure with required and optional members (and the whole package around it)',
    given: serviceOf(
      {
        GetRequest: { type: 'structure', members: { Id: { target: 'String', required: true }, Count: { target: 'Integer' } } },
        GetResponse: {
          type: 'structure',
          members: { When: { target: 'Timestamp', required: true }, Flag: { target: 'Boolean' }, Data: { target: 'Blob' } },
        },
      },
      ['NotFound'],
    ),
    all: true,
    want: [
      iface('CallOptions', [opt('signal', 'AbortSignal | undefined')]),
      {
        name: 'DemoClient',
        kind: 'Class',
        type: 'DemoClient',
        members: [
          req('constructor', 'any'),
          req('get', '(input: GetRequest, options?: CallOptions) => Promise<GetResponse & MetadataBearer>'),
          req('toJSON', '() => Record<string, unknown>'),
        ],
      },
      iface('DemoClientConfig', [
        opt('credentials', 'Credentials | CredentialsProvider | undefined'),
        opt('disableHostPrefix', 'boolean | undefined'),
        opt('endpoint', 'string | undefined'),
        opt('env', 'Readonly<Record<string, string | undefined>> | undefined'),
        opt('fetch', '((input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) | undefined'),
        opt('interceptors', 'readonly Interceptor[] | undefined'),
        opt('logger', 'Logger | undefined'),
        opt('maxAttempts', 'number | undefined'),
        opt('region', 'string | undefined'),
        opt('requestTimeoutMs', 'number | undefined'),
        opt('retry', 'RetryTuning | undefined'),
        opt('transport', '"fetch" | "node-http" | undefined'),
        opt('validate', 'boolean | undefined'),
        opt('validateResponses', 'boolean | undefined'),
      ]),
      { name: 'DemoServiceError', kind: 'Class', type: 'DemoServiceError', members: ERROR_MEMBERS },
      iface('GetRequest', [opt('Count', 'number | undefined'), req('Id', 'string')]),
      iface('GetResponse', [
        opt('Data', 'Uint8Array<ArrayBufferLike> | undefined'),
        opt('Flag', 'boolean | undefined'),
        req('When', 'Date'),
      ]),
      {
        name: 'NotFound',
        kind: 'Class',
        type: 'NotFound',
        // A documented error's class has its literal name (issue 18 §3).
        members: ERROR_MEMBERS.map((m) => (m.name === 'name' ? req('name', '"NotFound"') : m)),
      },
      { name: 'validateGetInput', kind: 'Function', type: '(input: unknown) => asserts input is GetRequest' },
      { name: 'validateGetOutput', kind: 'Function', type: '(output: unknown) => asserts output is GetResponse' },
    ],
  },
  {
    name: 'an enum member: closed in an input, left open in an output',
    given: serviceOf({
      GetRequest: { type: 'structure', members: { Filter: { target: 'Status' } } },
      GetResponse: { type: 'structure', members: { Status: { target: 'Status', required: true } } },
      Status: { type: 'string', enum: ['ACTIVE', 'FAILED'] },
    }),
    want: [
      iface('GetRequest', [opt('Filter', 'Status | undefined')]),
      iface('GetResponse', [req('Status', 'Status | (string & {})')]),
      { name: 'Status', kind: 'TypeAlias', type: '"ACTIVE" | "FAILED"' },
      { name: 'Status', kind: 'Variable', type: 'Readonly<{ readonly ACTIVE: "ACTIVE"; readonly FAILED: "FAILED"; }>' },
    ],
  },
  {
    name: 'list and map members (of strings, structures and an open enum)',
    given: serviceOf({
      GetRequest: { type: 'structure', members: {} },
      GetResponse: {
        type: 'structure',
        members: { Tags: { target: 'TagList' }, Labels: { target: 'LabelMap' }, Modes: { target: 'ModeList' } },
      },
      TagList: { type: 'list', member: 'Tag' },
      Tag: { type: 'structure', members: { Key: { target: 'String', required: true } } },
      LabelMap: { type: 'map', key: 'String', value: 'String' },
      ModeList: { type: 'list', member: 'Mode' },
      Mode: { type: 'string', enum: ['on', 'off'] },
    }),
    want: [
      {
        name: 'DemoClient',
        kind: 'Class',
        type: 'DemoClient',
        members: [
          req('constructor', 'any'),
          // Every input member optional: the input may be omitted.
          req('get', '(input?: GetRequest, options?: CallOptions) => Promise<GetResponse & MetadataBearer>'),
          req('toJSON', '() => Record<string, unknown>'),
        ],
      },
      iface('GetResponse', [
        opt('Labels', 'Record<string, string> | undefined'),
        opt('Modes', '(Mode | (string & {}))[] | undefined'),
        opt('Tags', 'Tag[] | undefined'),
      ]),
    ],
  },
  {
    name: 'an output union of three members: alias, guards, visitor and visit',
    given: serviceOf({
      GetRequest: { type: 'structure', members: {} },
      GetResponse: { type: 'structure', members: { Value: { target: 'Choice' } } },
      Choice: { type: 'union', members: { Text: { target: 'String' }, Mode: { target: 'Mode' }, 'x-y': { target: 'Integer' } } },
      Mode: { type: 'string', enum: ['on', 'off'] },
    }),
    want: [
      {
        name: 'Choice',
        kind: 'TypeAlias',
        type:
          "{ Text: string; Mode?: never; 'x-y'?: never; SDK_UNKNOWN_MEMBER?: never; } | " +
          "{ Mode: Mode | (string & {}); Text?: never; 'x-y'?: never; SDK_UNKNOWN_MEMBER?: never; } | " +
          "{ 'x-y': number; Text?: never; Mode?: never; SDK_UNKNOWN_MEMBER?: never; } | " +
          "{ SDK_UNKNOWN_MEMBER: { name: string; value: unknown; }; Text?: never; Mode?: never; 'x-y'?: never; }",
      },
      {
        name: 'ChoiceVisitor',
        kind: 'Interface',
        type: 'ChoiceVisitor<R>',
        members: [
          req('Mode', '(value: Mode | (string & {})) => R'),
          req('SDK_UNKNOWN_MEMBER', '(name: string, value: unknown) => R'),
          req('Text', '(value: string) => R'),
          req('x-y', '(value: number) => R'),
        ],
      },
      { name: 'isChoiceMode', kind: 'Function', type: '(value: Choice) => value is Extract<Choice, { Mode: unknown; }>' },
      { name: 'isChoiceText', kind: 'Function', type: '(value: Choice) => value is Extract<Choice, { Text: unknown; }>' },
      { name: 'isChoiceXY', kind: 'Function', type: '(value: Choice) => value is Extract<Choice, { "x-y": unknown; }>' },
      { name: 'visitChoice', kind: 'Function', type: '<R>(value: Choice, visitor: ChoiceVisitor<R>) => R' },
    ],
  },
  {
    name: 'a document member',
    given: serviceOf({
      GetRequest: { type: 'structure', members: { Doc: { target: 'Json', required: true } } },
      GetResponse: { type: 'structure', members: { Doc: { target: 'Json' } } },
      Json: { type: 'document' },
    }),
    want: [
      {
        name: 'DocumentValue',
        kind: 'TypeAlias',
        type: 'string | number | boolean | DocumentValue[] | { [key: string]: DocumentValue; } | null',
      },
      iface('GetRequest', [req('Doc', 'DocumentValue')]),
      iface('GetResponse', [opt('Doc', 'DocumentValue | undefined')]),
    ],
  },
  {
    name: 'a stream member',
    given: serviceOf({
      GetRequest: { type: 'structure', members: {} },
      GetResponse: { type: 'structure', members: { Body: { target: 'Body' } } },
      Body: { type: 'stream' },
    }),
    want: [
      iface('GetResponse', [opt('Body', 'StreamingBody | undefined')]),
      { name: 'StreamingBody', kind: 'TypeAlias', type: 'AsyncIterable<Uint8Array<ArrayBufferLike>> | Uint8Array<ArrayBufferLike>' },
    ],
  },
  {
    name: 'a recursive shape',
    given: serviceOf({
      GetRequest: { type: 'structure', members: { Root: { target: 'Node', required: true } } },
      GetResponse: { type: 'structure', members: {} },
      Node: { type: 'structure', members: { Children: { target: 'NodeList' }, Parent: { target: 'Node' } } },
      NodeList: { type: 'list', member: 'Node' },
    }),
    want: [
      iface('GetRequest', [req('Root', 'Node')]),
      iface('Node', [opt('Children', 'Node[] | undefined'), opt('Parent', 'Node | undefined')]),
    ],
  },
  {
    name: 'creation order: `string & {}` made before an enum is written first',
    // Alpha is resolved at its own declaration, before GetResponse; Zeta first when GetResponse.Second
    // reads it, after First made `string & {}`.
    given: serviceOf({
      Alpha: { type: 'string', enum: ['a', 'b'] },
      GetRequest: { type: 'structure', members: {} },
      GetResponse: { type: 'structure', members: { First: { target: 'Alpha' }, Second: { target: 'Zeta' } } },
      Zeta: { type: 'string', enum: ['y', 'z'] },
    }),
    want: [iface('GetResponse', [opt('First', 'Alpha | (string & {}) | undefined'), opt('Second', '(string & {}) | Zeta | undefined')])],
  },
  {
    name: 'creation order: enum values another enum or the checker made first come first',
    given: serviceOf({
      GetRequest: { type: 'structure', members: { First: { target: 'First' }, Second: { target: 'Second' }, Only: { target: 'Only' } } },
      GetResponse: { type: 'structure', members: {} },
      First: { type: 'string', enum: ['b', 'a'] },
      Only: { type: 'string', enum: ['only'] },
      Second: { type: 'string', enum: ['a', 'c', 'string'] },
    }),
    want: [
      { name: 'First', kind: 'TypeAlias', type: '"b" | "a"' },
      // One value: no union, the member's type is the literal.
      iface('GetRequest', [opt('First', 'First | undefined'), opt('Only', '"only" | undefined'), opt('Second', 'Second | undefined')]),
      { name: 'Only', kind: 'TypeAlias', type: '"only"' },
      { name: 'Second', kind: 'TypeAlias', type: '"string" | "a" | "c"' },
    ],
  },
  {
    name: 'names and values the checker quotes and escapes',
    // Keys: bare when identifier text, else quoted as the formatted source quotes them, non-ASCII as
    // \uXXXX; a guard's copied key double-quoted, `__proto__` computed. Values: double-quoted, escaped.
    given: serviceOf({
      GetRequest: { type: 'structure', members: { Pick: { target: 'Pick' } } },
      GetResponse: { type: 'structure', members: { Quote: { target: 'Quote' } } },
      Quote: { type: 'string', enum: ["it's", 'say "hi"', 'a\\b', 'naïve', 'a-é', '1', 'tab\there'] },
      Pick: {
        type: 'union',
        members: Object.fromEntries([
          ["it's", { target: 'String' }],
          ['a-é', { target: 'String' }],
          ['__proto__', { target: 'Quote' }],
        ]),
      },
    }),
    want: [
      iface('GetResponse', [opt('Quote', 'Quote | (string & {}) | undefined')]),
      {
        name: 'Pick_',
        kind: 'TypeAlias',
        type: String.raw`{ "it's": string; 'a-\u00E9'?: never; __proto__?: never; } | { 'a-\u00E9': string; "it's"?: never; __proto__?: never; } | { __proto__: Quote; "it's"?: never; 'a-\u00E9'?: never; }`,
      },
      {
        name: 'Pick_Visitor',
        kind: 'Interface',
        type: 'Pick_Visitor<R>',
        members: [req('__proto__', '(value: Quote) => R'), req('a-é', '(value: string) => R'), req("it's", '(value: string) => R')],
      },
      { name: 'Quote', kind: 'TypeAlias', type: String.raw`"it's" | "say \"hi\"" | "a\\b" | "naïve" | "a-é" | "1" | "tab\there"` },
      {
        name: 'Quote',
        kind: 'Variable',
        type: String.raw`Readonly<{ readonly "it's": "it's"; readonly 'say "hi"': "say \"hi\""; readonly 'a\\b': "a\\b"; readonly naïve: "naïve"; readonly 'a-\u00E9': "a-é"; readonly '1': "1"; readonly 'tab\there': "tab\there"; }>`,
      },
      { name: 'isPick_A', kind: 'Function', type: String.raw`(value: Pick_) => value is Extract<Pick_, { "a-\u00E9": unknown; }>` },
      { name: 'isPick_ItS', kind: 'Function', type: `(value: Pick_) => value is Extract<Pick_, { "it's": unknown; }>` },
      { name: 'isPick_Proto', kind: 'Function', type: '(value: Pick_) => value is Extract<Pick_, { ["__proto__"]: unknown; }>' },
    ],
  },
];

describe('hand-made services', () => {
  test.for(CASES.map((c) => [c.name, c] as const))('%s', async ([, c]) => {
    const wanted = new Set(c.want.map((s) => `${s.name} ${s.kind}`));
    const surface = viewSurface(packageView(c.given, VERSIONS));
    expect(c.all ? surface : surface.filter((s) => wanted.has(`${s.name} ${s.kind}`))).toEqual(c.want);
    // The wanted entries are the checker's: the table cannot drift from it.
    const { fromChecker } = await surfaces(c.given);
    expect(fromChecker).toEqual(surface);
  });
});

describe('seeded random services', () => {
  // Enums sharing values, open and closed, in every kind of position: where the checker's order shows.
  test.for(Array.from({ length: 40 }, (_, i) => i + 1))('enum order, seed %i', async (seed) => {
    const { fromView, fromChecker } = await surfaces(enumOrderService(seed));
    expect(fromView).toEqual(fromChecker);
  });
  // The layout tests' services: long names and every declaration the templates emit.
  test.for(Array.from({ length: 10 }, (_, i) => i + 1))('layout fixture, seed %i', async (seed) => {
    const { fromView, fromChecker } = await surfaces(randomService(seed));
    expect(fromView).toEqual(fromChecker);
  });
});

/** The packages and repository modules `entry` loads with it: static imports, transitively (type-only imports are erased). */
function loadedWith(entry: string): Set<string> {
  const out = new Set<string>();
  const stack = [path.resolve(entry)];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (out.has(file)) continue;
    out.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?'([^']+)'/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) stack.push(path.resolve(path.dirname(file), spec));
      else out.add(spec);
    }
  }
  return out;
}

describe('generate without a type checker', () => {
  test('the CLI and the emitting threads load neither ts-morph nor typescript (check-types.ts does, on --check-types)', () => {
    expect([...loadedWith('generator/emit/check-types.ts')]).toContain('ts-morph');
    for (const entry of ['generator/cli.ts', 'generator/emit/emit-worker.ts']) {
      const loaded = [...loadedWith(entry)];
      expect(loaded).toContain(path.resolve('generator/emit/view-surface.ts'));
      expect(loaded.filter((m) => m === 'ts-morph' || m === 'typescript' || m.endsWith('/checker-surface.ts'))).toEqual([]);
    }
  });
});
