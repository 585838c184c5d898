/**
 * A folder of pages from several services read on the thread pool (full tier, see vitest.config.ts):
 * the same IR and diagnostics as in-process. The in-process tests are in services.test.ts.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATOR_VERSION } from '../../generator/cli.ts';
import { loadIR, runToIR } from '../../generator/pipeline/load-ir.ts';
import { tempDir } from '../emit/helpers.ts';

const ODB = 'specs/aws/odb/get_odb_peering_connection.rst';
const PARTNER = 'specs/aws/partnercentral-account/get_connection.rst';

/** A folder holding the two seed RST pages of different services, without settings. */
function mixedFolder(): string {
  const dir = path.join(tempDir('docsdk-split-'), 'pages');
  mkdirSync(dir);
  copyFileSync(ODB, path.join(dir, 'odb.rst'));
  copyFileSync(PARTNER, path.join(dir, 'partner.rst'));
  return dir;
}

describe('a folder of pages from several services', () => {
  it('reads the same through the pipeline, on the thread pool', async () => {
    const dir = mixedFolder();
    const { ir, diagnostics, result } = await runToIR([dir], { generatorVersion: GENERATOR_VERSION, threads: 2, poolMinBytes: 0 });
    expect(result.committed).toBe(true);
    expect({ ir, diagnostics }).toEqual(loadIR([dir]));
  });
});
