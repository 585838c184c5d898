/**
 * View model of `schema.ts`: the runtime's {@link ServiceSchema} for the service, as data. Member
 * locations come from each operation's HTTP binding (REST services only; AWS JSON needs none).
 *
 * @packageDocumentation
 */
import type { MemberLocation, Operation, Paginator, Service } from '../../ir/model.ts';
import { emitterProvider } from '../providers.ts';

/** A member of a structure/union shape in the schema. */
export interface SchemaMemberView {
  wire: string;
  target: string;
  required: boolean;
  idempotencyToken: boolean;
  location?: string;
  locationName?: string;
  marker?: boolean;
  /** The caller's name of the member when it is not the wire name (a boto3 parameter alias). */
  documentedName?: string;
}

/** One shape entry. */
export interface SchemaShapeView {
  id: string;
  type: string;
  /** Set for structures and unions (possibly empty). */
  members?: SchemaMemberView[];
  /** Set for structures and unions: `{{#if}}` would treat an empty member list as false. */
  hasMembers?: true;
  listMember?: string;
  mapKey?: string;
  mapValue?: string;
}

/** One operation entry. */
export interface SchemaOperationView {
  name: string;
  input: string;
  output: string;
  errors: string[];
  http?: { method: string; uri: string; queryMarkers?: string[] };
  /** What the runtime's paginate() needs of the IR's paginator (multi-token ones paired by position). */
  paginator?: Pick<Paginator, 'inputToken' | 'outputToken' | 'items' | 'limitKey' | 'moreResults' | 'inputTokens' | 'outputTokens'>;
  /** `none` for an unsigned operation. */
  auth?: 'none';
  /** The host prefix, e.g. `data-`. */
  hostPrefix?: string;
}

/** Everything `schema.ts` holds. */
export interface SchemaView {
  id: string;
  provider: string;
  protocol: string;
  /** The signer, when it is not the provider's default. */
  signatureVersion?: string;
  apiVersion?: string;
  targetPrefix?: string;
  /** Written only when true (the runtime's default is false). */
  awsQueryCompatible?: true;
  signingName?: string;
  /** AWS: the model's service id (`AWS_ENDPOINT_URL_<SERVICE>`). */
  serviceId?: string;
  endpoint: string;
  timestampFormat: string;
  shapes: SchemaShapeView[];
  operations: SchemaOperationView[];
}

/** Locations of input members, from the operations that take `shapeId` as input. */
function locationsOf(operations: readonly Operation[], shapeId: string): Map<string, MemberLocation> {
  const out = new Map<string, MemberLocation>();
  for (const op of operations) {
    if (op.input !== shapeId || !op.http?.members) continue;
    for (const [member, loc] of Object.entries(op.http.members)) out.set(member, loc);
  }
  return out;
}

/** The schema view of `service`. Shapes sorted by id (as in the IR). */
export function schemaView(service: Service): SchemaView {
  const wire = service.wire;
  const provider = emitterProvider(service.provider);
  const rest = wire?.protocol === 'rest-json';
  const shapes: SchemaShapeView[] = Object.keys(service.shapes)
    .sort()
    .map((id) => {
      const s = service.shapes[id]!;
      if (s.type === 'structure' || s.type === 'union') {
        const locations = rest ? locationsOf(service.operations, id) : new Map();
        const members = Object.entries(s.members).map(([wireName, m]) => {
          const loc = locations.get(wireName);
          return {
            wire: wireName,
            target: m.target,
            required: !!m.required,
            idempotencyToken: !!m.idempotencyToken,
            ...(loc && loc.location !== 'body' ? { location: loc.location } : {}),
            ...(loc?.name ? { locationName: loc.name } : {}),
            ...(loc?.marker ? { marker: true } : {}),
            ...(m.documentedName ? { documentedName: m.documentedName } : {}),
          };
        });
        return { id, type: s.type, members, hasMembers: true as const };
      }
      if (s.type === 'list') return { id, type: s.type, listMember: s.member };
      if (s.type === 'map') return { id, type: s.type, mapKey: s.key, mapValue: s.value };
      return { id, type: s.type };
    });
  const operations = service.operations.map((op) => ({
    name: op.name,
    input: op.input,
    output: op.output,
    errors: op.errors,
    ...(rest && op.http ? { http: { method: op.http.method, uri: op.http.uri, ...(op.http.queryMarkers ? { queryMarkers: op.http.queryMarkers } : {}) } } : {}),
    ...(op.paginator ? { paginator: op.paginator } : {}),
    ...(op.auth ? { auth: op.auth } : {}),
    ...(op.hostPrefix ? { hostPrefix: op.hostPrefix } : {}),
  }));
  return {
    id: service.id,
    provider: service.provider,
    protocol: wire?.protocol ?? provider.protocol,
    // Written only where it is not the provider's own signer, which the runtime takes when none is named.
    ...(wire && wire.signatureVersion !== provider.signatureVersion ? { signatureVersion: wire.signatureVersion } : {}),
    ...(service.apiVersion ? { apiVersion: service.apiVersion } : {}),
    ...(wire?.targetPrefix ? { targetPrefix: wire.targetPrefix } : {}),
    ...(wire?.awsQueryCompatible ? { awsQueryCompatible: true as const } : {}),
    ...(wire?.signingName ? { signingName: wire.signingName } : {}),
    ...(wire?.serviceId ? { serviceId: wire.serviceId } : {}),
    endpoint: wire?.endpoint ?? '',
    timestampFormat: wire?.timestampFormat ?? 'epoch-seconds',
    shapes,
    operations,
  };
}
