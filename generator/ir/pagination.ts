/**
 * How an operation pages, from what the docs show. Two sources, the first that applies:
 *
 * - A documented paginator (boto3's Paginator sections and pages): its `paginate()` is the operation
 *   with the paginator's own machinery swapped in. botocore's documenter hides the operation's input
 *   tokens and limit key (it adds `PaginationConfig{MaxItems, PageSize, StartingToken}` instead,
 *   `PageSize` only where there is a limit key) and its output tokens (it adds `NextToken`), so
 *   comparing the two shows them: {@link documentedPaginator}; the rule is written in docs/ir.md.
 * - Otherwise a guess: an AWS operation whose input and output both have a `NextToken` (any casing)
 *   pages through results; its page-size member is `MaxResults` (or `maxResults`, `Limit`,
 *   `MaxItems`) when the input has one, and its items the output's only list ({@link inferPaginator}).
 */
import type { ReadPaginator } from './input.ts';
import type { Operation, Paginator, Shape } from './model.ts';

const TOKENS = ['NextToken', 'nextToken'];
const LIMITS = ['MaxResults', 'maxResults', 'Limit', 'limit', 'MaxItems', 'maxItems'];

function membersOf(shapes: Record<string, Shape>, id: string): Record<string, { target: string }> {
  const s = shapes[id];
  return s && (s.type === 'structure' || s.type === 'union') ? s.members : {};
}

/** The paginator of `op` when its input and output show the token pair, else undefined. */
export function inferPaginator(op: Operation, shapes: Record<string, Shape>): Paginator | undefined {
  const input = membersOf(shapes, op.input);
  const output = membersOf(shapes, op.output);
  const token = TOKENS.find((t) => t in input && t in output);
  if (!token) return undefined;
  const paginator: Paginator = { inputToken: token, outputToken: token };
  const limit = LIMITS.find((l) => l in input);
  if (limit) paginator.limitKey = limit;
  const lists = Object.entries(output).filter(([, m]) => shapes[m.target]?.type === 'list');
  if (lists.length === 1) paginator.items = lists[0]![0];
  return paginator;
}

/** A page-size member's name: botocore's limit keys are MaxResults, Limit, MaxItems, PageSize, MaxRecords, maxResults, … */
const LIMIT_NAME = /limit|max|size|count|top/i;

/** What {@link documentedPaginator} gives: the paginator, or why the comparison shows none. */
export type DocumentedPaginator = { paginator: Paginator } | { problem: string };

/**
 * The paginator a documented `paginate()` shows for `op`, by comparing their members:
 *
 * 1. Input tokens and limit key: the operation's input members `paginate()` lacks. When its
 *    `PaginationConfig` shows `PageSize` one of them is the limit key: the one whose name says so
 *    (`Limit`, `MaxResults`, `MaxItems`, …), else the last; the others, in the operation's order, are the tokens.
 * 2. Output tokens: the operation's output members the pages lack, in order. `paginate()` always adds
 *    `NextToken`, so an operation whose own token is `NextToken` lacks nothing: then `NextToken` is it.
 *    An output token inside a member (CloudFront's `DistributionList.NextMarker`) is not hidden at
 *    all: then the output member (or member of the output's only structure) named `Next` + the input
 *    token is taken.
 * 3. Result keys (not shown by any rule of the documenter): the page's top-level lists, in order;
 *    else its maps; else the lists of its only structure member (`DistributionList.Items`).
 */
export function documentedPaginator(op: Operation, read: ReadPaginator, shapes: Record<string, Shape>): DocumentedPaginator {
  const opInput = membersOf(shapes, op.input);
  const opOutput = membersOf(shapes, op.output);
  const pageInput = new Set(read.input.members.map((m) => m.name));
  const pageOutput = new Set((read.output?.members ?? []).map((m) => m.name));
  // A member paginate() shows under another spelling (boto3 1.26's EC2 `Filter` documented as `Filters`) is not hidden.
  const added = [...pageInput].filter((name) => !(name in opInput)).map((name) => name.toLowerCase());
  const respelled = (name: string) => added.some((a) => a === name.toLowerCase() || a === `${name.toLowerCase()}s` || `${a}s` === name.toLowerCase());
  const dropped = Object.keys(opInput).filter((name) => !pageInput.has(name) && !respelled(name));
  let limitKey: string | undefined;
  if (read.config.includes('PageSize') && dropped.length > 1) {
    limitKey = dropped.find((name) => LIMIT_NAME.test(name)) ?? dropped[dropped.length - 1];
  }
  const inputTokens = dropped.filter((name) => name !== limitKey);
  if (inputTokens.length === 0) return { problem: `paginate() shows every input member of ${op.name}: no input token hidden` };
  let outputTokens = Object.keys(opOutput).filter((name) => !pageOutput.has(name));
  if (outputTokens.length === 0 && 'NextToken' in opOutput) outputTokens = ['NextToken'];
  if (outputTokens.length === 0) {
    const nested = nestedToken(inputTokens[0]!, opOutput, shapes);
    if (nested) outputTokens = [nested];
  }
  // A response the page hides ("too large to render") shows nothing hidden: a NextToken input pairs with a NextToken output.
  const hidden = read.incomplete?.some((g) => g.section.startsWith('Response')) ?? false;
  if (outputTokens.length === 0 && hidden && inputTokens.every((t) => TOKENS.includes(t))) outputTokens = [...inputTokens];
  if (outputTokens.length === 0) return { problem: `paginate() shows every output member of ${op.name}: no output token hidden` };
  const paginator: Paginator = { inputToken: inputTokens[0]!, outputToken: outputTokens[0]! };
  const resultKeys = resultKeysOf(opOutput, new Set(outputTokens), shapes);
  if (resultKeys.length > 0) paginator.items = resultKeys[0];
  if (limitKey !== undefined) paginator.limitKey = limitKey;
  if (inputTokens.length > 1) paginator.inputTokens = inputTokens;
  if (outputTokens.length > 1) paginator.outputTokens = outputTokens;
  if (resultKeys.length > 0) paginator.resultKeys = resultKeys;
  paginator.source = read.source;
  return { paginator };
}

/**
 * `Next` + the input token (`Marker` → `NextMarker`) at the output's top level, else that or the
 * input token's own name in the output's only structure member (RDS `EngineDefaults.Marker`).
 */
function nestedToken(inputToken: string, output: Record<string, { target: string }>, shapes: Record<string, Shape>): string | undefined {
  const wanted = `Next${inputToken[0]!.toUpperCase()}${inputToken.slice(1)}`;
  if (wanted in output) return wanted;
  const structures = Object.entries(output).filter(([, m]) => shapes[m.target]?.type === 'structure');
  if (structures.length !== 1) return undefined;
  const [name, member] = structures[0]!;
  const inner = membersOf(shapes, member.target);
  const found = [wanted, inputToken].find((t) => t in inner);
  return found ? `${name}.${found}` : undefined;
}

/** Result keys by rule 3 of {@link documentedPaginator}. */
function resultKeysOf(output: Record<string, { target: string }>, tokens: ReadonlySet<string>, shapes: Record<string, Shape>): string[] {
  const ofType = (members: Record<string, { target: string }>, type: string) =>
    Object.entries(members)
      .filter(([name, m]) => !tokens.has(name) && shapes[m.target]?.type === type)
      .map(([name]) => name);
  const lists = ofType(output, 'list');
  if (lists.length > 0) return lists;
  const maps = ofType(output, 'map');
  if (maps.length > 0) return maps;
  const structures = ofType(output, 'structure');
  if (structures.length !== 1) return [];
  const inner = membersOf(shapes, output[structures[0]!]!.target);
  return ofType(inner, 'list').map((name) => `${structures[0]}.${name}`);
}
