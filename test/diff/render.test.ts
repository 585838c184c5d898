/**
 * The report renderers on hand-made reports: Markdown table cells stay one cell (pipes escaped, code
 * spans fenced around backticks), a surface change names the rule that decided it, unchanged packages
 * are left out, breaking changes come first; cut to a budget, the text fits, keeps whole rows in
 * order and says what it left out; JSON counts documentation changes and lists them only when asked.
 */
import { describe, expect, test } from 'vitest';
import { renderJson } from '../../generator/diff/render-json.ts';
import { BudgetTooSmall, CUT_CELL_CHARS, renderMarkdown } from '../../generator/diff/render-markdown.ts';
import type { DiffReport, PackageReport } from '../../generator/diff/report.ts';
import { change } from '../../generator/diff/rules.ts';

const report: DiffReport = {
  old: 'main',
  new: 'HEAD',
  breaking: true,
  packages: [
    {
      service: 'aws/demo',
      folder: 'aws-demo',
      packageName: '@docsdk/aws-demo',
      changes: [change('input-enum-constraint-added', 'PutRequest.mode', 'FAST | SLOW')],
      documentation: [{ ...change('documentation-changed', 'PutRequest.note', ''), text: { before: 'The note.', after: 'The <b>short</b> note.' } }],
      api: [
        { ...change('api-symbol-changed', 'Mode (TypeAlias)', '`x` | y'), informational: true, decidedBy: { rule: 'input-enum-constraint-added', path: 'PutRequest.mode' } },
        change('api-symbol-added', 'Extra (Function)', '() => void'),
      ],
      breaking: true,
      bump: 'major',
    },
    { service: 'aws/same', folder: 'aws-same', packageName: '@docsdk/aws-same', changes: [], documentation: [], api: [], breaking: false },
  ],
};

/** A report with `compatible` added operations in one package, then `breaking` removed ones in another. */
function large(compatible: number, breaking: number): DiffReport {
  const pkg = (name: string, changes: PackageReport['changes'], isBreaking: boolean): PackageReport => ({
    service: `aws/${name}`,
    folder: `aws-${name}`,
    packageName: `@docsdk/aws-${name}`,
    changes,
    documentation: [],
    api: [],
    breaking: isBreaking,
    bump: isBreaking ? 'major' : 'minor',
  });
  const n = (i: number) => String(i).padStart(4, '0');
  return {
    old: 'main',
    new: 'HEAD',
    breaking: breaking > 0,
    packages: [
      pkg('big', Array.from({ length: compatible }, (_, i) => change('operation-added', `operation Op${n(i)}`, `op_${n(i)} → ${'x'.repeat(40)}`)), false),
      pkg('gone', Array.from({ length: breaking }, (_, i) => change('operation-removed', `operation Old${n(i)}`, `old_${n(i)}`)), breaking > 0),
    ],
  };
}

describe('Markdown', () => {
  test('escaped cells, the deciding rule of each surface change, breaking changes first, unchanged packages left out', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('**Breaking changes: 1** (in 1 of 1 changed package).');
    expect(md).toContain('| `@docsdk/aws-demo` | major | 1 | 1 | 1 | 2 |');
    expect(md).toContain('| **breaking** | `PutRequest.mode` | `input-enum-constraint-added` | FAST \\| SLOW |');
    expect(md).toContain('| **breaking** | `Mode (TypeAlias)` | `api-symbol-changed` | `input-enum-constraint-added` at `PutRequest.mode` | `x` \\| y |');
    expect(md).toContain('| compatible | `Extra (Function)` | `api-symbol-added` | `api-symbol-added` | () => void |');
    // The breaking list (before the package's own table) names the package.
    const first = md.indexOf('| `@docsdk/aws-demo` | `PutRequest.mode` | `input-enum-constraint-added` | FAST \\| SLOW |');
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(md.indexOf('### `@docsdk/aws-demo`'));
    expect(md).not.toContain('aws-same');
    expect(md).not.toContain('PutRequest.note');
  });

  test('documentation changes with --all-docs: a word-level before/after, escaped', () => {
    const md = renderMarkdown(report, { allDocs: true });
    expect(md).toContain('- `PutRequest.note`: The <ins>&lt;b&gt;short&lt;/b&gt;</ins> note.');
  });

  test('a report that fits is the whole report; one over the budget is cut to whole rows, breaking changes kept', () => {
    const r = large(400, 3);
    const whole = renderMarkdown(r);
    expect(renderMarkdown(r, { maxChars: Buffer.byteLength(whole) })).toBe(whole);
    const max = 6000;
    expect(Buffer.byteLength(whole)).toBeGreaterThan(max);
    const cut = renderMarkdown(r, { maxChars: max, fullReport: '`api-diff-full.md` (artifact)' });
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(max);
    // Counts and every breaking change survive the cut.
    expect(cut).toContain('| `@docsdk/aws-big` | minor | 0 | 400 | 0 | 0 |');
    for (const i of ['0000', '0001', '0002']) expect(cut).toContain(`| \`@docsdk/aws-gone\` | \`operation Old${i}\` | \`operation-removed\` | old_${i} |`);
    // Whole rows, in the report's order: everything before the note is the start of the whole report.
    const [kept, note] = cut.split('\n> ');
    expect(whole.startsWith(kept!.trimEnd())).toBe(true);
    const listed = kept!.split('\n').filter((l) => l.startsWith('| compatible |') || l.startsWith('| **breaking** |')).length;
    expect(note).toBe(`**Cut to fit ${max} characters: ${listed} of 403 changes listed.** The full report: \`api-diff-full.md\` (artifact).\n`);
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThan(403);
  });

  test('cut: a long detail is shortened so it cannot push the rows after it out; too small a budget is an error', () => {
    const r = large(1, 0);
    r.packages[0]!.changes[0]!.detail = 'y'.repeat(5000);
    const cut = renderMarkdown(r, { maxChars: 2000 });
    expect(cut).toContain(`| ${'y'.repeat(CUT_CELL_CHARS)}… |`);
    expect(cut).toContain('1 of 1 changes listed.** Run `docsdk diff` with `--max-chars 0` for the full report.');
    expect(renderMarkdown(r)).toContain('y'.repeat(5000));
    expect(() => renderMarkdown(r, { maxChars: 100 })).toThrow(BudgetTooSmall);
  });
});

describe('JSON', () => {
  test('documentation counted, listed with allDocs (with both texts); unchanged packages have a null bump', () => {
    const json = JSON.parse(renderJson(report));
    expect(json.packages.map((p: { documentationChanges: number; bump: string | null }) => [p.documentationChanges, p.bump])).toEqual([
      [1, 'major'],
      [0, null],
    ]);
    expect(json.packages[0].documentation).toBeUndefined();
    expect(json.packages[0].api[0].decidedBy).toEqual({ rule: 'input-enum-constraint-added', path: 'PutRequest.mode' });
    expect(JSON.parse(renderJson(report, { allDocs: true })).packages[0].documentation[0].text).toEqual({ before: 'The note.', after: 'The <b>short</b> note.' });
  });
});
