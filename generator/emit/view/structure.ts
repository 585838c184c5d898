/**
 * View model of a structure: an interface whose members keep their wire names as property keys.
 *
 * @packageDocumentation
 */
import type { Service, StructureShape } from '../../ir/model.ts';
import type { ServiceNames } from '../names.ts';
import { typeRefOf, type TypeRef } from '../type-ref.ts';
import { docOf, type DocView } from './doc.ts';

/** One member of a structure or union. */
export interface MemberView {
  /**
   * The property's name: the wire name, exactly as documented, or the name the docs give a member
   * whose wire name differs (a boto3 parameter alias; the schema maps it back). Rendered through the
   * `key` helper.
   */
  wire: string;
  optional: boolean;
  doc: DocView;
  type: TypeRef;
}

/** One structure declaration. */
export interface StructureView {
  name: string;
  doc: DocView;
  members: MemberView[];
}

/** Members of a structure or union, typed for input or output use. */
export function membersOf(service: Service, names: ServiceNames, shape: StructureShape, output: boolean): MemberView[] {
  return Object.entries(shape.members).map(([wire, m]) => ({
    wire: m.documentedName ?? wire,
    optional: !m.required,
    doc: docOf(m.documentation),
    type: typeRefOf(service, names, m.target, output),
  }));
}

/** The view of structure `id`; `output` when a service may return it (enums then stay open). */
export function structureView(service: Service, names: ServiceNames, id: string, shape: StructureShape, output: boolean): StructureView {
  return { name: names.types.get(id)!, doc: docOf(shape.documentation), members: membersOf(service, names, shape, output) };
}
