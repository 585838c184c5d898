/**
 * The service schema: the data a generated client hands to the runtime.
 *
 * Generated clients are data-driven: the emitter writes one constant `ServiceSchema` per service and
 * thin typed methods that pass an `OperationSchema` to {@link RuntimeClient.send}. Everything the wire
 * needs (names, locations, timestamp formats, union-ness) is here, so the runtime needs no per-service
 * code. The emitter codes against these types: fields may be added (optional), never renamed.
 *
 * @packageDocumentation
 */

/**
 * One shape of the service model, referred to by id from {@link ServiceSchema.shapes}.
 *
 * Shapes refer to each other by id (not by nesting) so recursive shapes cost nothing.
 */
export type ShapeSchema =
  /** Key = wire name (the documented member name, unless {@link MemberSchema.documentedName} says otherwise). */
  | { type: 'structure'; members: Record<string, MemberSchema> }
  /** Exactly one key on the wire; an unknown key deserialises to `{ SDK_UNKNOWN_MEMBER: { name, value } }`. */
  | { type: 'union'; members: Record<string, MemberSchema> }
  /**
   * `member` is a shape id. `sparse`: `null` elements are values (sent and kept); otherwise they are
   * dropped both ways, as the AWS SDKs do for dense lists.
   */
  | { type: 'list'; member: string; sparse?: boolean }
  /** `key` and `value` are shape ids. `sparse`: `null` values are values (sent and kept), else dropped. */
  | { type: 'map'; key: string; value: string; sparse?: boolean }
  /**
   * A timestamp; `timestampFormat` when the shape travels otherwise than the service's
   * {@link ServiceSchema.timestampFormat} (Smithy's `@timestampFormat`: `http-date` is RFC 7231's
   * `Sun, 02 Jan 2000 20:34:56 GMT`). Any format is accepted when reading.
   */
  | { type: 'timestamp'; timestampFormat?: 'epoch-seconds' | 'iso8601' | 'http-date' }
  /** Scalars; `enum` is informative (validators use it, the wire does not). */
  | {
      type: 'string' | 'integer' | 'float' | 'boolean' | 'timestamp' | 'blob' | 'stream' | 'document';
      enum?: readonly string[];
    };

/** A member of a structure or union. */
export interface MemberSchema {
  /** Shape id in {@link ServiceSchema.shapes} (shapes may be recursive: refer by id). */
  target: string;
  /** Documented as required. The runtime does not enforce it (generated validators do). */
  required?: boolean;
  /** REST (Baidu) only: where the member travels. Default `body`. */
  location?: 'path' | 'query' | 'body' | 'header';
  /** Name on the wire for path/query/header members when it differs from the member name. */
  locationName?: string;
  /**
   * Query members only: send the member's value as a valueless query key (`action: 'accept'` →
   * `?accept`), as Baidu's action parameters travel.
   */
  marker?: boolean;
  /** Filled with a UUID v4 when absent; the same value is reused across retries of one call. */
  idempotencyToken?: boolean;
  /**
   * The member's name in the caller's input and output when it is not its wire name (the key): boto3
   * documents Logs `CreateExportTask`'s wire member `from` as `fromTime` (a parameter alias).
   */
  documentedName?: string;
}

/** One operation of a service. */
export interface OperationSchema {
  /** PascalCase wire name, e.g. `GetConnection` (AWS: the `X-Amz-Target` suffix). */
  name: string;
  /** Input shape id. */
  input: string;
  /** Output shape id. */
  output: string;
  /** Error codes documented for the operation. */
  errors: readonly string[];
  /**
   * REST binding (Baidu), e.g. `{ method: 'PUT', uri: '/v1/peerconn/{peerConnId}', queryMarkers: ['resize'] }`.
   * `queryMarkers` are valueless query keys (`?resize`).
   */
  http?: { method: string; uri: string; queryMarkers?: readonly string[] };
  /**
   * Pagination, e.g. `{ inputToken: 'marker', outputToken: 'nextMarker', items: 'peerConns', limitKey: 'maxKeys',
   * moreResults: 'isTruncated' }` or `{ inputToken: 'NextToken', outputToken: 'NextToken' }`.
   */
  paginator?: {
    inputToken: string;
    outputToken: string;
    items?: string;
    limitKey?: string;
    moreResults?: string;
    /** Every input token of a multi-token paginator (then `inputToken` is the first). */
    inputTokens?: readonly string[];
    /** Every output token, paired with `inputTokens` by position. */
    outputTokens?: readonly string[];
  };
  /**
   * `'none'`: the operation is sent unsigned and no credentials are looked up (Cognito `InitiateAuth`,
   * `SignUp`: the model's `authtype: none`). Absent: signed with the service's signature.
   */
  auth?: 'none';
  /**
   * Prepended to the endpoint's host name for this operation, e.g. `data-` (Cloud Map
   * `DiscoverInstances`) or `{AccountId}.`, where `{Name}` is the input member `Name` (a host label).
   * Skipped when the client has `disableHostPrefix`.
   */
  hostPrefix?: string;
}

/** Everything the runtime needs to know about a service. */
export interface ServiceSchema {
  /** Service id, e.g. `directconnect`. */
  id: string;
  /**
   * The cloud: environment variable names, request-id header, the default signer (`PROVIDERS` in
   * ./providers.ts).
   */
  provider: 'aws' | 'baidu';
  /** Wire protocol: how requests are built and responses read (`PROTOCOLS` in ./protocols.ts). */
  protocol: 'awsJson1_0' | 'awsJson1_1' | 'rest-json';
  /**
   * How requests are signed (`SIGNERS` in ./signers.ts). Absent: the provider's default (AWS `v4`, Baidu
   * `bce-auth-v1`); the emitter writes it only when a service differs from its provider.
   */
  signatureVersion?: 'v4' | 'bce-auth-v1';
  /** API version (informative). */
  apiVersion?: string;
  /** AWS JSON: `X-Amz-Target` prefix, e.g. `OvertureService`. */
  targetPrefix?: string;
  /**
   * AWS JSON: the service also speaks the older query protocol (the model's `awsQueryCompatible`,
   * e.g. SQS): requests carry `x-amzn-query-mode: true`, and errors the query code and type of the
   * `x-amzn-query-error` header (`AWS.SimpleQueueService.NonExistentQueue;Sender`).
   */
  awsQueryCompatible?: boolean;
  /**
   * The service id of the AWS model (`metadata.serviceId`, e.g. `Direct Connect`): it names
   * `AWS_ENDPOINT_URL_<SERVICE>` and the shared config's `services` key. Else {@link ServiceSchema.id}.
   */
  serviceId?: string;
  /** AWS: SigV4 service name; defaults to {@link ServiceSchema.id}. */
  signingName?: string;
  /** Endpoint pattern, e.g. `https://odb.{region}.api.aws` or `http://bcc.{region}.baidubce.com`. */
  endpoint: string;
  /** How timestamps travel in JSON bodies. */
  timestampFormat: 'epoch-seconds' | 'iso8601';
  /** All shapes, by id. */
  shapes: Record<string, ShapeSchema>;
}
