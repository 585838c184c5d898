/**
 * Naming shapes: turns the type trees readers give into the IR's shape table. The rule
 * (docs/ir.md, "Shape ids"):
 * 1. an operation's input is `<Operation>Request`, its output `<Operation>Response`;
 * 2. a nested structure, union or enum is named after its member (`otherParticipant` →
 *    `OtherParticipant`); a list is `<Singular>List` and its element `<Singular>`; a map is
 *    `<Singular>Map` and its value `<Singular>`; a name the facts give (`shapeName`) wins;
 * 3. scalars without enum values share one shape per type: `String`, `Integer`, `Float`,
 *    `Boolean`, `Timestamp`, `Blob`, `Stream`, `Document`;
 * 4. identical shapes (same content, documentation included) are one shape wherever they are used,
 *    under one name chosen from every use's name of rule 2 (the docs never name it: DynamoDB's
 *    AttributeValue is reached as `Item`, `Key`, `Value`, `AttributeValueList`'s element, …). The
 *    candidates are ranked: most of their words found in the shape's own documentation (words of
 *    the documentation split at capitals too, singular: "Represents the data for an attribute …
 *    attribute value …" gives `AttributeValue` 2), then — when some word was found — fewest words
 *    not found (`AttributeValue` before `ExpressionAttributeValue`), then most uses as a member's
 *    own name (`KeyMap` before a list element's `Response`), most uses, fewest words, shortest,
 *    first in code-unit order. Shapes take their best candidate no other shape has taken (shapes
 *    with fewer candidates first, then in the order first reached; operation inputs and outputs
 *    and the scalar names are never candidates); a shape left without a free candidate, or reached only from error classes, gets
 *    its parent's name as a prefix (`OdbPeeringConnectionStatus`), then a number (`Status2`, …);
 * 5. operations are named in sorted order, input before output, members in document order,
 *    parents before children — so ids do not depend on file order;
 * 6. a recursion the docs cut short refers back to the enclosing shape reached through a member
 *    of the same name, else one whose name the member's ends with, else (a member) the structure
 *    enclosing its own, or (a list or map element) the nearest enclosing structure.
 */
import { createHash } from 'node:crypto';
import type { Member, Shape } from './model.ts';
import type { MemberNode, RecursiveNode, StructureNode, TypeNode } from './input.ts';
import pluralize from 'pluralize';
import { pascalCase, singular } from './naming.ts';

const SCALAR_NAMES: Record<string, string> = {
  string: 'String',
  integer: 'Integer',
  float: 'Float',
  boolean: 'Boolean',
  timestamp: 'Timestamp',
  blob: 'Blob',
  stream: 'Stream',
  document: 'Document',
};

/** An enclosing structure during naming: its id and the member that led to it. */
interface Ancestor {
  id: string;
  via?: string;
  kind: 'structure' | 'list' | 'map';
  /** A structure with a list or map of a cut-short recursion: it holds itself (`And: [Expression]`). */
  selfContaining?: boolean;
}

/** Whether a member's type is a list or map whose element is a cut-short recursion. */
function holdsCutRecursion(type: TypeNode): boolean {
  if (type.kind === 'list') return type.member.kind === 'recursive';
  if (type.kind === 'map') return type.value.kind === 'recursive';
  return false;
}

/** The words of a member name, lower-cased (`NotFilter` → not, filter). */
function wordsOf(name: string): string[] {
  return name.split(/(?=[A-Z])|[^A-Za-z0-9]+/).filter(Boolean).map((w) => w.toLowerCase());
}

/** Builds one service's shape table from its operations' type trees. */
export class ShapeNamer {
  readonly shapes = new Map<string, Shape>();
  private readonly keyOfId = new Map<string, string>();
  private readonly keys = new WeakMap<object, string>();
  /** Rule 4's candidates: content key → name → number of uses, keys in the order first reached. */
  private readonly uses = new Map<string, { node: Exclude<TypeNode, RecursiveNode>; names: Map<string, Uses> }>();
  private readonly walked = new Set<string>();
  private readonly rootIds = new Set<string>();
  /** Content key → its chosen name, and name → the key holding it; set by the first {@link nameRoot}. */
  private chosen: Map<string, string> | undefined;
  private readonly holder = new Map<string, string>();
  /** Content key → the id its shape got (roots aside). */
  private readonly idOfKey = new Map<string, string>();

  /**
   * Records every use of the shapes `node` (a root named `id`) reaches, so that {@link nameRoot} names
   * each shared shape by all its uses (rule 4). Call it for every operation's input and output first.
   */
  collect(node: StructureNode, id: string): void {
    if (this.chosen) throw new Error('ShapeNamer.collect after nameRoot');
    this.rootIds.add(id);
    for (const m of node.members) this.walk(m.type, memberDesired(m), true);
  }

  /** Names a top-level structure (an operation's input or output) and everything it reaches. */
  nameRoot(node: StructureNode, id: string): string {
    this.chosen ??= this.choose();
    return this.assign(node, id, undefined, []);
  }

  /** Rule 2's name of `node` reached as `desired`, recorded under its content key; then its children. */
  private walk(node: TypeNode, desired: string, direct: boolean): void {
    if (node.kind === 'recursive' || isPlainScalar(node)) return;
    const key = this.key(node);
    const name = node.shapeName ?? desired;
    let entry = this.uses.get(key);
    if (!entry) this.uses.set(key, (entry = { node, names: new Map() }));
    const uses = entry.names.get(name) ?? { direct: 0, all: 0 };
    entry.names.set(name, { direct: uses.direct + (direct || node.shapeName !== undefined ? 1 : 0), all: uses.all + 1 });
    // The same shape reached under the same name reaches the same names below: walked once.
    const seen = `${key}\u0000${desired}`;
    if (this.walked.has(seen)) return;
    this.walked.add(seen);
    if (node.kind === 'structure' || node.kind === 'union') for (const m of node.members) this.walk(m.type, memberDesired(m), true);
    else if (node.kind === 'list') this.walk(node.member, singular(desired.replace(/List$/, '')), false);
    else if (node.kind === 'map') {
      const base = singular(desired.replace(/Map$/, ''));
      this.walk(node.key, `${base}Key`, false);
      this.walk(node.value, base, false);
    }
  }

  /** Rule 4: each shared shape's name, by rank; shapes with fewer candidates choose first, then first reached. */
  private choose(): Map<string, string> {
    const chosen = new Map<string, string>();
    const scalars = new Set(Object.values(SCALAR_NAMES));
    const order = [...this.uses].map((entry, i) => ({ entry, i })).sort((a, b) => a.entry[1].names.size - b.entry[1].names.size || a.i - b.i);
    for (const { entry: [key, { node, names }] } of order) {
      const best = rankNames(names, node.documentation).find((name) => !this.holder.has(name) && !this.rootIds.has(name) && !scalars.has(name));
      if (best === undefined) continue;
      chosen.set(key, best);
      this.holder.set(best, key);
    }
    return chosen;
  }

  /** Content key of a node: equal keys mean identical shapes. Memoised; recursion keyed by name. */
  private key(node: TypeNode): string {
    const cached = this.keys.get(node);
    if (cached !== undefined) return cached;
    let raw: string;
    switch (node.kind) {
      case 'recursive':
        raw = `rec:${node.memberName ?? ''}`;
        break;
      case 'structure':
      case 'union':
        raw = JSON.stringify([
          node.kind,
          ...(node.eventStream ? ['eventStream'] : []),
          node.shapeName ?? '',
          node.documentation ?? '',
          node.members.map((m) => [m.name, m.required, m.documentation ?? '', m.idempotencyToken ?? false, this.key(m.type), ...(m.unknown ? [m.unknown] : [])]),
        ]);
        break;
      case 'list':
        raw = JSON.stringify(['list', node.shapeName ?? '', node.documentation ?? '', this.key(node.member)]);
        break;
      case 'map':
        raw = JSON.stringify(['map', node.shapeName ?? '', node.documentation ?? '', this.key(node.key), this.key(node.value)]);
        break;
      default:
        raw = JSON.stringify([node.kind, node.shapeName ?? '', node.documentation ?? '', node.enum ?? []]);
    }
    const key = raw.length > 64 ? createHash('sha1').update(raw).digest('base64') : raw;
    this.keys.set(node, key);
    return key;
  }

  /** Picks the id for a node that wants `desired`: shared when identical, else disambiguated. */
  private idFor(node: TypeNode, desired: string, parent: string | undefined): { id: string; fresh: boolean } {
    const key = this.key(node);
    const candidates = [desired];
    if (parent && !desired.startsWith(parent)) candidates.push(parent + desired);
    // A name rule 4 gave another shape is taken even before that shape is reached.
    const free = (candidate: string) => {
      const holder = this.holder.get(candidate);
      return holder === undefined || holder === key;
    };
    for (const candidate of candidates) {
      const existing = this.keyOfId.get(candidate);
      if (existing === undefined && free(candidate)) return { id: candidate, fresh: true };
      if (existing === key) return { id: candidate, fresh: false };
    }
    for (let n = 2; ; n++) {
      const candidate = `${desired}${n}`;
      const existing = this.keyOfId.get(candidate);
      if (existing === undefined && free(candidate)) return { id: candidate, fresh: true };
      if (existing === key) return { id: candidate, fresh: false };
    }
  }

  /** Assigns ids to `node` and its descendants (parents first); returns the node's id. */
  private assign(node: TypeNode, desired: string, parent: string | undefined, ancestors: Ancestor[], via?: string): string {
    if (node.kind === 'recursive') return resolveRecursion(node, ancestors, desired);
    const key = this.key(node);
    // A shape met before is that shape, whatever this use would call it (rule 4); a root keeps its own id (rule 1).
    const root = ancestors.length === 0;
    const known = root ? undefined : this.idOfKey.get(key);
    if (known !== undefined) return known;
    const plain = isPlainScalar(node);
    const name = plain ? SCALAR_NAMES[node.kind]! : (node.shapeName ?? this.chosen?.get(key) ?? desired);
    const { id, fresh } = this.idFor(node, name, plain ? undefined : parent);
    if (!fresh) return id;
    this.keyOfId.set(id, key);
    if (!root) this.idOfKey.set(key, id);
    switch (node.kind) {
      case 'structure':
      case 'union': {
        const shape: Shape = { type: node.kind, members: {} };
        if (node.documentation) shape.documentation = node.documentation;
        if (node.eventStream) shape.eventStream = true;
        this.shapes.set(id, shape);
        const inner = withAncestor(ancestors, id, via, 'structure');
        inner[inner.length - 1]!.selfContaining = node.members.some((m) => holdsCutRecursion(m.type));
        for (const m of node.members) {
          // Defined, not assigned: a member called `__proto__` must be a member, not the record's prototype.
          Object.defineProperty(shape.members, m.name, { value: this.member(m, id, inner), enumerable: true, writable: true, configurable: true });
        }
        return id;
      }
      case 'list': {
        const base = singular(desired.replace(/List$/, ''));
        const shape: Shape = { type: 'list', member: '' };
        if (node.documentation) shape.documentation = node.documentation;
        this.shapes.set(id, shape);
        shape.member = this.assign(node.member, base, parent, withAncestor(ancestors, id, via, 'list'), via);
        return id;
      }
      case 'map': {
        const base = singular(desired.replace(/Map$/, ''));
        const shape: Shape = { type: 'map', key: '', value: '' };
        if (node.documentation) shape.documentation = node.documentation;
        this.shapes.set(id, shape);
        const inner = withAncestor(ancestors, id, via, 'map');
        shape.key = this.assign(node.key, `${base}Key`, parent, inner, via);
        shape.value = this.assign(node.value, base, parent, inner, via);
        return id;
      }
      default: {
        const shape: Shape = { type: node.kind };
        if (node.enum) shape.enum = [...node.enum];
        if (node.documentation) shape.documentation = node.documentation;
        this.shapes.set(id, shape);
        return id;
      }
    }
  }

  private member(m: MemberNode, parentId: string, ancestors: Ancestor[]): Member {
    const target = this.assign(m.type, memberDesired(m), parentId, ancestors, m.name);
    const member: Member = { target };
    if (m.required) member.required = true;
    const unknown = [...(m.required === undefined ? (['required'] as const) : []), ...(m.unknown ?? [])];
    if (unknown.length > 0) member.unknown = unknown;
    if (m.documentation) member.documentation = m.documentation;
    if (m.idempotencyToken) member.idempotencyToken = true;
    if (m.documentedName !== undefined && m.documentedName !== m.name) member.documentedName = m.documentedName;
    return member;
  }
}

/**
 * Rule 2's name for a member's type: `tags` → `TagList` (a list), `TagMap` (a map), else `Tags`; a
 * member already called a list or map keeps its name (`AttributeValueList`, not `AttributeValueListList`,
 * so its element is `AttributeValue`).
 */
function memberDesired(m: MemberNode): string {
  const base = pascalCase(m.name);
  if (m.type.kind === 'list') return /.List$/.test(base) ? base : `${singular(base)}List`;
  if (m.type.kind === 'map') return /.Map$/.test(base) ? base : `${singular(base)}Map`;
  return base;
}

/** A scalar of no enum, name or documentation: one shared shape per type (rule 3). */
function isPlainScalar(node: Exclude<TypeNode, RecursiveNode>): boolean {
  return SCALAR_NAMES[node.kind] !== undefined && !('enum' in node && node.enum) && !node.shapeName && !node.documentation;
}

/** Singular, lower-case words of a name or text, split at non-alphanumerics and capitals (`AttributeValues` → attribute, value). */
function nameWords(text: string): string[] {
  return text
    .split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)
    .filter(Boolean)
    .map((w) => pluralize.singular(w.toLowerCase()));
}

/** How often a name was given to a shape: by a member's own name (`direct`), or at all (also as an element or value). */
export interface Uses {
  direct: number;
  all: number;
}

/** Rule 4's ranking of a shape's candidate names, best first. */
export function rankNames(names: ReadonlyMap<string, Uses>, documentation: string | undefined): string[] {
  const documented = new Set(documentation ? nameWords(documentation) : []);
  const scored = [...names].map(([name, uses]) => {
    const words = nameWords(name);
    const found = words.filter((w) => documented.has(w)).length;
    return { name, sort: [-found, found > 0 ? words.length - found : 0, -uses.direct, -uses.all, words.length, name.length] };
  });
  scored.sort((a, b) => {
    for (let i = 0; i < a.sort.length; i++) if (a.sort[i] !== b.sort[i]) return a.sort[i]! - b.sort[i]!;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  return scored.map((s) => s.name);
}

/** The ancestors of a node's members: the node's own, and the member that led to it. */
function withAncestor(ancestors: readonly Ancestor[], id: string, via: string | undefined, kind: Ancestor['kind']): Ancestor[] {
  return [...ancestors, via === undefined ? { id, kind } : { id, via, kind }];
}

/**
 * The id a cut-short recursion refers to (rule 6). The docs name no type here, so names decide:
 * the enclosing shape reached through a member of the same name (`filter` … `filter`), else one the
 * name ends with (`subSlots` … `slots`), else one sharing its last word (`NotFilter` …
 * `AttributeFilter`); a list or map element is named by its list's member in the singular
 * (`Statements[]` … `Statement`). A list or map and its element are reached through the same
 * member: the member's own type (the outermost of them) is the one repeated. Failing names, a
 * list the docs call a list repeats the nearest enclosing list; a member repeats the structure
 * holding it when that structure holds itself elsewhere (`And: [Expression]`, `Not: Expression`),
 * else the structure enclosing that one (boto3's docs show that far more often); an element
 * repeats the nearest enclosing structure.
 */
function resolveRecursion(node: RecursiveNode, ancestors: readonly Ancestor[], fallback: string): string {
  const { memberName } = node;
  // An element is named after its list; the list itself (and its element's chain) is not a candidate.
  const innermost = ancestors[ancestors.length - 1];
  const isElement = memberName === undefined && innermost !== undefined && innermost.kind !== 'structure';
  const name = memberName ?? (isElement && innermost!.via !== undefined ? singular(pascalCase(innermost!.via)) : undefined);
  if (name !== undefined) {
    const lower = name.toLowerCase();
    const last = wordsOf(name).pop() ?? '';
    const matchers = [
      (via: string) => via.toLowerCase() === lower,
      (via: string) => lower.endsWith(via.toLowerCase()),
      (via: string) => last.length >= 3 && wordsOf(via).pop() === last,
    ];
    const limit = isElement ? ancestors.findIndex((a) => a.via === innermost!.via) : ancestors.length;
    for (const matches of matchers) {
      for (let i = limit - 1; i >= 0; i--) {
        const via = ancestors[i]!.via;
        if (via === undefined || !matches(via)) continue;
        while (i > 0 && ancestors[i - 1]!.via === via) i--;
        return ancestors[i]!.id;
      }
    }
  }
  if (node.shows === 'list') {
    const lists = ancestors.filter((a) => a.kind === 'list');
    if (lists.length > 0) return lists[lists.length - 1]!.id;
  }
  const structures = ancestors.filter((a) => a.kind === 'structure');
  const holder = structures[structures.length - 1];
  if (!holder) return fallback;
  if (memberName === undefined || holder.selfContaining || structures.length < 2) return holder.id;
  return structures[structures.length - 2]!.id;
}
