/**
 * The reading stage: documents read on the pool, small ones many to a task, give the readings (JSON
 * text and summary) that reading each on this thread gives, whatever the format; a page the reader
 * fails on fails the stage, named.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planRun } from '../../generator/pipeline/plan.ts';
import { BATCH_PAGES, readDocuments, readToJson, type Reading } from '../../generator/pipeline/read.ts';
import { ReadPool } from '../../generator/read/pool.ts';
import { tempDir } from '../emit/helpers.ts';

const pool = new ReadPool(2);
afterAll(() => pool.close());

async function readAll(paths: string[], withPool: boolean, lanes = 4): Promise<Map<string, Reading>> {
  const out = new Map<string, Reading>();
  await readDocuments(planRun(paths).documents, () => (withPool ? pool : undefined), lanes, (doc, reading) => {
    expect(out.has(doc.file)).toBe(false);
    out.set(doc.file, reading);
  });
  return out;
}

describe('readDocuments', () => {
  it('on the pool in batches, every document (RST, Markdown, text) reads as on this thread', async () => {
    const paths = ['specs', 'test/fixtures/boto3-143-pages', 'test/fixtures/boto3-143/rst'];
    const here = await readAll(paths, false);
    const pooled = await readAll(paths, true);
    expect(here.size).toBeGreaterThan(20);
    expect(new Map([...pooled].sort())).toEqual(new Map([...here].sort()));
    // And as the single-document path reads each.
    for (const doc of planRun(['specs']).documents) expect(pooled.get(doc.file)).toEqual(await readToJson(doc, undefined));
  });

  it(`more pages than a batch holds (${BATCH_PAGES}) are all read, each once`, async () => {
    const dir = path.join(tempDir('docsdk-read-'), 'aws', 'odb');
    mkdirSync(dir, { recursive: true });
    const page = (i: number) => `.. py:method:: Odb.Client.op_${i}()\n\n  A helper.\n`;
    for (let i = 0; i < BATCH_PAGES * 2 + 3; i++) writeFileSync(path.join(dir, `op_${i}.rst`), page(i));
    const pooled = await readAll([dir], true, 1);
    expect(pooled.size).toBe(BATCH_PAGES * 2 + 3);
    for (const [file, r] of pooled) {
      // Each file's own reading (a helper method, skipped), not another page's of its batch.
      expect(r.summary).toEqual({ operations: 0, skipped: { other: 1 }, diagnostics: [] });
      const name = path.basename(file, '.rst');
      expect((JSON.parse(r.json) as { skipped: { name: string }[] }).skipped.map((s) => s.name)).toEqual([`Odb.Client.${name}`]);
    }
  });
});
