/**
 * Settings applied after reading: what a service's `service.json` defines, put in place of what
 * its pages only name. A reader returns what its page shows — an API-reference page's table names
 * a type (`Billing`, `PeerConnStatus`) it does not define — and this stage, run by the IR builder
 * before readings are merged, replaces each such type with the settings' definition of that name.
 * (Baidu's SDK-page reader still takes its facts while reading: `generator/read/baidu/facts.ts`,
 * which builds its type trees with {@link SettingsTypes} too.)
 */
import type { MemberNode, ReadOperation, ReadPage, StructureNode, TypeNode } from '../ir/input.ts';
import type { ServiceSettings, ShapeSettings } from './model.ts';
import { SCALAR_TARGETS } from './shape-references.ts';

/** The type trees of the shapes a service's settings define, each built once. */
export class SettingsTypes {
  private readonly nodes = new Map<string, TypeNode>();

  constructor(private readonly settings: ServiceSettings) {}

  /** A shape the settings define, by id. */
  shape(id: string): ShapeSettings | undefined {
    const shapes = this.settings.shapes;
    return shapes && Object.prototype.hasOwnProperty.call(shapes, id) ? shapes[id] : undefined;
  }

  /**
   * The type tree of a shape id: a scalar name gives a plain scalar, a defined shape a tree named
   * after it (`shapeName`). The same id always gives the same node. Unknown ids give undefined
   * (the settings loader has reported them). A structure reached again inside itself is a recursion.
   */
  typeOf(id: string, visiting: ReadonlySet<string> = new Set()): TypeNode | undefined {
    const scalar = (SCALAR_TARGETS as Record<string, TypeNode['kind'] | undefined>)[id];
    if (scalar && !this.shape(id)) return { kind: scalar } as TypeNode;
    const cached = this.nodes.get(id);
    if (cached) return cached;
    const shape = this.shape(id);
    if (!shape) return undefined;
    if (visiting.has(id)) return { kind: 'recursive' };
    const inner = new Set(visiting).add(id);
    const doc = shape.documentation ? { documentation: shape.documentation } : {};
    let node: TypeNode | undefined;
    switch (shape.type) {
      case 'structure':
      case 'union':
        node = {
          kind: shape.type,
          shapeName: id,
          ...doc,
          members: Object.entries(shape.members).map(([name, m]) => ({
            name,
            type: this.typeOf(m.target, inner) ?? { kind: 'document' },
            required: m.required ?? false,
            ...(m.documentation ? { documentation: m.documentation } : {}),
          })),
        };
        break;
      case 'list':
        node = { kind: 'list', shapeName: id, ...doc, member: this.typeOf(shape.member, inner) ?? { kind: 'document' } };
        break;
      case 'map':
        node = { kind: 'map', shapeName: id, ...doc, key: this.typeOf(shape.key, inner) ?? { kind: 'string' }, value: this.typeOf(shape.value, inner) ?? { kind: 'document' } };
        break;
      default:
        node = { kind: shape.type, shapeName: id, ...doc, ...(shape.enum ? { enum: [...shape.enum] } : {}) };
    }
    this.nodes.set(id, node);
    return node;
  }
}

/**
 * The pages with every type a page only names (`pageNamed`) replaced by the settings' definition of
 * that name, where they define it; a member whose type was unknown only for that reason is then
 * typed. Pages without such types are returned as they are.
 */
export function applySettings(pages: readonly ReadPage[], settings: ServiceSettings): ReadPage[] {
  if (!settings.shapes) return [...pages];
  const types = new SettingsTypes(settings);
  return pages.map((page) => {
    if (!page.operations.some(namesTypes)) return page;
    return { ...page, operations: page.operations.map((op) => (namesTypes(op) ? applyToOperation(op, types) : op)) };
  });
}

function namesTypes(op: ReadOperation): boolean {
  const seen = (node: TypeNode, depth: number): boolean => {
    if (depth > 256) return false;
    if ((node.kind === 'structure' || node.kind === 'union' || node.kind === 'document') && 'pageNamed' in node && node.pageNamed) return true;
    if (node.kind === 'structure' || node.kind === 'union') return node.members.some((m) => seen(m.type, depth + 1));
    if (node.kind === 'list') return seen(node.member, depth + 1);
    if (node.kind === 'map') return seen(node.value, depth + 1);
    return false;
  };
  return seen(op.input, 0) || (op.output !== undefined && seen(op.output, 0));
}

function applyToOperation(op: ReadOperation, types: SettingsTypes): ReadOperation {
  const out: ReadOperation = { ...op, input: applyToStructure(op.input, types, 0) };
  if (op.output) out.output = applyToStructure(op.output, types, 0);
  return out;
}

function applyToStructure(node: StructureNode, types: SettingsTypes, depth: number): StructureNode {
  return { ...node, members: node.members.map((m) => applyToMember(m, types, depth + 1)) };
}

function applyToMember(m: MemberNode, types: SettingsTypes, depth: number): MemberNode {
  const type = applyToType(m.type, types, depth);
  if (type === m.type) return m;
  const out: MemberNode = { ...m, type };
  const unknown = (m.unknown ?? []).filter((u) => u !== 'type' || !resolved(type));
  if (unknown.length > 0) out.unknown = unknown;
  else delete out.unknown;
  return out;
}

/** Whether a type is now defined all the way down (no document standing for a named type). */
function resolved(type: TypeNode): boolean {
  if (type.kind === 'list') return resolved(type.member);
  return !(type.kind === 'document' && !type.shapeName) && !('pageNamed' in type && type.pageNamed);
}

function applyToType(type: TypeNode, types: SettingsTypes, depth: number): TypeNode {
  if (depth > 256) return type;
  if ((type.kind === 'structure' || type.kind === 'union' || type.kind === 'document') && type.pageNamed && type.shapeName) {
    const defined = types.typeOf(type.shapeName);
    if (defined) return defined;
  }
  if (type.kind === 'structure' || type.kind === 'union') {
    const members = type.members.map((m) => applyToMember(m, types, depth + 1));
    return members.every((m, i) => m === type.members[i]) ? type : { ...type, members };
  }
  if (type.kind === 'list') {
    const member = applyToType(type.member, types, depth + 1);
    return member === type.member ? type : { ...type, member };
  }
  if (type.kind === 'map') {
    const value = applyToType(type.value, types, depth + 1);
    return value === type.value ? type : { ...type, value };
  }
  return type;
}
