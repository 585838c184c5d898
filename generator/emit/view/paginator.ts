/**
 * View model of a paginator: a client method returning an async iterator over the pages of an
 * operation whose docs show a token pair (the runtime's `paginate` feeds each page's token forward).
 *
 * @packageDocumentation
 */
import type { Operation } from '../../ir/model.ts';
import type { ServiceNames } from '../names.ts';
import { docOf, type DocView } from './doc.ts';
import type { OperationView } from './operation.ts';

/** One paginator method. */
export interface PaginatorView {
  method: string;
  /** The method it pages through. */
  operation: OperationView;
  inputToken: string;
  outputToken: string;
  doc: DocView;
}

/** The view of `op`'s paginator, or undefined when it has none. */
export function paginatorView(op: Operation, names: ServiceNames, operation: OperationView): PaginatorView | undefined {
  const p = op.paginator;
  const method = names.paginators.get(op.name);
  if (!p || !method) return undefined;
  const doc = docOf(
    undefined,
    `Iterates over every page of ${op.name}: each page's \`${p.outputToken}\` is sent as the next request's ` +
      `\`${p.inputToken}\`, until the service sends none.`,
  );
  return { method, operation, inputToken: p.inputToken, outputToken: p.outputToken, doc };
}
