/**
 * View model of a tagged union: a discriminated union type in which exactly one member is set (every
 * other member `?: never`), an `SDK_UNKNOWN_MEMBER` variant when the service may return it, a type guard
 * per member, and a visitor interface plus `visit` helper for exhaustive switches.
 *
 * @packageDocumentation
 */
import type { Service, StructureShape } from '../../ir/model.ts';
import type { ServiceNames } from '../names.ts';
import { docOf, type DocView } from './doc.ts';
import { membersOf, type MemberView } from './structure.ts';

/** One variant: the member set, and the names of the members that must be absent. */
export interface VariantView extends MemberView {
  others: string[];
  /** Its type guard. */
  guard: string;
  guardDoc: DocView;
  /** Name inherited from Object.prototype (`constructor`, `__proto__`…): tested as an own property. */
  inherited: boolean;
}

/** One union declaration with its helpers. */
export interface UnionView {
  name: string;
  doc: DocView;
  variants: VariantView[];
  /** Every member's wire name (for the unknown variant's `?: never` list). */
  memberNames: string[];
  /** True when the service may return it: adds the `SDK_UNKNOWN_MEMBER` variant. */
  open: boolean;
  /** One variant and no unknown one: the type is that variant's object type, not a union. */
  single: boolean;
  /** No variant at all and no unknown one (docs that list no member): no value has the type (`never`). */
  empty: boolean;
  /** No variant but the unknown one (an output union whose docs list no member). */
  onlyUnknown: boolean;
  visitFn: string;
  visitorType: string;
  visitDoc: DocView;
  visitorDoc: DocView;
}

/** The view of union `id`. */
export function unionView(service: Service, names: ServiceNames, id: string, shape: StructureShape, output: boolean): UnionView {
  const members = membersOf(service, names, shape, output);
  const memberNames = members.map((m) => m.wire);
  const guards = names.guards.get(id)!;
  const visitor = names.visitors.get(id)!;
  const name = names.types.get(id)!;
  return {
    name,
    doc: docOf(shape.documentation),
    variants: members.map((m) => ({
      ...m,
      others: memberNames.filter((n) => n !== m.wire),
      guard: guards.get(m.wire)!,
      guardDoc: docOf(undefined, `True when the \`${m.wire}\` member of the ${name} union is set (and narrows to that variant).`),
      inherited: m.wire in Object.prototype,
    })),
    memberNames,
    open: output,
    single: !output && members.length === 1,
    empty: !output && members.length === 0,
    onlyUnknown: output && members.length === 0,
    visitFn: visitor.fn,
    visitorType: visitor.type,
    visitDoc: docOf(
      undefined,
      `Calls the handler of the member set in the ${name} union and returns its result` +
        (output ? ' (\`SDK_UNKNOWN_MEMBER\` gets the name of a member this client does not know and its raw value; the name is empty when the service set no member).' : '.'),
    ),
    visitorDoc: docOf(undefined, `One handler per member of the ${name} union, for exhaustive handling with the visit helper.`),
  };
}
