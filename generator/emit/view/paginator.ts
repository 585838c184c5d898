/**
 * View model of a paginator: client methods returning async iterators over the pages of an operation
 * (the runtime's `paginate` feeds each page's token(s) forward) and, where the pages have an items
 * list, over the items of every page (`paginateItems`).
 *
 * @packageDocumentation
 */
import type { Operation, Paginator, Service } from '../../ir/model.ts';
import type { ServiceNames } from '../names.ts';
import { typeRefOf, type TypeRef } from '../type-ref.ts';
import { docOf, type DocView } from './doc.ts';
import type { OperationView } from './operation.ts';

/** The item-iterating method of a paginator. */
export interface PaginatorItemsView {
  method: string;
  /** The items member (a path when inside a member: `DistributionList.Items`). */
  path: string;
  /** The type of one item. */
  type: TypeRef;
  doc: DocView;
}

/** One paginator method. */
export interface PaginatorView {
  method: string;
  /** The method it pages through. */
  operation: OperationView;
  inputToken: string;
  outputToken: string;
  doc: DocView;
  items?: PaginatorItemsView;
}

const code = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');

/** The shape id of the list at `path` of the output of `op`, when the path leads to one. */
function listAt(service: Service, op: Operation, path: string): string | undefined {
  let id = op.output;
  for (const key of path.split('.')) {
    const shape = service.shapes[id];
    if (!shape || (shape.type !== 'structure' && shape.type !== 'union')) return undefined;
    const member = shape.members[key];
    if (!member) return undefined;
    id = member.target;
  }
  const list = service.shapes[id];
  return list?.type === 'list' ? list.member : undefined;
}

/** What the doc says the tokens are. */
function tokensText(p: Paginator): string {
  const outputs = p.outputTokens ?? [p.outputToken];
  const inputs = p.inputTokens ?? [p.inputToken];
  return `each page's ${code(outputs)} ${outputs.length > 1 ? 'are' : 'is'} sent as the next request's ${code(inputs)}`;
}

/** The view of `op`'s paginator, or undefined when it has none. */
export function paginatorView(service: Service, op: Operation, names: ServiceNames, operation: OperationView): PaginatorView | undefined {
  const p = op.paginator;
  const method = names.paginators.get(op.name);
  if (!p || !method) return undefined;
  const doc = docOf(
    undefined,
    `Iterates over every page of ${op.name}: ${tokensText(p)}, until the service sends none${p.source ? ' (as its documented paginator pages)' : ''}. ` +
      'A page that returns the token it was sent throws `RepeatedTokenError`.',
  );
  const view: PaginatorView = { method, operation, inputToken: p.inputToken, outputToken: p.outputToken, doc };
  const itemsMethod = names.paginatorItems.get(op.name);
  const element = p.items !== undefined ? listAt(service, op, p.items) : undefined;
  if (itemsMethod && element && p.items !== undefined) {
    view.items = {
      method: itemsMethod,
      path: p.items,
      type: typeRefOf(service, names, element, true),
      doc: docOf(undefined, `Iterates over the \`${p.items}\` of every page of ${op.name} (${tokensText(p)}).`),
    };
  }
  return view;
}
