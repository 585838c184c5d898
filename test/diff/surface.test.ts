/**
 * The API-surface walk on hand-made surfaces: which exported-name changes break callers.
 */
import { describe, expect, test } from 'vitest';
import type { ApiSymbol } from '../../generator/emit/api-symbol.ts';
import { diffSurface, sameType, unionParts } from '../../generator/diff/walk-surface.ts';

const before: ApiSymbol[] = [
  { name: 'Client', kind: 'Class', type: 'Client', members: [{ name: 'get', type: '() => Promise<Out>' }] },
  { name: 'In', kind: 'Interface', type: 'In', members: [{ name: 'id', type: 'string' }] },
  { name: 'Mode', kind: 'TypeAlias', type: 'Mode' },
  { name: 'Old', kind: 'Function', type: '() => void' },
  { name: 'Kind', kind: 'TypeAlias', type: '"A" | "B"' },
];

const rows = (after: ApiSymbol[]) => diffSurface(before, after).map((c) => [c.rule, c.path, c.breaking]);

describe('diffSurface', () => {
  test('what breaks: a removed name, a new required interface member, a changed member or type text', () => {
    expect(
      rows([
        { name: 'Client', kind: 'Class', type: 'Client', members: [{ name: 'get', type: '() => Promise<Out>' }, { name: 'put', type: '() => Promise<void>' }] },
        { name: 'In', kind: 'Interface', type: 'In', members: [{ name: 'id', type: 'number' }, { name: 'tag', type: 'string' }, { name: 'note', type: 'string', optional: true }] },
        { name: 'Mode', kind: 'TypeAlias', type: '"FAST" | "SLOW"' },
        { name: 'Kind', kind: 'TypeAlias', type: '"A"' },
        { name: 'New', kind: 'Function', type: '() => void' },
      ]),
    ).toEqual([
      ['api-symbol-removed', 'Old (Function)', true],
      // Callers call classes, so a new method is compatible; they build interfaces.
      ['api-member-added', 'Client (Class).put', false],
      ['api-member-changed', 'In (Interface).id', true],
      ['api-member-added-required', 'In (Interface).tag', true],
      ['api-member-added', 'In (Interface).note', false],
      // `Mode` was snapshotted unexpanded: nothing to compare. `Kind` lost a value.
      ['api-symbol-changed', 'Kind (TypeAlias)', true],
      ['api-symbol-added', 'New (Function)', false],
    ]);
  });

  test('the same surface: no change', () => {
    expect(diffSurface(before, structuredClone(before))).toEqual([]);
  });
});

describe('type texts', () => {
  test('a union is the same in any order (the checker prints parts in creation order); other changes are not', () => {
    expect(sameType('ConnectionState | (string & {}) | undefined', '(string & {}) | ConnectionState | undefined')).toBe(true);
    expect(sameType('"ordering" | "requested" | "pending"', '"pending" | "ordering" | "requested"')).toBe(true);
    expect(sameType('"a" | "b"', '"a"')).toBe(false);
    expect(sameType('Tag[]', 'Tag[] | undefined')).toBe(false);
    // A function's result union is not the top level: `(x) => A | B` is one part.
    expect(unionParts('(value: U) => value is Extract<U, { A: unknown }> | B')).toEqual(['(value: U) => value is Extract<U, { A: unknown }> | B']);
    expect(unionParts('{ a: "x|y" } | Record<string, A | B> | (C | D)')).toEqual(['{ a: "x|y" }', 'Record<string, A | B>', '(C | D)']);
  });

  test('a member whose union only changed order is no change', () => {
    const a: ApiSymbol[] = [{ name: 'Connection', kind: 'Interface', type: 'Connection', members: [{ name: 'state', type: 'State | (string & {}) | undefined', optional: true }] }];
    const b: ApiSymbol[] = [{ name: 'Connection', kind: 'Interface', type: 'Connection', members: [{ name: 'state', type: '(string & {}) | State | undefined', optional: true }] }];
    expect(diffSurface(a, b)).toEqual([]);
  });
});
