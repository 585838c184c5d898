/**
 * A real docs change posts within GitHub's comment limit: the repository's one-operation Direct
 * Connect spec against the whole boto3 1.26 `directconnect` documentation (corpus/services/
 * directconnect.rst, written by scripts/conformance-corpus from Debian's python3-boto3; CI builds it),
 * with the seed's service.json. Its whole Markdown report is over 65,536 characters; what `docsdk
 * diff` prints fits, starts with the verdict and counts, and says where the whole report is, which
 * `--full` writes.
 */
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { COMMENT_LIMIT } from '../../generator/diff/render-markdown.ts';
import { run, tempDir } from './helpers.ts';

const CORPUS_FILE = path.resolve('corpus/services/directconnect.rst');

describe('docsdk diff on a large real docs change', () => {
  test.skipIf(!existsSync(CORPUS_FILE))('1 Direct Connect operation → the whole 1.26 docs: the comment fits, the full report is a file', async () => {
    const root = tempDir();
    const whole = path.join(root, 'aws/directconnect');
    mkdirSync(whole, { recursive: true });
    cpSync(CORPUS_FILE, path.join(whole, 'directconnect.rst'));
    cpSync('specs/aws/directconnect/service.json', path.join(whole, 'service.json'));
    const fullFile = path.join(root, 'api-diff-full.md');

    const uncut = await run('diff', 'specs/aws/directconnect', whole, '--max-chars', '0');
    expect(uncut.code, uncut.stderr).toBe(0);
    // The case is real: the whole report would not fit a comment.
    expect(Buffer.byteLength(uncut.stdout)).toBeGreaterThan(COMMENT_LIMIT);

    const r = await run('diff', 'specs/aws/directconnect', whole, '--full', fullFile, '--full-note', '`api-diff-full.md` in the workflow run’s artifacts');
    expect(r.code, r.stderr).toBe(0);
    const comment = r.stdout;
    expect(Buffer.byteLength(comment)).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(comment.startsWith('## docsdk diff: `specs/aws/directconnect` → ')).toBe(true);
    expect(comment).toContain('Breaking changes: none (1 changed package).');
    // 62 operations added to the one the spec documents; every one is listed before the cut.
    expect(comment).toMatch(/\| `@docsdk\/aws-directconnect` \| minor \| 0 \| 62 \| \d+ \| \d+ \|/);
    expect(comment.match(/\| `operation-added` \|/g)).toHaveLength(62);
    const note = /\n> \*\*Cut to fit 65536 characters: (\d+) of (\d+) changes listed\.\*\* The full report: `api-diff-full\.md` in the workflow run’s artifacts\.\n$/.exec(comment);
    expect(note).not.toBeNull();
    expect(Number(note![1])).toBeLessThan(Number(note![2]));
    // The file is the whole report, as printed without a limit.
    expect(readFileSync(fullFile, 'utf8')).toBe(uncut.stdout);
  }, 120_000);
});
