/**
 * A `service.json` cannot be wrong silently (issue 16 §3): one row per case of the issue, each a
 * service folder (the odb seed's page) with a `service.json` as given, generated through the CLI;
 * the run must fail with exactly the diagnostics wanted, at the real line and column, and write
 * nothing. The seed's own settings are the baseline every row edits one thing of.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../generator/cli.ts';
import { didYouMean, endpointProblems } from '../../generator/settings/rules.ts';
import { tempDir } from '../emit/helpers.ts';

const PAGE = 'specs/aws/odb/get_odb_peering_connection.rst';
/** The odb seed's settings as they were when these rows were written: the rows' lines and columns are in this text. */
const BASE = `{
  "$schema": "../../../generator/settings/service.schema.json",
  "provider": "aws",
  "id": "odb",
  "packageName": "@docsdk/aws-odb",
  "clientName": "odb",
  "apiVersion": "2024-08-20",
  "protocol": "awsJson1_0",
  "targetPrefix": "Odb",
  "signingName": "odb",
  "signatureVersion": "v4",
  "endpoint": "https://odb.{region}.api.aws",
  "timestampFormat": "iso8601"
}
`;
/** The top-level keys the schema allows, in its order (the hint when no key is close). */
const KNOWN = Object.keys((JSON.parse(readFileSync('generator/settings/service.schema.json', 'utf8')) as { properties: object }).properties).filter((k) => k !== '$schema');

/** The seed's settings with line `line` (1-based) replaced by `text` (several lines allowed). */
const withLine = (line: number, text: string) => BASE.split('\n').map((l, i) => (i === line - 1 ? text : l)).join('\n');
/** The seed's settings without line `line`. */
const withoutLine = (line: number) => BASE.split('\n').filter((_, i) => i !== line - 1).join('\n');

interface Row {
  name: string;
  /** The service.json text; undefined: the folder has none. */
  given: string | undefined;
  /** Diagnostics, `F` standing for the settings file and `P` for the page. */
  want: string[];
}

const ROWS: Row[] = [
  {
    name: 'no service.json at all',
    given: undefined,
    want: [
      `P:1:1: error: no D/service.json: this service's protocol and endpoint are unknown, so its client could send no request (README: "service.json from botocore metadata"; --allow-unconfigured generates it anyway)`,
    ],
  },
  {
    name: 'awsJson without targetPrefix',
    given: withoutLine(9),
    want: ['F:8:3: error: "targetPrefix" is required for awsJson1_0 services: every request says X-Amz-Target: <targetPrefix>.<Operation> (botocore metadata: targetPrefix)'],
  },
  {
    name: 'v4 without signingName',
    given: withoutLine(10),
    want: ['F:10:3: error: "signingName" is required for v4 signing: SigV4 scopes every signature by it (botocore metadata: signingName, else endpointPrefix)'],
  },
  {
    name: 'no protocol',
    given: withoutLine(8).replace('  "targetPrefix": "Odb",\n', ''),
    want: ['F:1:1: error: "protocol" is required: it decides how requests and responses are written (botocore metadata: protocol, with jsonVersion for json)'],
  },
  {
    name: '"provider": "baidu" on a boto3 page',
    given: withLine(3, '  "provider": "baidu",'),
    want: [
      'F:3:15: error: provider "baidu" does not match the pages: P is a boto3-rst page, which documents a "aws" service',
      'F:8:15: error: protocol "awsJson1_0" is not one of the baidu services\' ("rest-json")',
      'F:11:23: error: signatureVersion "v4" does not sign baidu requests (baidu: "bce-auth-v1")',
    ],
  },
  {
    name: '"signatureVersion": "bce-auth-v1" on an AWS service',
    given: withLine(11, '  "signatureVersion": "bce-auth-v1",'),
    want: ['F:11:23: error: signatureVersion "bce-auth-v1" does not sign aws requests (aws: "v4")'],
  },
  {
    name: 'an endpoint without a scheme',
    given: withLine(12, '  "endpoint": "odb.{region}.api.aws",'),
    want: ['F:12:16: error: endpoint "odb.{region}.api.aws" has no scheme: it must start with https:// (or http://)'],
  },
  {
    name: '{regoin} in the endpoint template',
    given: withLine(12, '  "endpoint": "https://odb.{regoin}.api.aws",'),
    want: ['F:12:28: error: endpoint placeholder {regoin} is not one the client fills ({region}): did you mean {region}?'],
  },
  {
    name: 'an endpoint placeholder never closed',
    given: withLine(12, '  "endpoint": "https://odb.{region.api.aws",'),
    want: ['F:12:28: error: endpoint has a "{" that opens a placeholder it never closes'],
  },
  {
    name: 'an unknown key inside operations.<method>',
    given: withLine(13, '  "timestampFormat": "iso8601",\n  "operations": {\n    "get_odb_peering_connection": { "nmae": "GetOdbPeeringConnection" }\n  }'),
    want: ['F:15:37: error: /operations/get_odb_peering_connection: unknown key "nmae": did you mean "name"?'],
  },
  {
    name: 'an unknown key inside an operation\'s http binding',
    given: withLine(
      13,
      '  "timestampFormat": "iso8601",\n  "operations": {\n    "get_odb_peering_connection": {\n      "http": { "method": "POST", "uri": "/", "membres": {} }\n    }\n  }',
    ),
    want: ['F:16:47: error: /operations/get_odb_peering_connection/http: unknown key "membres": did you mean "members"?'],
  },
  {
    name: 'an unknown top-level key',
    given: withLine(9, '  "targetPrefx": "Odb",'),
    // Settings the schema rejects are not checked further: the typo is the one problem shown.
    want: ['F:9:3: error: /: unknown key "targetPrefx": did you mean "targetPrefix"?'],
  },
  {
    name: 'an unknown key nothing is close to',
    given: withLine(9, '  "targetPrefix": "Odb", "colour": "blue",'),
    want: [
      `F:9:26: error: /: unknown key "colour": known keys here: ${KNOWN.join(', ')}`,
    ],
  },
];

describe('service.json that cannot be wrong silently', () => {
  test.each(ROWS)('$name', async ({ given, want }) => {
    const root = tempDir('docsdk-rules-');
    const dir = path.join(root, 'aws', 'odb');
    mkdirSync(dir, { recursive: true });
    copyFileSync(PAGE, path.join(dir, 'get_odb_peering_connection.rst'));
    if (given !== undefined) writeFileSync(path.join(dir, 'service.json'), given);
    const out = path.join(root, 'generated');
    let stderr = '';
    const code = await runCli(['generate', dir, '--out', out, '--no-cache'], { stdout: () => {}, stderr: (t) => void (stderr += t) });
    expect(code).toBe(1);
    const named = (line: string) => line.replace(/^F:/, `${dir}/service.json:`).replace(/^P:/, `${dir}/get_odb_peering_connection.rst:`).replace(' P is', ` ${dir}/get_odb_peering_connection.rst is`).replace('no D/', `no ${dir}/`);
    expect(stderr.trimEnd().split('\n')).toEqual(want.map(named));
    expect(existsSync(out)).toBe(false);
  });

  test('the seeds’ settings pass every rule', async () => {
    let stderr = '';
    const out = path.join(tempDir('docsdk-rules-'), 'generated');
    expect(await runCli(['generate', 'specs', '--out', out, '--no-cache'], { stdout: () => {}, stderr: (t) => void (stderr += t) })).toBe(0);
    expect(stderr).not.toContain('error');
  });
});

describe('rules, by themselves', () => {
  test('endpoint templates', () => {
    expect(endpointProblems('https://odb.{region}.api.aws')).toEqual([]);
    expect(endpointProblems('http://bcc.{region}.baidubce.com')).toEqual([]);
    expect(endpointProblems('ftp://x.{region}.com')).toEqual([{ offset: 0, message: 'endpoint scheme "ftp" is not "https" or "http"' }]);
    expect(endpointProblems('https://x}.com')).toEqual([{ offset: 9, message: 'endpoint has a "}" that closes no placeholder' }]);
    expect(endpointProblems('https://{service}.{region}.com').map((p) => p.offset)).toEqual([8]);
    expect(endpointProblems('https://')).toEqual([{ offset: 0, message: 'endpoint "https://" is not a URL once its placeholders are filled ("https://")' }]);
  });

  test('did you mean: close names only', () => {
    expect(didYouMean('regoin', ['region'])).toBe('region');
    expect(didYouMean('htpp', ['http', 'name', 'paginator'])).toBe('http');
    expect(didYouMean('colour', ['http', 'name', 'paginator'])).toBeUndefined();
  });
});
