/**
 * The view model of one generated package: every file's data, computed once from the service's IR and
 * the naming pass. Templates turn it into code; nothing here is code.
 *
 * @packageDocumentation
 */
import { linksOf, type DocLink } from '../../ir/links.ts';
import type { Service } from '../../ir/model.ts';
import { reachOf } from '../../ir/reach.ts';
import { nameService, type ServiceNames } from '../names.ts';
import { emitterProvider } from '../providers.ts';
import { wireImports, type WireImports } from '../runtime-wire.ts';
import { packageVersion } from '../version.ts';
import type { TypeRef } from '../type-ref.ts';
import { docOf, type DocView } from './doc.ts';
import { enumView, type EnumView } from './enum.ts';
import { errorsView, type ErrorsView } from './errors.ts';
import { exampleOf, type ExampleValue } from './example.ts';
import { operationView, type OperationView } from './operation.ts';
import { paginatorView, type PaginatorView } from './paginator.ts';
import { waiterView, type WaiterView } from './waiter.ts';
import { schemaView, type SchemaView } from './schema.ts';
import { structureView, type StructureView } from './structure.ts';
import { summaryOf } from './summary.ts';
import { unionView, type UnionView } from './union.ts';
import { validatorsView, type ValidatorsView } from './validator.ts';

/** One declaration of `types.ts`: exactly one field is set. */
export interface DeclarationView {
  structure?: StructureView;
  union?: UnionView;
  enum?: EnumView;
}

/**
 * A README section per operation: its method and an example call, with the first paragraph of the
 * operation's docs as line comments in the example. Not as Markdown prose: Prettier re-prints prose
 * (emphasis, escapes), so page text there could not be emitted already formatted, while comments in a
 * code block are kept as written.
 */
export interface ReadmeOperationView {
  method: string;
  wire: string;
  summary: string;
  /** The links of the operation's documentation (each target once), listed under its example. */
  links: DocLink[];
  example: ExampleValue;
  paginator?: string;
  /** The items iterator of its paginator, when its pages have an items list. */
  items?: { method: string; path: string };
}

/** Everything the templates of one package need. */
export interface PackageView {
  /** Folder name under the output directory: `<provider>-<id>`. */
  folder: string;
  packageName: string;
  version: string;
  description: string;
  serviceId: string;
  provider: string;
  apiVersion?: string;
  generatorVersion: string;
  runtimeVersion: string;
  /** npm's tarball name of the package without `-<version>.tgz`: `@docsdk/aws-x` → `docsdk-aws-x`. */
  tarballPrefix: string;
  /** The package's mock entry point: `<packageName>/mock`. */
  mockEntry: string;
  /** The method the README's mock example uses (the first operation's); absent without operations. */
  mockExample?: string;
  /** Dependency range on the runtime: `^<runtime version>`. */
  runtimeRange: string;
  typescriptVersion: string;
  /** The README's note of the environment variables a client reads (from the provider table). */
  envComment: string;
  names: ServiceNames;
  client: { name: string; config: string; doc: DocView; region: string };
  declarations: DeclarationView[];
  usesDocument: boolean;
  usesStream: boolean;
  operations: OperationView[];
  paginators: PaginatorView[];
  /** Paginators with an items iterator. */
  itemPaginators: PaginatorView[];
  waiters: WaiterView[];
  validators: ValidatorsView;
  schema: SchemaView;
  errors: ErrorsView;
  readme: ReadmeOperationView[];
  /** Type names the client module imports. */
  clientTypeImports: string[];
  /** The runtime's protocol and signer objects the client imports (its schema's, and no other). */
  wire: WireImports;
}

/** Versions the generated package.json pins. */
export interface PackageVersions {
  generator: string;
  runtime: string;
  typescript: string;
}

/** Builds the view of `service`'s package. */
export function packageView(service: Service, versions: PackageVersions): PackageView {
  const names = nameService(service);
  const reach = reachOf(service);
  const declarations: DeclarationView[] = [];
  for (const id of [...names.types.keys()]) {
    const shape = service.shapes[id]!;
    const output = reach.output.has(id);
    if (shape.type === 'structure') declarations.push({ structure: structureView(service, names, id, shape, output) });
    else if (shape.type === 'union') declarations.push({ union: unionView(service, names, id, shape, output) });
    else if (shape.type === 'string') declarations.push({ enum: enumView(names, id, shape) });
  }
  const types = Object.values(service.shapes).map((s) => s.type);

  const operations = service.operations.map((op) => {
    const input = service.shapes[op.input];
    const inputOptional = !input || !('members' in input) || Object.values(input.members).every((m) => !m.required);
    return operationView(op, names, inputOptional);
  });
  const paginators = service.operations.flatMap((op, i) => paginatorView(service, op, names, operations[i]!) ?? []);
  const waiters = (service.waiters ?? []).flatMap((w) => waiterView(w, names, operations) ?? []);
  const itemTypes = new Set<string>();
  const named = (ref: TypeRef) => {
    if (ref.named !== undefined) itemTypes.add(ref.named);
    for (const inner of [ref.list, ref.map, ref.eventStream]) if (inner) named(inner);
  };
  for (const p of paginators) if (p.items) named(p.items.type);
  const clientTypeImports = [...new Set([...operations.flatMap((o) => [o.inputType, o.outputType]), ...itemTypes])].filter((n) => n !== 'never').sort();

  const provider = emitterProvider(service.provider);
  const region = provider.exampleRegion;
  const schema = schemaView(service);
  const packageName = service.packageName ?? `@docsdk/${service.provider}-${service.id}`;
  return {
    folder: `${service.provider}-${service.id}`,
    packageName,
    version: packageVersion(versions.generator, service.apiVersion),
    description: `Typed client for ${provider.name} ${service.clientName} (${service.id}), generated by docsdk from the API reference`,
    serviceId: service.id,
    provider: service.provider,
    ...(service.apiVersion ? { apiVersion: service.apiVersion } : {}),
    generatorVersion: versions.generator,
    runtimeVersion: versions.runtime,
    runtimeRange: `^${versions.runtime}`,
    tarballPrefix: packageName.replace(/^@/, '').replace('/', '-'),
    mockEntry: `${packageName}/mock`,
    ...(operations[0] ? { mockExample: operations[0].method } : {}),
    envComment: provider.awsConventions
      ? // The runtime resolves what the AWS SDKs' default chain does (runtime/README.md says what it covers).
        [
          'Left out, region, credentials and endpoint are found as the AWS SDKs find them:',
          `${provider.env.region} or AWS_DEFAULT_REGION, ${provider.env.id} and ${provider.env.secret},`,
          "AWS_PROFILE's ~/.aws/config and ~/.aws/credentials (credential_process too), container",
          'and instance credentials; AWS_ENDPOINT_URL_<SERVICE_ID> or AWS_ENDPOINT_URL.',
        ].join('\n')
      : `Region and credentials may also come from the environment (${provider.env.region}, ${provider.env.id}, ${provider.env.secret}).`,
    typescriptVersion: versions.typescript,
    names,
    client: {
      name: names.client,
      config: names.config,
      doc: docOf(undefined, `Client for ${service.clientName}: one method per documented operation.`),
      region,
    },
    declarations,
    usesDocument: types.includes('document'),
    usesStream: types.includes('stream'),
    operations,
    paginators,
    itemPaginators: paginators.filter((p) => p.items),
    waiters,
    validators: validatorsView(service, names),
    schema,
    errors: errorsView(service, names),
    readme: service.operations.map((op, i) => ({
      method: operations[i]!.method,
      wire: op.name,
      summary: summaryOf(op.documentation),
      links: uniqueLinks(op.documentation),
      example: exampleOf(service, op.input),
      ...(names.paginators.get(op.name) ? { paginator: names.paginators.get(op.name)! } : {}),
      ...(paginators.find((p) => p.operation.wire === op.name)?.items ? { items: paginators.find((p) => p.operation.wire === op.name)!.items! } : {}),
    })),
    clientTypeImports,
    // The schema names no signer when it is the provider's (the runtime's default).
    wire: wireImports(schema.protocol, schema.signatureVersion ?? provider.signatureVersion),
  };
}

/** The links of an operation's documentation, each target once (the first text it has): the README lists them. */
function uniqueLinks(documentation: string): DocLink[] {
  const seen = new Set<string>();
  return linksOf(documentation).filter((l) => !seen.has(l.url) && seen.add(l.url));
}
