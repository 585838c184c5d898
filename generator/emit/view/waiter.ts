/**
 * View model of a waiter: a client method polling the documented operation every documented delay, at
 * most the documented number of times, until the caller's condition (`until`) ends the wait — the docs
 * do not show the conditions (boto3's acceptors), so the caller gives them.
 *
 * @packageDocumentation
 */
import type { Waiter } from '../../ir/model.ts';
import type { ServiceNames } from '../names.ts';
import { docOf, type DocView } from './doc.ts';
import type { OperationView } from './operation.ts';

/** One waiter method. */
export interface WaiterView {
  method: string;
  /** The waiter's documented name (`TableExists`). */
  name: string;
  /** The method it polls. */
  operation: OperationView;
  delay: number;
  maxAttempts: number;
  doc: DocView;
}

/** The view of `waiter`, or undefined when its operation has no method. */
export function waiterView(waiter: Waiter, names: ServiceNames, operations: readonly OperationView[]): WaiterView | undefined {
  const method = names.waiters.get(waiter.name);
  const operation = operations.find((o) => o.wire === waiter.operation);
  if (!method || !operation) return undefined;
  const doc = docOf(
    undefined,
    `Waits for ${waiter.name}: calls ${waiter.operation} every ${waiter.delay} seconds, at most ${waiter.maxAttempts} times (as documented), ` +
      'until `until(output, error)` returns true. The docs do not say which outputs or errors end the wait: `until` decides ' +
      "(for a service error: true ends the wait, 'retry' polls again, false fails with it). " +
      'Throws `WaiterTimeoutError` when the attempts or `maxWaitSeconds` run out, `AbortError` when `signal` aborts.',
  );
  return { method, name: waiter.name, operation, delay: waiter.delay, maxAttempts: waiter.maxAttempts, doc };
}
