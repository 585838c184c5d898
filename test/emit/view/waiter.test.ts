/**
 * Waiter methods from documented waiters: `waitUntilX(input, { until, signal, maxWaitSeconds })` with
 * the documented operation, delay and attempts; `until` typed by the polled operation's output and
 * the service's typed errors. (The wait itself is tested on the fake clock: runtime/test/waiter.test.ts.)
 */
import { describe, expect, test } from 'vitest';
import { dynamodbPackage } from './helpers-fixture.ts';

describe('DynamoDB TableExists from its boto3 waiter page', () => {
  test('waitUntilTableExists polls describeTable every 20 s, 25 times, as the page says', () => {
    const { view, file } = dynamodbPackage();
    expect(view.waiters.map((w) => [w.method, w.operation.method, w.delay, w.maxAttempts])).toEqual([['waitUntilTableExists', 'describeTable', 20, 25]]);
    const client = file('src/client.ts');
    expect(client).toContain("const spec = { name: 'TableExists', delaySeconds: 20, maxAttempts: 25 };");
    expect(client).toContain('this.describeTable(input, signal ? { signal } : {})');
    expect(client).toMatch(/The docs do not say which outputs or errors end the wait/);
  });
});
