/**
 * The compact-text reader on seed 001 (get_connection copied from the HTML site): nesting
 * recovered from the syntax literal, and what a cut page, an entry that doesn't fit the literal,
 * or unrecognised text give — diagnostics with file:line, and exit code 1 from `docsdk ir`.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shuffledPages } from './fuzz.ts';
import { runCli } from '../../generator/cli.ts';
import { isBoto3CompactText, readBoto3CompactText } from '../../generator/read/boto3-compact-text.ts';
import { isBoto3BulletText } from '../../generator/read/boto3-bullet-text.ts';

const root = path.resolve(import.meta.dirname, '../..');
const SEED = 'specs/aws/partnercentral-account/get_connection.txt';
const seedText = readFileSync(path.join(root, SEED), 'utf8');
const lines = seedText.split('\n');

/** Runs `docsdk ir` in-process on one text written to a temporary file. */
async function irExit(text: string): Promise<{ code: number; stderr: string; file: string }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'docsdk-')), 'page.txt');
  writeFileSync(file, text);
  let stderr = '';
  const code = await runCli(['ir', file], { stdout: () => {}, stderr: (t) => (stderr += t) });
  return { code, stderr, file };
}

describe('seed 001 read as compact text', () => {
  const page = readBoto3CompactText(seedText, SEED);
  const op = page.operations[0]!;

  it('is detected as compact text (not bullets) and reads without diagnostics', () => {
    expect(isBoto3CompactText(seedText)).toBe(true);
    expect(isBoto3BulletText(seedText)).toBe(false);
    expect(page.diagnostics).toEqual([]);
    expect(page.service.clientName).toBe('PartnerCentralAccountAPI');
  });

  it('takes no PascalCase name from its text-only "See also"', () => {
    expect(op.method).toBe('get_connection');
    expect(op.name).toBeUndefined();
  });

  it('recovers the nesting of the flattened entries from the Response Syntax', () => {
    const types = op.output!.members.find((m) => m.name === 'ConnectionTypes')!;
    expect(types.type.kind).toBe('map');
    if (types.type.kind !== 'map' || types.type.value.kind !== 'structure') throw new Error('a map to a structure');
    const detail = types.type.value;
    expect(detail.documentation).toBe('Detailed information about a specific connection type within a connection.');
    expect(detail.members.map((m) => m.name)).toEqual(['CreatedAt', 'InviterEmail', 'InviterName', 'Status', 'CanceledAt', 'CanceledBy', 'OtherParticipant']);
    const other = detail.members.find((m) => m.name === 'OtherParticipant')!;
    expect(other.documentation).toBe('Information about the other participant in this connection type.');
    expect(other.type.kind).toBe('union');
    if (other.type.kind !== 'union') throw new Error('a union');
    expect(other.type.members.map((m) => m.name)).toEqual(['PartnerProfile', 'SellerProfile', 'Account']);
  });

  it('splits the glued Exceptions', () => {
    expect(op.errors).toEqual(['ResourceNotFoundException', 'AccessDeniedException', 'ThrottlingException', 'ValidationException', 'InternalServerException']);
  });
});

describe('compact text that is cut short, mismatched or unrecognised', () => {
  it('a page cut inside the Response Structure names the section and keeps what it read', () => {
    const page = readBoto3CompactText(lines.slice(0, 50).join('\n'), 'cut.txt');
    expect(page.diagnostics).toEqual([
      expect.objectContaining({
        line: 49,
        severity: 'error',
        message: 'Response Structure ends without an entry for output.ConnectionTypes{}.OtherParticipant.PartnerProfile and 2 more (a page cut short?)',
      }),
    ]);
    expect(page.operations[0]!.output!.members.map((m) => m.name)).toEqual(['Catalog', 'Id', 'Arn', 'OtherParticipantAccountId', 'UpdatedAt', 'ConnectionTypes']);
  });

  it('a page cut before its output names the missing sections', () => {
    const page = readBoto3CompactText(lines.slice(0, 7).join('\n'), 'cut.txt');
    expect(page.diagnostics).toEqual([expect.objectContaining({ line: 7, severity: 'error', message: 'get_connection: page ends without its Return type, Returns sections' })]);
  });

  it('an entry that does not fit the literal is an error at its line, not a guess', () => {
    const page = readBoto3CompactText(seedText.replace('InviterName (string)', 'InviterNom (string)'), 'mismatch.txt');
    expect(page.diagnostics).toEqual([
      expect.objectContaining({ line: 41, severity: 'error', message: 'Response Structure: entry "InviterNom (string) –" does not match the syntax block: expected output.ConnectionTypes{}.InviterName' }),
      expect.objectContaining({ line: 43, severity: 'warning', message: 'Response Structure: output.ConnectionTypes{}.InviterName is in the syntax block but has no entry' }),
    ]);
  });

  it('unrecognised text in a section is an error at its line', () => {
    const page = readBoto3CompactText(seedText.replace('- Parameters:\n', '- Parameters:\nSome stray words\n'), 'stray.txt');
    expect(page.diagnostics).toEqual([expect.objectContaining({ line: 9, severity: 'error', message: expect.stringContaining('unrecognised text "Some stray words"') })]);
  });

  it('docsdk ir exits 1 with file:line diagnostics on a cut page', async () => {
    const { code, stderr, file } = await irExit(lines.slice(0, 50).join('\n'));
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}:49:1: error: Response Structure ends without an entry`);
  });

  it('docsdk ir exits 1 on text no reader recognises, naming the formats', async () => {
    const { code, stderr, file } = await irExit('Just some notes about an API.\nNothing else.\n');
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}:1:1: error: no reader recognises this document`);
    expect(stderr).toContain('boto3-compact-text');
    expect(stderr).toContain('boto3-bullet-text');
  });

  it('never throws on arbitrary input', () => {
    const pieces = [...lines, '(dict) –', '- Parameters:', 'Response Syntax', "{ 'a': [ {", '¶', '• x (string) --', ''];
    for (const page of shuffledPages(pieces, 'x.Client.op(**kwargs)¶')) expect(() => readBoto3CompactText(page, 'fuzz.txt')).not.toThrow();
  });
});
