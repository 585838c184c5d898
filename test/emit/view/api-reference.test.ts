/**
 * The docs' "See also: AWS API Documentation" link of each operation (issue 18 §4) reaches the IR
 * (`Operation.apiReference`, rebuilt from what the link names) and each operation of the package README:
 * one link in the page, one in the README, on the odb seed's real boto3 page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emitService } from '../../../generator/emit/emit-service.ts';
import { handlebarsRenderer } from '../../../generator/emit/render.ts';
import { loadIR } from '../../../generator/pipeline/load-ir.ts';

const URL = 'https://docs.aws.amazon.com/goto/WebAPI/odb-2024-08-20/GetOdbPeeringConnection';

describe('API reference links', () => {
  const service = loadIR(['specs/aws/odb']).ir.services[0]!;
  const readme = emitService(service, handlebarsRenderer(), { generator: '0.0.0', runtime: '0.0.0', typescript: '0.0.0' }).files.find((f) => f.path === 'README.md')!.content;

  it('the page has one, the IR keeps it, the README links it under the operation', () => {
    const page = readFileSync('specs/aws/odb/get_odb_peering_connection.rst', 'utf8');
    expect(page.match(/goto\/WebAPI\//g)).toHaveLength(1);
    expect(service.operations.map((o) => o.apiReference)).toEqual([URL]);
    expect(readme.match(/\[API reference\]\(https:\/\/docs\.aws\.amazon\.com\/goto\/WebAPI\/[^)]+\)/g)).toEqual([`[API reference](${URL})`]);
    expect(readme).toContain(`### \`getOdbPeeringConnection\`\n\n\`\`\`ts\n`);
    expect(readme.indexOf(URL)).toBeGreaterThan(readme.indexOf('### `getOdbPeeringConnection`'));
  });

  it('a link target that could break the Markdown is refused', () => {
    const bad = { ...service, operations: service.operations.map((o) => ({ ...o, apiReference: 'https://x.test/a) [evil](https://y.test' })) };
    expect(() => emitService(bad, handlebarsRenderer(), { generator: '0.0.0', runtime: '0.0.0', typescript: '0.0.0' })).toThrow(/not a safe link target/);
  });
});
