/**
 * Hostile docs (issue 8), the slow half (full tier, see vitest.config.ts): the package of the
 * hostile-docs fixture type-checks under strict, and its bundled module imports without side effects
 * with validators that keep exact wire names. The text-level checks are in hostile.test.ts.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { typeCheckPackage } from '../../generator/emit/check-types.ts';
import { validateIR } from '../../generator/ir/validate.ts';
import { hostileIR } from './fixtures/hostile-ir.ts';
import { bundlePackage, problemsOf, renderOrThrow, tempDir, writePackage, type GeneratedPackage } from './helpers.ts';

let pkg: GeneratedPackage;

beforeAll(async () => {
  expect(validateIR(hostileIR)).toEqual([]);
  [pkg] = (await renderOrThrow(hostileIR)) as [GeneratedPackage];
});

describe('hostile-docs fixture', () => {
  test('the package type-checks under strict', () => {
    expect(typeCheckPackage(pkg.folder, pkg.files)).toEqual([]);
  });

  test('the emitted module imports without side effects, and its validators keep exact wire names', async () => {
    const dir = tempDir();
    const pkgDir = writePackage(dir, pkg);
    const out = path.join(dir, 'bundle');
    mkdirSync(out);
    const before = new Set(Object.getOwnPropertyNames(globalThis));
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const mod = await import(await bundlePackage(pkgDir, out));
    expect(Object.getOwnPropertyNames(globalThis).filter((n) => !before.has(n))).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);

    expect(Object.isFrozen(mod.Kind)).toBe(true);
    expect(Object.hasOwn(mod.Kind, '__proto__')).toBe(true);
    expect(mod.Kind["it's"]).toBe("it's");

    const input = JSON.parse(
      '{"default":"x","__proto__":5,"constructor":7,"a-b":1,"1st":"ok","items":[{"Key":"k"},{"prototype":2}],"choice":{"delete":"d","A-B":1}}',
    );
    expect(problemsOf(() => mod.validateDeleteInput(input))).toEqual([
      { path: '__proto__', message: 'expected string' },
      { path: 'constructor', message: 'expected string' },
      { path: '["a-b"]', message: 'expected string' },
      { path: 'items[1].Key', message: 'required' },
      { path: 'items[1].prototype', message: 'expected string' },
      { path: 'choice', message: 'exactly one of delete, __proto__, A-B must be set, found 2' },
    ]);
    // An inherited `constructor` or `toString` is not a member that is set.
    expect(() => mod.validateDeleteInput({ default: 'x' })).not.toThrow();
    const visited = mod.visitChoice(JSON.parse('{"__proto__":{"Key":"k"}}'), {
      delete: () => 'delete',
      ['__proto__']: (v: { Key: string }) => `proto ${v.Key}`,
      'A-B': () => 'ab',
      SDK_UNKNOWN_MEMBER: (n: string) => `unknown ${n}`,
    });
    expect(visited).toBe('proto k');
  });
});
