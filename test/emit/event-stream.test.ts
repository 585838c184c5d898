/**
 * An event-stream member is typed with its events: `AsyncIterable<EventStream>` of the tagged union
 * of the events the page documents, and its output validator accepts an async iterable (the events
 * arrive later, one by one) and rejects anything else.
 */
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadIR } from '../../generator/pipeline/load-ir.ts';
import { bundlePackage, problemsOf, renderOrThrow, tempDir, writePackage } from './helpers.ts';

describe('event streams in the emitted code', async () => {
  const { ir } = loadIR(['test/fixtures/boto3-143-pages/kinesis/client/subscribe_to_shard.rst']);
  const [pkg] = await renderOrThrow(ir);
  const file = (p: string) => pkg!.files.find((f) => f.path === p)!.content;

  test('the member is an async iterable of the events’ union, each event a variant', () => {
    const types = file('src/types.ts');
    expect(types).toContain('  EventStream?: AsyncIterable<EventStream>;');
    expect(types).toMatch(/export type EventStream =\n  \| \{\n(?: {7}\*.*\n| {6}\/\*\*\n)*      SubscribeToShardEvent: SubscribeToShardEvent;\n      ResourceNotFoundException\?: never;/);
    // An output union: events this client does not know arrive as the unknown member.
    expect(types).toContain('SDK_UNKNOWN_MEMBER');
    expect(types).toContain('isEventStreamKMSThrottlingException');
  });

  test('the output validator takes an async iterable and nothing else', async () => {
    const dir = tempDir('docsdk-es-');
    const bundle = await bundlePackage(writePackage(dir, pkg!), dir);
    const mod = (await import(pathToFileURL(bundle).href)) as Record<string, (v: unknown) => void>;
    const validate = mod['validateSubscribeToShardOutput']!;
    async function* events() {
      yield { SubscribeToShardEvent: { Records: [], ContinuationSequenceNumber: '1', MillisBehindLatest: 0 } };
    }
    expect(problemsOf(() => validate({ EventStream: events() }))).toEqual([]);
    expect(problemsOf(() => validate({ EventStream: { SubscribeToShardEvent: {} } }))).toEqual([{ path: 'EventStream', message: 'expected an async iterable of events' }]);
  });
});
