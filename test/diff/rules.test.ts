/**
 * The IR walk on small hand-made IRs: the role rules (input, output, a shape used both ways counts as
 * both) and the rules the seed edits don't reach, each on one change.
 */
import { describe, expect, test } from 'vitest';
import type { IR, Service } from '../../generator/ir/model.ts';
import { diffIR } from '../../generator/diff/walk-ir.ts';
import { RULES, bumpOf } from '../../generator/diff/rules.ts';

/** `Put` takes a union and a shared structure and returns the shared structure and an id. */
function base(): Service {
  return {
    id: 'demo',
    provider: 'aws',
    clientName: 'Demo',
    operations: [{ name: 'Put', method: 'put', documentation: '', input: 'PutRequest', output: 'PutResponse', errors: ['Oops'], deprecated: false, sources: [] }],
    shapes: {
      Choice: { type: 'union', members: { a: { target: 'String' } } },
      Mode: { type: 'string', enum: ['FAST', 'SLOW'] },
      PutRequest: { type: 'structure', members: { choice: { target: 'Choice' }, shared: { target: 'Shared' }, mode: { target: 'Mode' }, note: { target: 'String' } } },
      PutResponse: { type: 'structure', members: { id: { target: 'String', required: true }, shared: { target: 'Shared' } } },
      Shared: { type: 'structure', members: { x: { target: 'String' }, state: { target: 'State' } } },
      State: { type: 'string', enum: ['ON', 'OFF'] },
      String: { type: 'string' },
      Integer: { type: 'integer' },
    },
  };
}

/** [rule, path, breaking] of every change `edit` makes to the base service. */
function changesOf(edit: (s: Service) => void): Array<[string, string, boolean]> {
  const after = structuredClone(base());
  edit(after);
  const ir = (s: Service): IR => ({ irVersion: 1, services: [s] });
  const [d] = diffIR(ir(base()), ir(after));
  return d!.changes.map((c) => [c.rule, c.path, c.breaking]);
}

/** [rule, path, breaking] of every change from the base service edited by `from` to it edited by `to`. */
function changesBetween(from: (s: Service) => void, to: (s: Service) => void): Array<[string, string, boolean]> {
  const [a, b] = [structuredClone(base()), structuredClone(base())];
  from(a);
  to(b);
  const [d] = diffIR({ irVersion: 1, services: [a] }, { irVersion: 1, services: [b] });
  return d!.changes.map((c) => [c.rule, c.path, c.breaking]);
}

const members = (s: Service, id: string) => (s.shapes[id] as { members: Record<string, { target: string; required?: boolean }> }).members;

describe('role rules', () => {
  test('a member added to an input union breaks', () => {
    expect(changesOf((s) => (members(s, 'Choice').b = { target: 'String' }))).toEqual([['input-union-member-added', 'Choice.b', true]]);
  });

  test('a shape used in input and output counts as both: a new required member breaks inputs only', () => {
    expect(changesOf((s) => (members(s, 'Shared').y = { target: 'String', required: true }))).toEqual([
      ['input-required-member-added', 'Shared.y', true],
      ['output-member-added', 'Shared.y', false],
    ]);
  });

  test('an enum value added to a shared enum is reported once per role; removing one from an input enum breaks', () => {
    expect(changesOf((s) => s.shapes.State!.type === 'string' && (s.shapes.State = { type: 'string', enum: ['ON', 'OFF', 'DIM'] }))).toEqual([
      ['input-enum-value-added', 'State', false],
      ['output-enum-value-added', 'State', false],
    ]);
    expect(changesOf((s) => (s.shapes.Mode = { type: 'string', enum: ['FAST'] }))).toEqual([['input-enum-value-removed', 'Mode', true]]);
  });

  test("an enum's values are its constant's keys: losing one breaks in either role; a member pointing at another enum changes no constant", () => {
    // State is used both ways (Shared): the input side narrows, the output side's constant loses a key.
    expect(changesOf((s) => (s.shapes.State = { type: 'string', enum: ['ON'] }))).toEqual([
      ['input-enum-value-removed', 'State', true],
      ['output-enum-value-removed', 'State', true],
    ]);
    expect(changesOf((s) => (s.shapes.State = { type: 'string' }))).toEqual([['enum-constraint-removed', 'State', true]]);
    // PutResponse.id (output only) pointing at enum Two (ON, OFF), then at One (ON), or at any string:
    // Two's and One's constants are what they were, so only the role decides.
    const pointing = (target: string) => (s: Service) => {
      s.shapes.Two = { type: 'string', enum: ['ON', 'OFF'] };
      s.shapes.One = { type: 'string', enum: ['ON'] };
      members(s, 'PutResponse').id = { target, required: true };
    };
    expect(changesBetween(pointing('Two'), pointing('One'))).toEqual([['output-member-enum-narrowed', 'PutResponse.id', false]]);
    expect(changesBetween(pointing('Two'), pointing('String'))).toEqual([['member-enum-constraint-removed', 'PutResponse.id', false]]);
  });

  test('an output member that becomes optional breaks; an optional input member added does not', () => {
    expect(changesOf((s) => (members(s, 'PutResponse').id = { target: 'String' }))).toEqual([['output-member-made-optional', 'PutResponse.id', true]]);
    expect(changesOf((s) => (members(s, 'PutRequest').extra = { target: 'String' }))).toEqual([['input-optional-member-added', 'PutRequest.extra', false]]);
  });

  test('a plain input string that becomes an enum narrows (breaks); a type change breaks', () => {
    expect(
      changesOf((s) => {
        s.shapes.Note = { type: 'string', enum: ['A'] };
        members(s, 'PutRequest').note = { target: 'Note' };
      }),
    ).toEqual([['input-enum-constraint-added', 'PutRequest.note', true]]);
    expect(changesOf((s) => (members(s, 'PutRequest').note = { target: 'Integer' }))).toEqual([['member-type-changed', 'PutRequest.note', true]]);
  });
});

describe('operations and services', () => {
  test('operation-level rules: error lists, deprecation, paginators, bindings', () => {
    expect(
      changesOf((s) => {
        const op = s.operations[0]!;
        op.errors = ['Other'];
        op.deprecated = true;
        op.paginator = { inputToken: 'note', outputToken: 'id' };
        op.http = { method: 'POST', uri: '/put' };
      }),
    ).toEqual([
      ['error-added', 'operation Put', false],
      ['error-removed', 'operation Put', false],
      ['http-binding-changed', 'operation Put', false],
      ['operation-deprecated', 'operation Put', false],
      ['paginator-added', 'operation Put', false],
    ]);
  });

  test('a paginator documented elsewhere (another file or line) is the same paginator', () => {
    const paged = (file: string) => (s: Service) => (s.operations[0]!.paginator = { inputToken: 'note', outputToken: 'id', source: { file, line: 1 } });
    expect(changesBetween(paged('old/dynamodb.rst'), paged('new/dynamodb.rst'))).toEqual([]);
    expect(changesBetween(paged('a.rst'), (s) => (s.operations[0]!.paginator = { inputToken: 'note', outputToken: 'x' }))).toEqual([['paginator-changed', 'operation Put', true]]);
  });

  test('a removed operation and a removed service break', () => {
    expect(changesOf((s) => (s.operations = []))).toEqual([['operation-removed', 'operation Put', true]]);
    const [d] = diffIR({ irVersion: 1, services: [base()] }, { irVersion: 1, services: [] });
    expect(d!.changes.map((c) => [c.rule, c.breaking])).toEqual([['service-removed', true]]);
  });

  test('every breaking rule is a major step; bumps take the largest counted step', () => {
    for (const [name, r] of Object.entries(RULES)) if (r.breaking) expect(r.bump, name).toBe('major');
    const c = (rule: keyof typeof RULES, informational = false) => ({ rule, breaking: RULES[rule].breaking, bump: RULES[rule].bump, path: '', detail: '', informational });
    expect(bumpOf([c('documentation-changed'), c('operation-added')])).toBe('minor');
    expect(bumpOf([c('documentation-changed'), c('api-symbol-removed', true)])).toBe('patch');
    expect(bumpOf([])).toBeUndefined();
  });
});
