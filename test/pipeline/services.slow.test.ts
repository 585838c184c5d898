/**
 * A folder of pages from several services read on the thread pool (full tier, see vitest.config.ts):
 * the same IR and diagnostics as in-process. The in-process tests are in services.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { GENERATOR_VERSION } from '../../generator/cli.ts';
import { loadIR, runToIR } from '../../generator/pipeline/load-ir.ts';
import { mixedFolder } from './mixed-folder.ts';

describe('a folder of pages from several services', () => {
  it('reads the same through the pipeline, on the thread pool', async () => {
    const dir = mixedFolder();
    const { ir, diagnostics, result } = await runToIR([dir], { generatorVersion: GENERATOR_VERSION, threads: 2, poolMinBytes: 0 });
    expect(result.committed).toBe(true);
    expect({ ir, diagnostics }).toEqual(loadIR([dir]));
  });
});
