/**
 * The naming pass: every identifier a generated package declares, chosen once, collision-free.
 *
 * Like quicktype, names are assigned in one deterministic pass over the model before any rendering:
 * each candidate is made a safe identifier (reserved words, `-`, `.`, spaces, leading digits,
 * `__proto__`), then numbered when already taken (`Foo`, `Foo2`). Wire names are never touched: they are
 * kept for property keys and serialisation. Everything exported from the package's index shares one
 * namespace (an `export *` clash would be a compile error); client methods have their own.
 *
 * @packageDocumentation
 */
import type { Service, Shape } from '../ir/model.ts';
import { pascalCase } from '../ir/naming.ts';
import { isSafeIdentifier, RESERVED_WORDS } from './escape.ts';

/** Names the generated modules import from `@docsdk/runtime` or declare as helpers: shapes cannot take them. */
export const RUNTIME_NAMES: readonly string[] = [
  'RuntimeClient',
  'WireClient',
  'ServiceWire',
  'awsJson1_0',
  'awsJson1_1',
  'bceRestJson',
  'sigV4',
  'bceAuthV1',
  'ServiceError',
  'ValidationError',
  'ClientConfig',
  'Credentials',
  'CredentialsProvider',
  'MetadataBearer',
  'ServiceSchema',
  'OperationSchema',
  'ErrorRegistry',
  'ServiceErrorInit',
  'ValidationProblem',
  'SendOptions',
  'paginate',
  'paginateItems',
  'wait',
  'WaitOptions',
  'WaitResult',
  'RepeatedTokenError',
  'WaiterTimeoutError',
  'DocumentValue',
  'StreamingBody',
  'UnknownMember',
  'CallOptions',
  'serviceSchema',
  'operations',
  'errorRegistry',
  'wire',
];

/** Class members every client has: operation methods cannot take them. */
const CLIENT_MEMBERS = ['constructor', 'runtime', 'config', 'toJSON', 'toString', 'valueOf', 'call', 'prototype'];

/** A set of taken names handing out fresh ones. */
export class Namespace {
  readonly #taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.#taken.add(r);
  }

  /** Claims `candidate` (assumed identifier-shaped) or, when taken or reserved, `candidate2`, `candidate3`…. */
  claim(candidate: string): string {
    let base = candidate;
    if (!isSafeIdentifier(base)) base = `${base}_`;
    if (!this.#taken.has(base)) {
      this.#taken.add(base);
      return base;
    }
    for (let i = 2; ; i++) {
      const next = `${base}${i}`;
      if (!this.#taken.has(next)) {
        this.#taken.add(next);
        return next;
      }
    }
  }
}

/** camelCase of a name: PascalCase with the leading capital run lowered (`GetConnection` → `getConnection`, `ACLs` → `acls`). */
export function camelCase(name: string): string {
  const p = pascalCase(name);
  const m = /^([A-Z]+)(?=[A-Z][a-z]|[0-9]|$)/.exec(p);
  if (m) return m[1]!.toLowerCase() + p.slice(m[1]!.length);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

/** True when the shape gets a named declaration (interface, union type, enum type + const). */
export function isNamedShape(shape: Shape): boolean {
  return shape.type === 'structure' || shape.type === 'union' || (shape.type === 'string' && (shape.enum?.length ?? 0) > 0);
}

/** Every name a generated package declares. Maps are keyed by wire name / shape id. */
export interface ServiceNames {
  /** The client class, e.g. `PartnerCentralAccountAPIClient`. */
  client: string;
  /** The client's options interface, e.g. `OdbClientConfig`. */
  config: string;
  /** The service's base error class, e.g. `OdbServiceError`. */
  baseError: string;
  /** Type name per named shape id. */
  types: Map<string, string>;
  /** Error class per documented error code. */
  errors: Map<string, string>;
  /** Per union shape id: a type guard per member wire name. */
  guards: Map<string, Map<string, string>>;
  /** Per union shape id: its `visit` helper and the visitor interface. */
  visitors: Map<string, { fn: string; type: string }>;
  /** Per operation name: exported input and output validators. */
  validators: Map<string, { input: string; output: string }>;
  /** Per shape id needing a checker (structure, union, list, map): the private checker function. */
  checkers: Map<string, string>;
  /** Per operation name: the client method. */
  methods: Map<string, string>;
  /** Per paginated operation name: the page-iterating client method. */
  paginators: Map<string, string>;
  /** Per paginated operation name whose pages have an items list: the item-iterating client method. */
  paginatorItems: Map<string, string>;
  /** Per waiter name: the waiting client method (`waitUntilTableExists`). */
  waiters: Map<string, string>;
}

/** The client class name the docs imply: `<clientName>Client`, without doubling a trailing `Client`. */
function clientClassName(clientName: string): string {
  const p = pascalCase(clientName);
  return p.endsWith('Client') ? p : `${p}Client`;
}

/**
 * Assigns every name of `service`'s package. Order is fixed (client, base error, shapes by id, errors by
 * first appearance in sorted operations, then functions) so the result only depends on the model.
 */
export function nameService(service: Service): ServiceNames {
  const global = new Namespace([...RUNTIME_NAMES, ...RESERVED_WORDS]);
  const client = global.claim(clientClassName(service.clientName));
  const config = global.claim(`${client}Config`);
  const baseError = global.claim(`${client.replace(/Client$/, '') || 'Service'}ServiceError`);

  const shapeIds = Object.keys(service.shapes).sort();
  const types = new Map<string, string>();
  for (const id of shapeIds) {
    if (isNamedShape(service.shapes[id]!)) types.set(id, global.claim(pascalCase(id)));
  }

  const errors = new Map<string, string>();
  for (const op of service.operations) {
    for (const code of op.errors) if (!errors.has(code)) errors.set(code, global.claim(pascalCase(code)));
  }
  // Documented error classes no operation lists come after, so the listed ones keep their names.
  for (const e of service.exceptions ?? []) if (!errors.has(e.name)) errors.set(e.name, global.claim(pascalCase(e.name)));

  const guards = new Map<string, Map<string, string>>();
  const visitors = new Map<string, { fn: string; type: string }>();
  for (const id of shapeIds) {
    const shape = service.shapes[id]!;
    if (shape.type !== 'union') continue;
    const typeName = types.get(id)!;
    const perMember = new Map<string, string>();
    for (const member of Object.keys(shape.members)) perMember.set(member, global.claim(`is${typeName}${pascalCase(member)}`));
    guards.set(id, perMember);
    visitors.set(id, { fn: global.claim(`visit${typeName}`), type: global.claim(`${typeName}Visitor`) });
  }

  const validators = new Map<string, { input: string; output: string }>();
  for (const op of service.operations) {
    const base = pascalCase(op.name);
    validators.set(op.name, { input: global.claim(`validate${base}Input`), output: global.claim(`validate${base}Output`) });
  }

  // Checkers are module-private in validators.ts; `$` never appears in other names, so no clash is possible.
  const privateNames = new Namespace();
  const checkers = new Map<string, string>();
  for (const id of shapeIds) {
    const t = service.shapes[id]!.type;
    if (t === 'structure' || t === 'union' || t === 'list' || t === 'map') checkers.set(id, `$${privateNames.claim(pascalCase(id))}`);
  }

  const members = new Namespace(CLIENT_MEMBERS);
  const methods = new Map<string, string>();
  for (const op of service.operations) methods.set(op.name, members.claim(camelCase(op.name)));
  const paginators = new Map<string, string>();
  for (const op of service.operations) {
    if (op.paginator) paginators.set(op.name, members.claim(`paginate${pascalCase(op.name)}`));
  }
  const paginatorItems = new Map<string, string>();
  for (const op of service.operations) {
    if (op.paginator?.items !== undefined) paginatorItems.set(op.name, members.claim(`paginate${pascalCase(op.name)}Items`));
  }
  const waiters = new Map<string, string>();
  for (const w of service.waiters ?? []) waiters.set(w.name, members.claim(`waitUntil${pascalCase(w.name)}`));

  return { client, config, baseError, types, errors, guards, visitors, validators, checkers, methods, paginators, paginatorItems, waiters };
}
