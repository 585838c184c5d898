/**
 * The reading pool's batches: many whole pages in one task read as each page alone would, and a page
 * the reader fails on is reported by its own name while the batch's other pages are still read.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerJobFailed } from '../../generator/worker-threads.ts';
import { readBoto3Rst } from '../../generator/read/boto3-rst.ts';
import { ReadPool, type BatchPage } from '../../generator/read/pool.ts';
import { summarize } from '../../generator/read/pool-worker.ts';

const files = [
  'specs/aws/odb/get_odb_peering_connection.rst',
  'test/fixtures/boto3-143-pages/glue/client/update_job.rst',
  'test/fixtures/boto3-143/rst/reference/services/kinesis/waiter/StreamExists.rst',
];
const pages: BatchPage[] = files.map((file) => ({ text: readFileSync(file, 'utf8'), file }));

const pool = new ReadPool(1);
afterAll(() => pool.close());

describe('ReadPool.readPages', () => {
  it('reads each page of a batch as it reads alone: the same JSON text as one chunk on the pool, and its summary', async () => {
    const readings = await pool.readPages(pages);
    expect(readings).toHaveLength(3);
    for (const [i, r] of readings.entries()) {
      if ('failed' in r) throw r.failed;
      const file = files[i]!;
      const alone = await pool.readChunkJson({ text: pages[i]!.text, firstLine: 1 }, file);
      // One chunk's reading is the page's but for what merging chunks adds (a page without any directive's error): none here.
      expect(r.json, file).toBe(alone);
      expect(JSON.parse(r.json), file).toEqual(readBoto3Rst(pages[i]!.text, file));
      expect(r.summary, file).toEqual(summarize(readBoto3Rst(pages[i]!.text, file)));
    }
    expect(readings.map((r) => ('summary' in r ? r.summary.operations : -1))).toEqual([1, 1, 0]);
  });

  it('a page the reader fails on is that page’s failure, named by its file; the pages around it are read', async () => {
    // Not text: the reader throws on it (a failure of the reader, not a diagnostic of the page).
    const broken = { text: 42 as unknown as string, file: 'pages/broken.rst' };
    const readings = await pool.readPages([pages[0]!, broken, pages[1]!]);
    expect('json' in readings[0]! && 'json' in readings[2]!).toBe(true);
    const failed = readings[1]!;
    if (!('failed' in failed)) throw new Error('the broken page was read');
    expect(failed.failed).toBeInstanceOf(WorkerJobFailed);
    expect(failed.failed.job).toBe('reader failed on pages/broken.rst');
    expect(failed.failed.message).toMatch(/^reader failed on pages\/broken\.rst: TypeError: /);
  });
});
