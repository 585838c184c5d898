/**
 * View model of a usage example: an input value built from the input shape, rendered by the recursive
 * `example` partial. The value must compile under `tsc --strict` against the package (the README
 * snippets are type-checked: test/emit/readme-snippets.slow.test.ts), so it follows one rule:
 *
 * 1. the operation's input shows every member but idempotency tokens (boto3's "autopopulated if not
 *    provided", or an optional `…Token` its docs say ensures idempotency: left out, one is generated
 *    or the call is simply not idempotent, which is what a first example should do);
 * 2. a nested structure shows its required members; one with none required shows its first member
 *    that can be built (so `{ S: 'string' }` for DynamoDB's all-optional AttributeValue, not all ten);
 * 3. a union shows exactly one member, its first that can be built;
 * 4. a list shows one element, a map one `key` entry; where the element or value cannot be built the
 *    list is `[]` and the map `{}`; a document is `{}`;
 * 5. a shape already on the path (recursion), too deep, or not documented cannot be built: an optional
 *    member holding it is left out, a required one makes its structure unbuildable in turn (so the
 *    parent leaves that structure out, or empties its list) — never `undefined`.
 *
 * @packageDocumentation
 */
import type { Member, Service } from '../../ir/model.ts';

/** An example value: exactly one field is set. */
export interface ExampleValue {
  /** Entries of an object (may be empty); `isObject` tells it apart from "not an object" in templates. */
  object?: { name: string; value: ExampleValue }[];
  isObject?: true;
  list?: ExampleValue;
  /** An empty list (`[]`): its element cannot be built. */
  emptyList?: true;
  string?: string;
  number?: true;
  boolean?: true;
  date?: true;
  bytes?: true;
  /** No value at all (`undefined`): only for an operation whose input has no documented shape. */
  empty?: true;
}

const MAX_DEPTH = 12;

/** Whether member `name` is an idempotency token (rule 1). */
export function isIdempotencyToken(name: string, m: Member): boolean {
  if (m.idempotencyToken) return true;
  return !m.required && /token$/i.test(name) && /idempoten/i.test(m.documentation ?? '');
}

/** The example of shape `id`, or undefined when it cannot be built (rule 5). */
function build(service: Service, id: string, depth: number, stack: readonly string[]): ExampleValue | undefined {
  const shape = service.shapes[id];
  if (!shape || depth > MAX_DEPTH || stack.includes(id)) return undefined;
  const inner = [...stack, id];
  const sub = (target: string) => build(service, target, depth + 1, inner);
  switch (shape.type) {
    case 'structure':
    case 'union': {
      const members = Object.entries(shape.members).filter(([name, m]) => !isIdempotencyToken(name, m));
      const entry = (name: string, m: Member, value: ExampleValue) => ({ name: m.documentedName ?? name, value });
      const first = () => {
        for (const [name, m] of members) {
          const value = sub(m.target);
          if (value) return [entry(name, m, value)];
        }
        return [];
      };
      if (shape.type === 'union') return { isObject: true, object: first() };
      const shown = depth === 0 ? members : members.filter(([, m]) => m.required);
      if (depth > 0 && shown.length === 0) return { isObject: true, object: first() };
      const object: { name: string; value: ExampleValue }[] = [];
      for (const [name, m] of shown) {
        const value = sub(m.target);
        if (value) object.push(entry(name, m, value));
        else if (m.required) return undefined;
      }
      return { isObject: true, object };
    }
    case 'list': {
      const element = sub(shape.member);
      return element ? { list: element } : { emptyList: true };
    }
    case 'map': {
      const value = sub(shape.value);
      return { isObject: true, object: value ? [{ name: 'key', value }] : [] };
    }
    case 'string':
      return { string: shape.enum?.[0] ?? 'string' };
    case 'integer':
    case 'float':
      return { number: true };
    case 'boolean':
      return { boolean: true };
    case 'timestamp':
      return { date: true };
    case 'blob':
    case 'stream':
      return { bytes: true };
    case 'document':
      return { isObject: true, object: [] };
  }
}

/** An example of shape `id` (an operation's input); enum shapes show their first value. */
export function exampleOf(service: Service, id: string): ExampleValue {
  return build(service, id, 0, []) ?? { empty: true };
}
