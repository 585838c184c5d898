/**
 * The layers hold: dependency-cruiser with the project's rules (`.dependency-cruiser.cjs`, also
 * `npm run lint:deps`) finds no violation in generator/ and runtime/src/, and does find one in a
 * small tree built to break each kind of rule (so this test can fail).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { describe, expect, test } from 'vitest';
import { tempDir } from './emit/helpers.ts';

const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs') as IConfiguration;

async function violations(paths: string[], baseDir: string): Promise<string[]> {
  const { output } = await cruise(paths, { ...config.options, ruleSet: { forbidden: config.forbidden }, baseDir, tsConfig: undefined, validate: true });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('layers', () => {
  test('generator/ and runtime/src/ break no rule: ir/ and emit/ import no reader, no cycles', async () => {
    expect(await violations(['generator', 'runtime/src'], process.cwd())).toEqual([]);
  });

  test('a reader imported by ir/, a cycle, and the runtime importing the generator are each caught', async () => {
    const root = tempDir('docsdk-layers-');
    const file = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    };
    file('generator/read/reader.ts', "export const reader = 1;\n");
    file('generator/ir/build.ts', "import { reader } from '../read/reader.ts';\nexport const built = reader;\n");
    file('generator/pipeline/a.ts', "import { b } from './b.ts';\nexport const a = () => b;\n");
    file('generator/pipeline/b.ts', "import { a } from './a.ts';\nexport const b = () => a;\n");
    file('runtime/src/client.ts', "import { built } from '../../generator/ir/build.ts';\nexport const c = built;\n");
    expect(await violations(['generator', 'runtime/src'], root)).toEqual([
      'ir-knows-no-reader: generator/ir/build.ts → generator/read/reader.ts',
      'no-folder-cycles: generator/pipeline/a.ts → generator/pipeline/b.ts',
      'runtime-stands-alone: runtime/src/client.ts → generator/ir/build.ts',
    ]);
  });
});
