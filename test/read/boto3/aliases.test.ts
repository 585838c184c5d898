/**
 * boto3's parameter aliases end to end: the real Logs `create_export_task` page documents the wire
 * member `from` as `fromTime`; the IR keys the member by its wire name and keeps the documented one;
 * the generated client takes `fromTime`, validates it, and sends `{"from": …}` to the 127.0.0.1 server.
 * The same client built from a `service.json` saying `awsQueryCompatible` asks for query error codes.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PARAMETER_ALIASES } from '../../../generator/read/boto3/aliases.ts';
import { loadIR } from '../../../generator/pipeline/load-ir.ts';
import { TestServer } from '../../../runtime/test/server.ts';
import { bundlePackage, problemsOf, renderOrThrow, tempDir, writePackage } from '../../emit/helpers.ts';

const PAGE = 'test/fixtures/boto3-143-pages/logs/client/create_export_task.rst';
/** From botocore 1.43.11's logs/2014-03-28 metadata (protocol json, jsonVersion 1.1). */
const LOGS = {
  provider: 'aws',
  id: 'logs',
  packageName: '@docsdk/aws-logs',
  protocol: 'awsJson1_1',
  targetPrefix: 'Logs_20140328',
  signingName: 'logs',
  endpoint: 'https://logs.{region}.amazonaws.com',
};

/** A service folder holding the page and `settings` as its service.json. */
function folder(settings: object): string {
  const dir = path.join(tempDir('docsdk-alias-'), 'logs');
  mkdirSync(dir, { recursive: true });
  copyFileSync(PAGE, path.join(dir, 'create_export_task.rst'));
  writeFileSync(path.join(dir, 'service.json'), JSON.stringify(settings));
  return dir;
}

type Client = { createExportTask(input: Record<string, unknown>): Promise<Record<string, unknown>> };

/** The generated package of `dir`, bundled and imported: its client class and its input validator. */
async function generated(dir: string) {
  const { ir, diagnostics } = loadIR([dir]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const [pkg] = await renderOrThrow(ir);
  const out = tempDir('docsdk-alias-pkg-');
  const mod = (await import(pathToFileURL(await bundlePackage(writePackage(out, pkg!), out)).href)) as Record<string, unknown>;
  const ClientClass = Object.entries(mod).find(([k, v]) => k.endsWith('Client') && typeof v === 'function')![1] as new (c: object) => Client;
  return { ir, pkg: pkg!, ClientClass, validate: mod['validateCreateExportTaskInput'] as (v: unknown) => void };
}

describe('boto3 parameter aliases', () => {
  const aws = { accessKeyId: 'AKIDALIAS00000000001', secretAccessKey: 'alias/test/secret/key/0000000000000000' };
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ credentials: [aws] });
  });
  afterAll(() => server.close());

  test('the table is botocore’s: three aliases, each a different wire name', () => {
    expect(PARAMETER_ALIASES.map((a) => `${a.client}.${a.wire}→${a.documented}`)).toEqual(['EC2.Filter→Filters', 'CloudWatchLogs.from→fromTime', 'CloudSearchDomain.return→returnFields']);
  });

  test('Logs CreateExportTask: IR member `from` documented as fromTime; the client sends {"from": …}', async () => {
    const { ir, pkg, ClientClass, validate } = await generated(folder(LOGS));
    const service = ir.services[0]!;
    const op = service.operations.find((o) => o.name === 'CreateExportTask')!;
    const input = service.shapes[op.input]!;
    if (input.type !== 'structure') throw new Error('input is a structure');
    expect(Object.keys(input.members)).toEqual(['taskName', 'logGroupName', 'logStreamNamePrefix', 'from', 'to', 'destination', 'destinationPrefix']);
    expect(input.members['from']).toMatchObject({ documentedName: 'fromTime', required: true, target: 'Integer' });
    expect(input.members['to']!.documentedName).toBeUndefined();
    // The emitted types and validators name it as documented; the schema maps it to the wire name.
    const file = (p: string) => pkg.files.find((f) => f.path === p)!.content;
    expect(file('src/types.ts')).toMatch(/\n {2}fromTime: number;/);
    expect(file('src/types.ts')).not.toMatch(/\n {2}from\??:/);
    expect(file('src/schema.ts')).toContain("from: { target: 'Integer', required: true, documentedName: 'fromTime' },");
    expect(problemsOf(() => validate({ logGroupName: 'g', to: 2, destination: 'b' }))).toEqual([{ path: 'fromTime', message: 'required' }]);

    const client = new ClientClass({ region: 'us-east-1', endpoint: server.url, credentials: aws });
    await client.createExportTask({ logGroupName: 'g', fromTime: 1700000000000, to: 1700000360000, destination: 'bucket' });
    const sent = server.requests.at(-1)!;
    expect(sent.signature.valid).toBe(true);
    expect(sent.headers['x-amz-target']).toBe('Logs_20140328.CreateExportTask');
    expect(sent.body).toBe('{"logGroupName":"g","from":1700000000000,"to":1700000360000,"destination":"bucket"}');
    // Not query-compatible: no query mode asked for.
    expect(sent.headers['x-amzn-query-mode']).toBeUndefined();
  });

  test('a service.json saying awsQueryCompatible: the IR and the schema say so, and requests ask for query errors', async () => {
    const { ir, pkg, ClientClass } = await generated(folder({ ...LOGS, awsQueryCompatible: true }));
    expect(ir.services[0]!.wire!.awsQueryCompatible).toBe(true);
    expect(pkg.files.find((f) => f.path === 'src/schema.ts')!.content).toContain('  awsQueryCompatible: true,\n');
    const client = new ClientClass({ region: 'us-east-1', endpoint: server.url, credentials: aws });
    await client.createExportTask({ logGroupName: 'g', fromTime: 1, to: 2, destination: 'b' });
    expect(server.requests.at(-1)!.headers['x-amzn-query-mode']).toBe('true');
  });
});
