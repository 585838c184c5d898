/**
 * What the docs document beside the operations, built into the service: waiters (the operation
 * polled, by its wire name; the delay and attempts) and error classes (their documentation and the
 * shape of their members). Readings of one waiter or error class on several pages (a whole-service
 * file and its per-page copy) give the first page's, in file order.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { ReadPage } from './input.ts';
import type { ErrorClass, Operation, Waiter, Warning } from './model.ts';
import type { ShapeNamer } from './shapes.ts';

/** The first item per key, in the given order (pages are sorted by file). */
export function firstByName<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const item of items) if (!out.has(key(item))) out.set(key(item), item);
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The service's waiters, sorted by name. A waiter polling a method the service does not document,
 * or whose page shows no delay or attempts, is left out with a warning (nothing is defaulted).
 */
export function documentedWaiters(pages: readonly ReadPage[], operations: readonly Operation[], warnings: Warning[], diagnostics: Diagnostic[]): Waiter[] {
  const byMethod = new Map(operations.map((op) => [op.method, op]));
  const waiters: Waiter[] = [];
  for (const read of firstByName(pages.flatMap((p) => p.waiters ?? []), (w) => w.name).values()) {
    const op = byMethod.get(read.method);
    const problem = !op ? `polls ${read.method}, which no page of the service documents` : read.delay === undefined || read.maxAttempts === undefined ? 'its page shows no delay or number of attempts' : undefined;
    if (problem || !op) {
      const message = `waiter ${read.name}: ${problem}; left out`;
      warnings.push({ message, sources: [read.source] });
      diagnostics.push({ file: read.source.file, line: read.source.line, column: 1, severity: 'warning', message });
      continue;
    }
    waiters.push({ name: read.name, operation: op.name, delay: read.delay!, maxAttempts: read.maxAttempts!, source: read.source });
  }
  return waiters.sort((a, b) => compare(a.name, b.name));
}

/** The service's documented error classes, sorted by name; their members' shapes named by `namer` (`<Name>Body`). */
export function documentedExceptions(pages: readonly ReadPage[], namer: ShapeNamer): ErrorClass[] {
  const read = [...firstByName(pages.flatMap((p) => p.exceptions ?? []), (e) => e.name).values()].sort((a, b) => compare(a.name, b.name));
  return read.map((e) => {
    const error: ErrorClass = { name: e.name, source: e.source };
    if (e.documentation) error.documentation = e.documentation;
    if (e.members && e.members.members.length > 0) error.shape = namer.nameRoot(e.members, `${e.name}Body`);
    return error;
  });
}
