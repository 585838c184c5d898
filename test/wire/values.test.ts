/**
 * The wire check's random values (scripts/wire/values.ts): deterministic by seed, valid inputs
 * (required members, min/max of strings, lists, maps and numbers, enum values), outputs in their
 * JSON wire form with what a newer service may send; and the metadata → service.json step.
 */
import { describe, expect, it } from 'vitest';
import { loadModel, modelFile, serviceSettings, xformName, type BotocoreModel } from '../../scripts/wire/botocore.ts';
import { differences, normalise } from '../../scripts/wire/compare.ts';
import { drawInput, drawOutputWire, reachesStream, Rng, seedFor } from '../../scripts/wire/values.ts';

// A small model with every kind and tight constraints.
const model: BotocoreModel = {
  metadata: { apiVersion: '2020-01-01', protocol: 'json', endpointPrefix: 'x', serviceId: 'X' },
  operations: {},
  shapes: {
    In: {
      type: 'structure',
      required: ['Name', 'Count', 'Tags'],
      members: {
        Name: { shape: 'Name' },
        Count: { shape: 'Count' },
        Big: { shape: 'Big' },
        Ratio: { shape: 'Ratio' },
        Free: { shape: 'Free' },
        When: { shape: 'When' },
        Data: { shape: 'Data' },
        Tags: { shape: 'Tags' },
        Attrs: { shape: 'Attrs' },
        State: { shape: 'State' },
        Choice: { shape: 'Choice' },
        Doc: { shape: 'Doc' },
        Token: { shape: 'Name', idempotencyToken: true },
        Self: { shape: 'In' },
      },
    },
    Name: { type: 'string', min: 3, max: 5 },
    Count: { type: 'integer', min: 10, max: 20 },
    Big: { type: 'long' },
    Ratio: { type: 'double', min: 0, max: 1 },
    Free: { type: 'double' },
    When: { type: 'timestamp' },
    Data: { type: 'blob', min: 1, max: 4 },
    Tags: { type: 'list', member: { shape: 'Name' }, min: 2, max: 3 },
    Attrs: { type: 'map', key: { shape: 'State' }, value: { shape: 'Count' }, max: 2 },
    State: { type: 'string', enum: ['ON', 'OFF'] },
    Choice: { type: 'structure', union: true, members: { A: { shape: 'Name' }, B: { shape: 'Count' } } },
    Doc: { type: 'structure', document: true, members: {} },
  },
};

const cps = (s: string) => [...s].length;

describe('drawInput', () => {
  it('is deterministic by seed', () => {
    const a = drawInput(model, 'In', new Rng(42));
    const b = drawInput(model, 'In', new Rng(42));
    const c = drawInput(model, 'In', new Rng(43));
    expect(normalise(a.value)).toEqual(normalise(b.value));
    expect(a.kinds).toEqual(b.kinds);
    expect(normalise(c.value)).not.toEqual(normalise(a.value));
    expect(seedFor(1, 'kinesis', 'ListStreams')).toBe(seedFor(1, 'kinesis', 'ListStreams'));
    expect(seedFor(1, 'kinesis', 'ListStreams')).not.toBe(seedFor(2, 'kinesis', 'ListStreams'));
  });

  it('respects required members, min/max, enums, unions, and draws every kind over 300 seeds', () => {
    const kinds = new Set<string>();
    for (let seed = 0; seed < 300; seed++) {
      const { value: v, kinds: k } = drawInput(model, 'In', new Rng(seed));
      Object.keys(k).forEach((x) => kinds.add(x));
      const walk = (x: Record<string, unknown>) => {
        expect(typeof x.Name === 'string' && cps(x.Name) >= 3 && cps(x.Name) <= 5).toBe(true);
        expect(x.Count).toBeGreaterThanOrEqual(10);
        expect(x.Count).toBeLessThanOrEqual(20);
        expect(Number.isInteger(x.Count)).toBe(true);
        expect((x.Tags as string[]).length).toBeGreaterThanOrEqual(2);
        expect((x.Tags as string[]).length).toBeLessThanOrEqual(3);
        expect(typeof x.Token).toBe('string');
        if (x.Ratio !== undefined) expect(x.Ratio as number).toBeGreaterThanOrEqual(0);
        if (x.Ratio !== undefined) expect(x.Ratio as number).toBeLessThanOrEqual(1);
        if (x.Data !== undefined) expect((x.Data as Uint8Array).length).toBeGreaterThanOrEqual(1);
        if (x.Data !== undefined) expect((x.Data as Uint8Array).length).toBeLessThanOrEqual(4);
        if (x.When !== undefined) expect(x.When).toBeInstanceOf(Date);
        if (x.State !== undefined) expect(['ON', 'OFF']).toContain(x.State);
        if (x.Attrs !== undefined) expect(Object.keys(x.Attrs as object).every((key) => key === 'ON' || key === 'OFF')).toBe(true);
        if (x.Choice !== undefined) expect(Object.keys(x.Choice as object)).toHaveLength(1);
        if (x.Self !== undefined) walk(x.Self as Record<string, unknown>);
      };
      walk(v);
    }
    for (const k of ['string', 'enum', 'integer', 'long>32bit', 'float', 'NaN/Infinity', 'timestamp-ms', 'timestamp<1970', 'blob', 'list', 'map', 'structure', 'union', 'document']) {
      expect(kinds, k).toContain(k);
    }
    expect(kinds).not.toContain('unknown-enum');
    expect(kinds).not.toContain('unknown-union-member');
  });

  it('draws longs past 32 bits and timestamps with milliseconds before 1970', () => {
    const bigs: number[] = [];
    const dates: Date[] = [];
    for (let seed = 0; seed < 100; seed++) {
      const v = drawInput(model, 'In', new Rng(seed)).value;
      if (typeof v.Big === 'number') bigs.push(v.Big);
      if (v.When instanceof Date) dates.push(v.When);
    }
    expect(bigs.some((b) => b > 2 ** 32 && Number.isSafeInteger(b))).toBe(true);
    expect(dates.some((d) => d.getTime() < 0 && d.getTime() % 1000 !== 0)).toBe(true);
  });
});

describe('drawOutputWire', () => {
  it('writes the JSON wire form and what a newer service sends', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 300; seed++) {
      const { value: v, kinds } = drawOutputWire(model, 'In', new Rng(seed));
      Object.keys(kinds).forEach((k) => seen.add(k));
      expect(() => JSON.stringify(v)).not.toThrow();
      expect(JSON.parse(JSON.stringify(v))).toEqual(v);
      if (v.When !== undefined) expect(typeof v.When).toBe('number');
      if (v.Data !== undefined) expect(v.Data).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
      if (typeof v.Free === 'string') expect(['NaN', 'Infinity', '-Infinity']).toContain(v.Free);
    }
    expect(seen).toContain('unknown-enum');
    expect(seen).toContain('unknown-union-member');
    const iso = drawOutputWire({ ...model, shapes: { ...model.shapes, When: { type: 'timestamp', timestampFormat: 'iso8601' } } }, 'In', new Rng(5), {});
    if (iso.value.When !== undefined) expect(iso.value.When).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });
});

describe('botocore metadata', () => {
  it('names methods as botocore does', () => {
    expect(xformName('DescribeHostedConnections')).toBe('describe_hosted_connections');
    expect(xformName('ListWebACLs')).toBe('list_web_acls');
    expect(xformName('CreateCachediSCSIVolume')).toBe('create_cached_iscsi_volume');
    expect(xformName('GetID')).toBe('get_id');
  });

  it('writes auth none and host prefixes into service.json (real Debian botocore 1.29 models)', () => {
    const cognito = serviceSettings('cognito-idp', loadModel(modelFile('cognito-idp')!));
    expect(cognito).toMatchObject({ protocol: 'awsJson1_1', targetPrefix: 'AWSCognitoIdentityProviderService', signingName: 'cognito-idp', endpoint: 'https://cognito-idp.{region}.amazonaws.com', timestampFormat: 'epoch-seconds' });
    expect((cognito.operations as Record<string, unknown>).initiate_auth).toEqual({ auth: 'none' });
    const sd = serviceSettings('servicediscovery', loadModel(modelFile('servicediscovery')!));
    expect((sd.operations as Record<string, unknown>).discover_instances).toEqual({ hostPrefix: 'data-' });
    const sfn = serviceSettings('stepfunctions', loadModel(modelFile('stepfunctions')!));
    expect(sfn).toMatchObject({ protocol: 'awsJson1_0', targetPrefix: 'AWSStepFunctions', signingName: 'states', endpoint: 'https://states.{region}.amazonaws.com' });
    expect((sfn.operations as Record<string, unknown>).start_sync_execution).toEqual({ hostPrefix: 'sync-' });
  });

  it('finds the event-stream operations', () => {
    const kinesis = loadModel(modelFile('kinesis')!);
    expect(reachesStream(kinesis, kinesis.operations.SubscribeToShard!.output?.shape)).toBe(true);
    expect(reachesStream(kinesis, kinesis.operations.ListStreams!.output?.shape)).toBe(false);
  });
});

describe('compare', () => {
  it('reads the AWS SDK’s unknown union member as docsdk’s and lists paths', () => {
    expect(normalise({ u: { $unknown: ['New', 1] }, $metadata: {}, d: new Date(-1500), n: Number.NaN })).toEqual({ u: { SDK_UNKNOWN_MEMBER: { name: 'New' } }, d: { $date: '1969-12-31T23:59:58.500Z' }, n: { $number: 'NaN' } });
    expect(differences({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toEqual([{ path: 'a[1].b', ours: 2, theirs: 3 }]);
    expect(differences({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
