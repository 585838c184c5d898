/**
 * Mutated pages all the way to code (issues 6 and 8): every page the readers turn into a valid IR is
 * emitted; emitting never throws, every TypeScript file parses, and Prettier changes nothing in the
 * files of every fourth one (generate runs no formatter). Reproducible: fixed fast-check seed.
 */
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { emitService } from '../../generator/emit/emit-service.ts';
import { prettierDifference } from '../../generator/emit/format.ts';
import { handlebarsRenderer } from '../../generator/emit/render.ts';
import { buildIR } from '../../generator/ir/build.ts';
import { validateIR } from '../../generator/ir/validate.ts';
import { readDocument } from '../../generator/read/registry.ts';
import { applyInput, fuzzInputArbitrary, seedText } from './mutations.ts';
import { loadSeeds } from './seeds.ts';

const INPUTS = 150;

describe('mutated pages, emitted', () => {
  test(`${INPUTS} inputs: no emitter exception, every file parses, sampled files Prettier-formatted`, async () => {
    const seeds = loadSeeds();
    const texts = seeds.map((s) => seedText(s.bytes));
    const renderer = handlebarsRenderer();
    const inputs = fc.sample(
      fuzzInputArbitrary(seeds.length).filter((i) => !i.huge),
      { numRuns: INPUTS, seed: 6 },
    );
    const problems: string[] = [];
    let emitted = 0;
    let checked = 0;
    for (const [k, input] of inputs.entries()) {
      const seed = seeds[input.seed]!;
      const page = readDocument(applyInput(input, texts), seed.file, seed.context);
      if (page.operations.length === 0) continue;
      const ir = buildIR([{ ...seed.input, pages: [page] }], [...page.diagnostics]);
      if (validateIR(ir).length > 0) continue;
      for (const service of ir.services) {
        const { files } = emitService(service, renderer, { generator: '0.0.0', runtime: '0.0.0', typescript: '5.9.3' });
        emitted++;
        for (const f of files.filter((x) => x.path.endsWith('.ts'))) {
          const sf = ts.createSourceFile(f.path, f.content, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
          const parse = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
          if (parse.length > 0) problems.push(`input ${k} (${seed.file}) ${f.path}: ${ts.flattenDiagnosticMessageText(parse[0]!.messageText, ' ')}`);
        }
        if (k % 4 !== 0) continue;
        for (const f of files) {
          const d = await prettierDifference(f.path, f.content);
          checked++;
          if (d) problems.push(`input ${k} (${seed.file}) ${f.path}:${d.line}: have ${JSON.stringify(d.have)}, Prettier ${JSON.stringify(d.want)}`);
        }
      }
    }
    // The mutations leave most pages readable: the property is tested on many packages, not on none.
    expect(emitted).toBeGreaterThan(INPUTS / 2);
    expect(checked).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  }, 180_000);
});
