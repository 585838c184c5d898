/**
 * The input structure of an operation from its Python definition and the facts. Every `def`
 * argument but `self` and `config` (a per-call option, not a model member) is a member, under
 * its wire name from the facts. Required: no default in the `def`, or named by `@required`.
 * Type: the facts' type, else the decorator's (`int` → integer, `(bytes, str)` → string,
 * `(bool,)` → boolean), else what the default shows; decorator and facts disagreeing is a
 * warning. `client_token` is the idempotency token.
 */
import type { Warning } from '../../ir/model.ts';
import type { DiagnosticSink } from '../../diagnostics.ts';
import type { MemberNode, StructureNode, TypeNode } from '../../ir/input.ts';
import type { BaiduFacts } from './facts.ts';
import type { PythonSignature } from './signature.ts';

/** Arguments that configure the call rather than the request. */
const CALL_OPTIONS = new Set(['self', 'config']);

/** The argument Baidu's Python SDK fills with a UUID when the caller gives none. */
export const IDEMPOTENCY_ARGUMENT = 'client_token';

/** Builds the input structure of `signature`; problems go to `sink`, disagreements to `warnings` too. */
export function inputShape(signature: PythonSignature, facts: BaiduFacts, sink: DiagnosticSink, warnings: Warning[]): StructureNode {
  const { method } = signature;
  const members: MemberNode[] = [];
  const parameterNames = new Set(signature.parameters.map((p) => p.name));
  for (const [name, arg] of signature.required) {
    if (!parameterNames.has(name)) sink.warning(arg.line, `${method}: @required names "${name}", which the definition does not take`);
  }
  for (const param of signature.parameters) {
    if (CALL_OPTIONS.has(param.name)) continue;
    const fact = facts.parameter(method, param.name);
    const decorated = signature.required.get(param.name);
    let wireName = fact?.name;
    if (wireName === undefined) {
      wireName = camelCase(param.name);
      if (wireName !== param.name) sink.warning(param.line, `${method}: the facts give no wire name for argument "${param.name}"; "${wireName}" assumed`);
    }
    const factType = fact?.target !== undefined ? facts.typeOf(fact.target) : undefined;
    let type: TypeNode | undefined = factType;
    if (decorated?.type) {
      if (!factType) type = { kind: decorated.type };
      else if (factType.kind !== decorated.type) {
        const message = `${method}: the page's @required gives "${param.name}" the Python type ${decorated.pythonType} where the facts give ${fact!.target}; the facts' type is used`;
        const page = { file: sink.file, line: decorated.line };
        const factsAt = facts.parameterSource(method, param.name);
        warnings.push({ message, sources: [page, factsAt] });
        sink.warning(decorated.line, `${message} (facts: ${factsAt.file}:${factsAt.line})`);
      }
    }
    if (!type) type = typeOfDefault(param.default);
    if (!type) {
      sink.warning(param.line, `${method}: neither the page nor the facts give a type for argument "${param.name}"; string assumed`);
      type = { kind: 'string' };
    }
    const member: MemberNode = { name: wireName, type, required: param.default === undefined || decorated !== undefined, line: param.line };
    if (fact?.documentation) member.documentation = fact.documentation;
    if (param.name === IDEMPOTENCY_ARGUMENT || fact?.idempotencyToken) member.idempotencyToken = true;
    members.push(member);
  }
  return { kind: 'structure', members };
}

/** What a default value shows of its argument's type (`False` → boolean, `1` → integer); `None` shows nothing. */
function typeOfDefault(value: string | undefined): TypeNode | undefined {
  if (value === 'True' || value === 'False') return { kind: 'boolean' };
  if (value !== undefined && /^-?\d+$/.test(value)) return { kind: 'integer' };
  if (value !== undefined && /^-?\d+\.\d+$/.test(value)) return { kind: 'float' };
  if (value !== undefined && /^b?['"]/.test(value)) return { kind: 'string' };
  return undefined;
}

/** `local_vpc_id` → `localVpcId`; names without underscores are kept as written. */
export function camelCase(name: string): string {
  return name.replace(/_+([a-zA-Z0-9])/g, (_m, c: string) => c.toUpperCase());
}
