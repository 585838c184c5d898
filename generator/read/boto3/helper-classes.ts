/**
 * What boto3 documents beside a client's operations, read from the parts of the page that show it:
 * a Paginator class's `paginate()` (which operation, and its parameters and response — the IR finds
 * the tokens by comparing them with the operation's), a Waiter class's `wait()` (which operation is
 * polled, every how many seconds, how many times) and a client exception class (its documentation
 * and the members of its error response). Shared by the renderings: each finds the parts, these
 * functions turn them into the readers' contract.
 */
import type { DiagnosticSink } from '../../diagnostics.ts';
import type { ReadException, ReadOperation, ReadPage, ReadPaginator, ReadWaiter, StructureNode } from '../../ir/input.ts';
import { assembleOperation } from './assemble.ts';
import type { Boto3OperationParts } from './parts.ts';

/** The kinds of helper class boto3 documents beside the client. */
export type HelperClassKind = 'paginator' | 'waiter' | 'exception';

/**
 * The helper class a documented target belongs to: `DynamoDB.Paginator.ListTables(.paginate)`,
 * `DynamoDB.Waiter.TableExists(.wait)`, `DynamoDB.Client.exceptions.TransactionCanceledException`.
 */
export function helperClassOf(target: string): { kind: HelperClassKind; name: string } | undefined {
  const m = /^[A-Za-z0-9]+\.(?:(Paginator|Waiter)\.([A-Za-z0-9_]+)(?:\.(paginate|wait))?|Client\.exceptions\.([A-Za-z0-9_]+))$/.exec(target);
  if (!m) return undefined;
  if (m[4] !== undefined) return { kind: 'exception', name: m[4] };
  const kind = m[1] === 'Paginator' ? 'paginator' : 'waiter';
  // A paginator's method is paginate(), a waiter's wait(): any other is not theirs.
  if (m[3] !== undefined && m[3] !== (kind === 'paginator' ? 'paginate' : 'wait')) return undefined;
  return { kind, name: m[2]! };
}

/**
 * Reads a paginator's `paginate()` or a waiter's `wait()` and adds it to the page (every rendering's
 * reader calls this once it has the method's description and sections).
 */
export function addHelperMethod(
  page: Pick<ReadPage, 'paginators' | 'waiters'>,
  kind: 'paginator' | 'waiter',
  name: string,
  raw: string,
  parts: Boto3OperationParts,
  sink: DiagnosticSink,
): void {
  if (kind === 'paginator') {
    const paginator = readPaginator(name, raw, parts, sink);
    if (paginator) (page.paginators ??= []).push(paginator);
  } else {
    const waiter = readWaiter(name, raw, parts, sink);
    if (waiter) (page.waiters ??= []).push(waiter);
  }
}

/** The method a helper's description names: ``:py:meth:`DynamoDB.Client.list_tables` `` → `list_tables`. */
export function clientMethodNamed(text: string): string | undefined {
  return /:py:meth:`~?[A-Za-z0-9]+\.Client\.([a-z0-9_]+)`/.exec(text)?.[1] ?? /\b[A-Za-z0-9]+\.Client\.([a-z0-9_]+)\b/.exec(text)?.[1];
}

/**
 * The paginator a `paginate()` method documents. `raw` is the method's description as written (the
 * `:py:meth:` role names the operation); `parts` are its sections, read as a client method's.
 */
export function readPaginator(name: string, raw: string, parts: Boto3OperationParts, sink: DiagnosticSink): ReadPaginator | undefined {
  const method = clientMethodNamed(raw);
  if (!method) {
    sink.warning(parts.line, `paginator ${name}: its description names no client method (expected "paginate through responses from :py:meth:\`X.Client.method\`"); not read`);
    return undefined;
  }
  const read: ReadOperation = assembleOperation(parts, sink);
  const config = read.input.members.find((m) => m.name === 'PaginationConfig');
  const input: StructureNode = { kind: 'structure', members: read.input.members.filter((m) => m !== config) };
  const paginator: ReadPaginator = {
    name,
    method,
    input,
    config: config && config.type.kind === 'structure' ? config.type.members.map((m) => m.name) : [],
    source: read.source,
  };
  if (read.output) paginator.output = read.output;
  if (read.incomplete) paginator.incomplete = read.incomplete;
  if (!config) sink.warning(parts.line, `paginator ${name}: paginate() shows no PaginationConfig parameter`);
  return paginator;
}

/** boto3's waiter description: `Polls :py:meth:`X.Client.m` every 20 seconds … after 25 failed checks.` */
const POLLS = /every\s+(\d+)\s+seconds\s+until\s+a\s+successful\s+state\s+is\s+reached\.\s+An\s+error\s+is\s+(?:raised|returned)\s+after\s+(\d+)\s+failed\s+checks/;

/**
 * The waiter a `wait()` method documents: the method polled and the delay and attempts its
 * description gives, else the defaults its `WaiterConfig` entries state (`Default: 20`).
 */
export function readWaiter(name: string, raw: string, parts: Boto3OperationParts, sink: DiagnosticSink): ReadWaiter | undefined {
  const method = clientMethodNamed(raw);
  if (!method) {
    sink.warning(parts.line, `waiter ${name}: its description names no client method (expected "Polls :py:meth:\`X.Client.method\`"); not read`);
    return undefined;
  }
  const waiter: ReadWaiter = { name, method, source: { file: sink.file, line: parts.line } };
  const polls = POLLS.exec(raw.replace(/\s+/g, ' '));
  const config = parts.params.find((p) => p.name === 'WaiterConfig');
  const stated = (member: string) => {
    const doc = config?.children.find((c) => c.name === member)?.documentation ?? '';
    const m = /Default:\s*(\d+)/.exec(doc);
    return m ? Number(m[1]) : undefined;
  };
  const delay = polls ? Number(polls[1]) : stated('Delay');
  const maxAttempts = polls ? Number(polls[2]) : stated('MaxAttempts');
  if (delay !== undefined) waiter.delay = delay;
  if (maxAttempts !== undefined) waiter.maxAttempts = maxAttempts;
  if (delay === undefined || maxAttempts === undefined) {
    sink.warning(parts.line, `waiter ${name}: the page shows no ${delay === undefined ? 'delay' : 'number of attempts'} (neither in the description nor as a WaiterConfig default)`);
  }
  return waiter;
}

/**
 * The error class an exception section documents: its description, and the members of its error
 * response (`response`'s Syntax and Structure, read as an operation's response). boto3 adds the
 * generic `Error` member (`Code`, `Message`) to every one; it is the runtime's, not the class's.
 */
export function readException(name: string, parts: Boto3OperationParts, sink: DiagnosticSink): ReadException {
  const exception: ReadException = { name, documentation: parts.documentation, source: { file: sink.file, line: parts.line } };
  if (parts.responseSyntax || parts.response) {
    const output = assembleOperation(parts, sink).output;
    if (output) exception.members = { kind: 'structure', members: output.members.filter((m) => m.name !== 'Error') };
  }
  return exception;
}
