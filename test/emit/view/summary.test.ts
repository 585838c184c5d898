/**
 * summaryOf (generator/emit/view/summary.ts): a README example's one-line summary is whole sentences,
 * on the seeds' real documentation (Baidu VPC's CreatePeerconn and ClosePeerconnDnsSync).
 */
import { describe, expect, it } from 'vitest';
import { summaryOf } from '../../../generator/emit/view/summary.ts';
import { loadIR } from '../../../generator/pipeline/load-ir.ts';

describe('summaryOf', () => {
  it('passes over a paragraph introducing a list, a list, a broken-off paragraph and a link line', () => {
    const vpc = loadIR(['specs/baidu/vpc']).ir.services[0]!;
    const doc = (name: string) => vpc.operations.find((o) => o.name === name)!.documentation;
    expect(doc('CreatePeerconn')).toMatch(/^When creating peering connections, note the following:\n/);
    expect(summaryOf(doc('CreatePeerconn'))).toBe('The create_peerconn function can be used to create peering connections between specified VPCs.');
    expect(doc('ClosePeerconnDnsSync')).toContain('"available.\\\n');
    expect(summaryOf(doc('ClosePeerconnDnsSync'))).toBe('The close_peerconn_dns_sync can be used to disable DNS synchronization for peering connections.');
  });

  it.each([
    ['Creates a backup. It is kept.\n\nMore.', 'Creates a backup. It is kept.'],
    ['Note: read this first.\n\nDeletes the "thing."', 'Deletes the "thing."'],
    ['Lists them (paged).', 'Lists them (paged).'],
    ['OpenAPI documentation: https://cloud.baidu.com/doc/VPC/s/0jwvyucfy', ''],
    ['Lists them\n\nOpenAPI documentation: https://x', 'Lists them'],
    ['Note the following:\n\n- one', ''],
    ['', ''],
  ])('%j', (doc, want) => expect(summaryOf(doc)).toBe(want));
});
