/**
 * The enum case on the real DynamoDB docs (boto3 1.26, corpus/services/dynamodb.rst, written by
 * scripts/conformance-corpus; CI builds it): with `ARCHIVED` taken out of TableStatus, `docsdk diff`
 * reports one breaking change, and the two surface changes it explains (the alias and the constant)
 * carry its verdict. Both sides are read from different folders, so the paginators' sources differ:
 * they must not count as changes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { run, tempDir } from './helpers.ts';

const CORPUS_FILE = path.resolve('corpus/services/dynamodb.rst');

describe('one verdict per change on real documents', () => {
  test.skipIf(!existsSync(CORPUS_FILE))('DynamoDB TableStatus without ARCHIVED: one breaking change, the same verdict on the surface', async () => {
    const root = tempDir();
    const text = readFileSync(CORPUS_FILE, 'utf8');
    const edited = text.replaceAll("|'ARCHIVING'|'ARCHIVED',", "|'ARCHIVING',");
    expect(edited).not.toBe(text);
    for (const [side, content] of [['old', text], ['new', edited]] as const) {
      mkdirSync(path.join(root, side, 'aws/dynamodb'), { recursive: true });
      writeFileSync(path.join(root, side, 'aws/dynamodb/dynamodb.rst'), content);
    }
    const r = await run('diff', path.join(root, 'old/aws/dynamodb'), path.join(root, 'new/aws/dynamodb'), '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout).packages[0];
    expect(p.changes.map((c: { rule: string; path: string; detail: string; breaking: boolean }) => [c.rule, c.path, c.detail, c.breaking])).toEqual([
      ['output-enum-value-removed', 'TableStatus', 'ARCHIVED', true],
    ]);
    expect(p.api.map((c: { path: string; breaking: boolean; decidedBy?: { rule: string } }) => [c.path, c.breaking, c.decidedBy?.rule])).toEqual([
      ['TableStatus (TypeAlias)', true, 'output-enum-value-removed'],
      ['TableStatus (Variable)', true, 'output-enum-value-removed'],
    ]);
    expect([p.bump, p.breaking]).toEqual(['major', true]);
  }, 120_000);
});
