/**
 * The docs' "See also: AWS API Documentation" link of each operation (issue 18 §4) reaches the IR
 * (`Operation.apiReference`, rebuilt from what the link names), each method's TSDoc (`@see {@link url | …}`)
 * and each operation of the package README: one link in the page, one in each, on the odb seed's real boto3 page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emitService } from '../../../generator/emit/emit-service.ts';
import { handlebarsRenderer } from '../../../generator/emit/render.ts';
import { loadIR } from '../../../generator/pipeline/load-ir.ts';

const URL = 'https://docs.aws.amazon.com/goto/WebAPI/odb-2024-08-20/GetOdbPeeringConnection';

describe('API reference links', () => {
  const service = loadIR(['specs/aws/odb']).ir.services[0]!;
  const { files } = emitService(service, handlebarsRenderer(), { generator: '0.0.0', runtime: '0.0.0', typescript: '0.0.0' });
  const readme = files.find((f) => f.path === 'README.md')!.content;
  const client = files.find((f) => f.path === 'src/client.ts')!.content;

  it('the page has one, the IR keeps it, the README links it under the operation', () => {
    const page = readFileSync('specs/aws/odb/get_odb_peering_connection.rst', 'utf8');
    expect(page.match(/goto\/WebAPI\//g)).toHaveLength(1);
    expect(service.operations.map((o) => o.apiReference)).toEqual([URL]);
    expect(readme.match(/\[API reference\]\(https:\/\/docs\.aws\.amazon\.com\/goto\/WebAPI\/[^)]+\)/g)).toEqual([`[API reference](${URL})`]);
    expect(readme).toContain(`### \`getOdbPeeringConnection\`\n\n\`\`\`ts\n`);
    expect(readme.indexOf(URL)).toBeGreaterThan(readme.indexOf('### `getOdbPeeringConnection`'));
  });

  it("the method's TSDoc links it: one @see per page link, inside the method's comment", () => {
    expect(client.match(/\{@link https:[^}]*\}/g)).toEqual([`{@link ${URL} | GetOdbPeeringConnection in the API reference}`]);
    expect(client).toContain(`   * @see {@link ${URL} | GetOdbPeeringConnection in the API reference}\n   */\n  getOdbPeeringConnection(`);
  });

  it('a link target that could break the Markdown is refused', () => {
    const bad = { ...service, operations: service.operations.map((o) => ({ ...o, apiReference: 'https://x.test/a) [evil](https://y.test' })) };
    expect(() => emitService(bad, handlebarsRenderer(), { generator: '0.0.0', runtime: '0.0.0', typescript: '0.0.0' })).toThrow(/not a safe link target/);
  });
});
