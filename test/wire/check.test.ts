/**
 * The whole wire check (scripts/wire/check.ts) on one small service, Kinesis: boto3 1.26's page
 * written by boto3's own documenter (Debian's python3-boto3), docsdk's client generated from it and a
 * service.json from botocore's metadata, every operation called by docsdk's and the pinned official
 * client on the 127.0.0.1 server. Needs the official clients: `npm ci --prefix scripts/wire`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkServices } from '../../scripts/wire/check.ts';

const corpus = mkdtempSync(path.join(tmpdir(), 'docsdk-wire-corpus-'));
execFileSync('/usr/bin/python3', ['scripts/conformance_corpus.py', corpus, 'kinesis'], { stdio: 'ignore' });

describe('npm run wire on kinesis', () => {
  it('every comparable operation agrees with @aws-sdk/client-kinesis', async () => {
    const [r] = await checkServices(['kinesis'], { corpora: [corpus], work: mkdtempSync(path.join(tmpdir(), 'docsdk-wire-')), seed: 1 });
    expect(r!.problem).toBeUndefined();
    expect(r!.officialVersion).toMatch(/^3\.\d+\.\d+$/);
    const by = (s: string) => r!.operations.filter((o) => o.status === s).map((o) => o.operation);
    expect(by('differ')).toEqual([]);
    expect(by('skipped')).toEqual(['SubscribeToShard']);
    expect(by('agree').length).toBe(28);
    expect(by('agree')).toContain('PutRecords');
    // The values reached the kinds that matter on this service's wire.
    expect(r!.kinds.blob).toBeGreaterThan(0);
    expect((r!.kinds['timestamp-ms'] ?? 0) + (r!.kinds['timestamp<1970'] ?? 0)).toBeGreaterThan(0);
    expect(r!.kinds['unknown-enum']).toBeGreaterThan(0);
  }, 120_000);

  it('catches a body docsdk sends wrong', async () => {
    const [r] = await checkServices(['kinesis'], { corpora: [corpus], work: mkdtempSync(path.join(tmpdir(), 'docsdk-wire-')), seed: 1, perturb: 'body' });
    const compared = r!.operations.filter((o) => o.status !== 'skipped');
    expect(compared.length).toBe(28);
    expect(compared.every((o) => o.status === 'differ' && o.notes.includes('body PerturbedByTheSelfTest: docsdk true, AWS SDK undefined'))).toBe(true);
  }, 120_000);
});
