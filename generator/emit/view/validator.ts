/**
 * View model of the validators: one private checker per structure, union, list and map shape, and two
 * exported validators per operation (input, output). Checkers allocate nothing on valid input: problems
 * are created, and their paths built, only on the way back up from an invalid value.
 *
 * @packageDocumentation
 */
import type { Service } from '../../ir/model.ts';
import type { ShapeKind } from '../../ir/walk.ts';
import { isIdentifierName } from '../escape.ts';
import type { ServiceNames } from '../names.ts';
import { docOf, type DocView } from './doc.ts';

/** How one value is checked: exactly one field is set (none = anything goes, for documents). */
export interface CheckView {
  string?: true;
  integer?: true;
  float?: true;
  boolean?: true;
  timestamp?: true;
  blob?: true;
  stream?: true;
  /** An event stream: an async iterable (its events are not checked: they arrive later, one by one). */
  eventStream?: true;
  /** Delegates to this checker function. */
  call?: string;
  /** A scalar with a type test (every kind above but documents and calls). */
  failure?: true;
  /** The problem reported when the type test fails (`expected string`). */
  expected?: string;
}

/** A member checked by a structure or union checker. */
export interface CheckedMemberView {
  wire: string;
  /** Path segment, e.g. `Key` or `["a-b"]`. */
  segment: string;
  required: boolean;
  /** Name inherited from Object.prototype (`constructor`, `toString`…): read as an own property only. */
  inherited: boolean;
  check: CheckView;
}

/** One checker function. Exactly one of the shape fields is set. */
export interface CheckerView {
  name: string;
  structure?: { members: CheckedMemberView[] };
  union?: { members: CheckedMemberView[]; list: string };
  list?: { check: CheckView };
  map?: { check: CheckView };
}

/** The exported validators of one operation. */
export interface OperationValidatorView {
  input: string;
  output: string;
  inputType: string;
  outputType: string;
  inputChecker: string;
  outputChecker: string;
  operation: string;
  inputDoc: DocView;
  outputDoc: DocView;
}

/** Everything `validators.ts` needs. */
export interface ValidatorsView {
  checkers: CheckerView[];
  operations: OperationValidatorView[];
  /** Whether the `own` helper is needed. */
  usesOwn: boolean;
  /** Type names the module imports (for assertion signatures), sorted, distinct. */
  typeImports: string[];
}

/** The check of a value of shape `id`. */
export function checkOf(service: Service, names: ServiceNames, id: string): CheckView {
  const shape = service.shapes[id];
  if (shape?.type === 'union' && shape.eventStream) return { eventStream: true, failure: true, expected: 'expected an async iterable of events' };
  const call = names.checkers.get(id);
  if (call) return { call };
  const expected = shape ? EXPECTED[shape.type] : undefined;
  if (!shape || expected === undefined) return {};
  return { [shape.type]: true, failure: true, expected } as CheckView;
}

/**
 * The problem reported when a value fails its kind's type test; none for documents (any value) and
 * for structures, unions, lists and maps (their checkers test them). Keyed by every kind, so a new
 * one must say.
 */
const EXPECTED: { readonly [K in ShapeKind]: string | undefined } = {
  structure: undefined,
  union: undefined,
  list: undefined,
  map: undefined,
  document: undefined,
  string: 'expected string',
  integer: 'expected integer',
  float: 'expected number',
  boolean: 'expected boolean',
  timestamp: 'expected Date',
  blob: 'expected Uint8Array',
  stream: 'expected Uint8Array or async iterable',
};

function inheritedName(name: string): boolean {
  return name in Object.prototype;
}

/** A path segment for a member: bare identifier names, bracketed JSON otherwise. */
function segmentOf(wire: string): string {
  return isIdentifierName(wire) ? wire : `[${JSON.stringify(wire)}]`;
}

/** The view of every checker and validator of `service`. */
export function validatorsView(service: Service, names: ServiceNames): ValidatorsView {
  let usesOwn = false;
  const checkers: CheckerView[] = [];
  for (const [id, name] of names.checkers) {
    const shape = service.shapes[id]!;
    if (shape.type === 'structure' || shape.type === 'union') {
      // Callers give a member under its documented name (a boto3 parameter alias), which the schema maps to the wire's.
      const members = Object.entries(shape.members).map(([key, m]) => {
        const wire = m.documentedName ?? key;
        const inherited = inheritedName(wire);
        usesOwn ||= inherited;
        return { wire, segment: segmentOf(wire), required: !!m.required, inherited, check: checkOf(service, names, m.target) };
      });
      if (shape.type === 'structure') checkers.push({ name, structure: { members } });
      else checkers.push({ name, union: { members, list: members.map((m) => m.wire).join(', ') } });
    } else if (shape.type === 'list') {
      checkers.push({ name, list: { check: checkOf(service, names, shape.member) } });
    } else if (shape.type === 'map') {
      checkers.push({ name, map: { check: checkOf(service, names, shape.value) } });
    }
  }
  const operations = service.operations.map((op) => {
    const v = names.validators.get(op.name)!;
    return {
      operation: op.name,
      input: v.input,
      output: v.output,
      inputType: names.types.get(op.input) ?? 'never',
      outputType: names.types.get(op.output) ?? 'never',
      inputChecker: names.checkers.get(op.input) ?? '$any',
      outputChecker: names.checkers.get(op.output) ?? '$any',
      inputDoc: docOf(
        undefined,
        `Checks an input of ${op.name}: types, required members, unions with exactly one member, lists and maps, ` +
          'at any depth. Throws a ValidationError listing every problem with its path (`Tags[2].Key: required`). ' +
          'Unknown enum values are accepted (services add values).',
      ),
      outputDoc: docOf(undefined, `Checks an output of ${op.name} the same way; unknown union members are accepted.`),
    };
  });
  const typeImports = [...new Set(operations.flatMap((o) => [o.inputType, o.outputType]))].filter((n) => n !== 'never').sort();
  return { checkers, operations, usesOwn, typeImports };
}
