/**
 * One verdict per change: given an edit to a small service shaped like DynamoDB's DescribeTable, the
 * report's IR changes, its API-surface changes (rendered by this generator from both IRs) and which
 * IR rule decided each surface change. A surface change an IR change explains carries that change's
 * verdict; one nothing in the IR explains keeps its own rule's verdict and counts.
 */
import { describe, expect, test } from 'vitest';
import type { IR, Service } from '../../generator/ir/model.ts';
import { buildReport, type PackageReport } from '../../generator/diff/report.ts';
import { renderMarkdown } from '../../generator/diff/render-markdown.ts';
import type { Side } from '../../generator/diff/sides.ts';

/** `DescribeTable` returns a table's status (an output enum); `PutItem` takes a mode (an input enum). */
function base(): Service {
  return {
    id: 'tables',
    provider: 'aws',
    clientName: 'Tables',
    operations: [
      { name: 'DescribeTable', method: 'describe_table', documentation: 'Describes a table.', input: 'DescribeTableInput', output: 'DescribeTableOutput', errors: ['ResourceNotFoundException'], deprecated: false, sources: [] },
      { name: 'PutItem', method: 'put_item', documentation: 'Puts an item.', input: 'PutItemInput', output: 'PutItemOutput', errors: [], deprecated: false, sources: [] },
    ],
    shapes: {
      DescribeTableInput: { type: 'structure', members: { TableName: { target: 'String', required: true } } },
      DescribeTableOutput: { type: 'structure', members: { Table: { target: 'TableDescription' } } },
      TableDescription: { type: 'structure', members: { TableName: { target: 'String' }, TableStatus: { target: 'TableStatus' }, Tags: { target: 'TagList' } } },
      TableStatus: { type: 'string', enum: ['CREATING', 'ACTIVE', 'ARCHIVED'] },
      TagList: { type: 'list', member: 'String' },
      PutItemInput: { type: 'structure', members: { TableName: { target: 'String', required: true }, Mode: { target: 'Mode' } } },
      PutItemOutput: { type: 'structure', members: {} },
      Mode: { type: 'string', enum: ['FAST', 'SAFE'] },
      String: { type: 'string' },
      Integer: { type: 'integer' },
    },
  };
}

const side = (label: string, s: Service): Side => ({ label, ir: { irVersion: 1, services: [s] } as IR, surfaces: new Map(), versions: new Map(), changelogs: new Map(), diagnostics: [] });

async function reportOf(edit: (s: Service) => void): Promise<PackageReport> {
  const after = structuredClone(base());
  edit(after);
  const r = await buildReport(side('old', base()), side('new', after), { generatorVersion: '0.1.0' });
  return r.packages[0]!;
}

const shape = (s: Service, id: string) => s.shapes[id] as { members: Record<string, { target: string; required?: boolean }>; enum?: string[] };

interface Row {
  given: string;
  edit: (s: Service) => void;
  /** [rule, path, breaking] of the IR changes. */
  ir: Array<[string, string, boolean]>;
  /** [path, rule, breaking, deciding rule] of the surface changes ('-': its own rule decides). */
  api: Array<[string, string, boolean, string]>;
  breaking: boolean;
  bump: string;
}

const TABLE: Row[] = [
  {
    given: 'an output enum loses a value: its exported constant loses a key (TableStatus.ARCHIVED no longer compiles)',
    edit: (s) => (shape(s, 'TableStatus').enum = ['CREATING', 'ACTIVE']),
    ir: [['output-enum-value-removed', 'TableStatus', true]],
    api: [
      ['TableStatus (TypeAlias)', 'api-symbol-changed', true, 'output-enum-value-removed'],
      ['TableStatus (Variable)', 'api-symbol-changed', true, 'output-enum-value-removed'],
    ],
    breaking: true,
    bump: 'major',
  },
  {
    given: 'an output enum gains a value: the surface sees changed texts, the IR knows outputs are open',
    edit: (s) => (shape(s, 'TableStatus').enum = ['CREATING', 'ACTIVE', 'ARCHIVED', 'DELETING']),
    ir: [['output-enum-value-added', 'TableStatus', false]],
    api: [
      ['TableStatus (TypeAlias)', 'api-symbol-changed', false, 'output-enum-value-added'],
      ['TableStatus (Variable)', 'api-symbol-changed', false, 'output-enum-value-added'],
    ],
    breaking: false,
    bump: 'minor',
  },
  {
    given: 'an input enum loses a value (left with one, the member spells it as its literal)',
    edit: (s) => (shape(s, 'Mode').enum = ['FAST']),
    ir: [['input-enum-value-removed', 'Mode', true]],
    api: [
      ['Mode (TypeAlias)', 'api-symbol-changed', true, 'input-enum-value-removed'],
      ['Mode (Variable)', 'api-symbol-changed', true, 'input-enum-value-removed'],
      ['PutItemInput (Interface).Mode', 'api-member-changed', true, 'input-enum-value-removed'],
    ],
    breaking: true,
    bump: 'major',
  },
  {
    given: 'an enum becomes any string: its constant is gone',
    edit: (s) => delete shape(s, 'Mode').enum,
    ir: [['enum-constraint-removed', 'Mode', true]],
    api: [
      ['Mode (TypeAlias)', 'api-symbol-removed', true, 'enum-constraint-removed'],
      ['Mode (Variable)', 'api-symbol-removed', true, 'enum-constraint-removed'],
      ['PutItemInput (Interface).Mode', 'api-member-changed', true, 'enum-constraint-removed'],
    ],
    breaking: true,
    bump: 'major',
  },
  {
    given: 'a required output member is added: a required interface member, but callers only read it',
    edit: (s) => (shape(s, 'TableDescription').members.ItemCount = { target: 'Integer', required: true }),
    ir: [['output-member-added', 'TableDescription.ItemCount', false]],
    api: [['TableDescription (Interface).ItemCount', 'api-member-added-required', false, 'output-member-added']],
    breaking: false,
    bump: 'minor',
  },
  {
    given: 'an unnamed list changes element type: the member spelling it out inline is explained by the list',
    edit: (s) => (s.shapes.TagList = { type: 'list', member: 'Integer' }),
    ir: [['member-type-changed', 'TagList.member', true]],
    api: [['TableDescription (Interface).Tags', 'api-member-changed', true, 'member-type-changed']],
    breaking: true,
    bump: 'major',
  },
  {
    given: 'an operation no longer lists its only error: the error class vanishes, which nothing in the IR explains',
    edit: (s) => (s.operations[0]!.errors = []),
    ir: [['error-removed', 'operation DescribeTable', false]],
    api: [['ResourceNotFoundException (Class)', 'api-symbol-removed', true, '-']],
    breaking: true,
    bump: 'major',
  },
  {
    given: "a new operation: its method and validators follow it, its types are the operation's",
    edit: (s) => {
      s.operations.push({ name: 'DeleteTable', method: 'delete_table', documentation: 'Deletes a table.', input: 'DeleteTableInput', output: 'PutItemOutput', errors: [], deprecated: false, sources: [] });
      s.shapes.DeleteTableInput = { type: 'structure', members: { TableName: { target: 'String', required: true } } };
    },
    ir: [['operation-added', 'operation DeleteTable', false]],
    api: [
      ['DeleteTableInput (Interface)', 'api-symbol-added', false, 'operation-added'],
      ['TablesClient (Class).deleteTable', 'api-member-added', false, 'operation-added'],
      ['validateDeleteTableInput (Function)', 'api-symbol-added', false, 'operation-added'],
      ['validateDeleteTableOutput (Function)', 'api-symbol-added', false, 'operation-added'],
    ],
    breaking: false,
    bump: 'minor',
  },
];

describe('one verdict per change', () => {
  test.each(TABLE)('$given', async (row) => {
    const p = await reportOf(row.edit);
    expect(p.changes.map((c) => [c.rule, c.path, c.breaking])).toEqual(row.ir);
    expect(p.api.map((c) => [c.path, c.rule, c.breaking, c.decidedBy?.rule ?? '-'])).toEqual(row.api);
    expect([p.breaking, p.bump]).toEqual([row.breaking, row.bump]);
    // By construction: a decided surface change has exactly the verdict of the IR change it names.
    for (const c of p.api.filter((x) => x.decidedBy)) {
      const by = p.changes.find((x) => x.rule === c.decidedBy!.rule && x.path === c.decidedBy!.path)!;
      expect([c.breaking, c.bump, c.informational]).toEqual([by.breaking, by.bump, true]);
    }
    for (const c of p.api.filter((x) => !x.decidedBy)) expect(c.informational).toBeUndefined();
  });

  test('the enum case reads as one verdict in both Markdown tables', async () => {
    const p = await reportOf((s) => (shape(s, 'TableStatus').enum = ['CREATING', 'ACTIVE']));
    const md = renderMarkdown({ old: 'old', new: 'new', packages: [p], breaking: p.breaking });
    expect(md).toContain('| **breaking** | `TableStatus` | `output-enum-value-removed` | ARCHIVED |');
    expect(md).toContain('| **breaking** | `TableStatus (Variable)` | `api-symbol-changed` | `output-enum-value-removed` at `TableStatus` |');
    expect(md).not.toMatch(/\| compatible \| `TableStatus/);
    expect(md).toContain('**Breaking changes: 1** (in 1 of 1 changed package).');
  });
});
