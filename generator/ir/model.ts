/**
 * The intermediate operation model (IR): what every reader produces and every emitter, diff and
 * test consumes. Field names are a public contract (docs/ir.md, generator/ir/ir.schema.json):
 * fields may be added, never renamed.
 */

/** Version of the IR contract; bumped only on an incompatible change. */
export const IR_VERSION = 1;

/** The whole model: every service read from the given documents. */
export interface IR {
  irVersion: typeof IR_VERSION;
  services: Service[];
}

/** The providers docsdk reads documentation of. */
export type Provider = 'aws' | 'baidu';

/** One service: its client, its operations and every shape they reach. */
export interface Service {
  /** Provider's service id, e.g. `partnercentral-account` (from the page or its folder). */
  id: string;
  provider: Provider;
  /** The client as the docs name it, e.g. `PartnerCentralAccountAPI`, `odb`, `PeerConnClient`. */
  clientName: string;
  /** API version, e.g. `2025-04-04`, from the "See also" link or the service's settings. */
  apiVersion?: string;
  /** npm package name of the generated client, from the service's settings. */
  packageName?: string;
  /** How calls travel: protocol, endpoint, signing (from the service's settings; pages don't say). */
  wire?: WireSettings;
  /** Operations sorted by name. */
  operations: Operation[];
  /** Shapes keyed by shape id; keys sorted. */
  shapes: Record<string, Shape>;
  /** Waiters the docs document (boto3's Waiter sections and pages), sorted by name. */
  waiters?: Waiter[];
  /**
   * Error classes the docs document apart from the operations (boto3's "Client Exceptions"
   * sections and exception pages), sorted by name: their documentation and members.
   */
  exceptions?: ErrorClass[];
  /** Recoverable oddities found while reading this service (e.g. page and facts disagree). */
  warnings?: Warning[];
}

/**
 * A documented waiter: which operation it polls, every how many seconds and how many times. boto3's
 * pages do not show the acceptors (the conditions that end the wait): callers give them.
 */
export interface Waiter {
  /** PascalCase as documented, e.g. `TableExists`. */
  name: string;
  /** Wire name of the operation polled, e.g. `DescribeTable`. */
  operation: string;
  /** Seconds between attempts. */
  delay: number;
  /** Attempts before the wait fails. */
  maxAttempts: number;
  source: SourceRef;
}

/** A documented error class: its documentation and, where shown, the members its error body carries. */
export interface ErrorClass {
  /** The error code, as the Exceptions lists name it, e.g. `TransactionCanceledException`. */
  name: string;
  documentation?: string;
  /** Structure shape of the members the docs show on the error (boto3's generic `Error` member left out). */
  shape?: string;
  source: SourceRef;
}

/** The wire facts of a service, from its `service.json`. */
export interface WireSettings {
  protocol: 'awsJson1_0' | 'awsJson1_1' | 'rest-json';
  /** `X-Amz-Target` prefix (AWS JSON protocols). */
  targetPrefix?: string;
  /** AWS JSON: the service also speaks the query protocol; requests ask for its error codes (`x-amzn-query-mode`). */
  awsQueryCompatible?: boolean;
  signingName?: string;
  /** AWS: the model's `metadata.serviceId` (`Direct Connect`), which names `AWS_ENDPOINT_URL_<SERVICE>`. */
  serviceId?: string;
  signatureVersion: 'v4' | 'bce-auth-v1';
  /** Endpoint pattern with `{region}`. */
  endpoint: string;
  timestampFormat: 'epoch-seconds' | 'iso8601';
}

/** Where a fact came from: a file (relative to the working directory, `/`-separated) and a 1-based line. */
export interface SourceRef {
  file: string;
  line: number;
}

/** A recoverable oddity recorded in the model, with every location that took part in it. */
export interface Warning {
  message: string;
  sources: SourceRef[];
}

/** One API operation. */
export interface Operation {
  /** PascalCase wire name, e.g. `GetConnection`. */
  name: string;
  /** The method as documented, e.g. `get_connection`. */
  method: string;
  documentation: string;
  /** Input shape id (always a structure). */
  input: string;
  /** Output shape id (always a structure; an empty one when the docs show none). */
  output: string;
  /** Error shape names from the Exceptions list, in document order. */
  errors: string[];
  deprecated: boolean;
  /** The deprecation note, when the docs give one. */
  deprecationMessage?: string;
  /** The docs' link to the operation in the service's API reference (boto3's "See also: AWS API Documentation"). */
  apiReference?: string;
  /** HTTP binding: how a call goes over the wire. */
  http?: HttpBinding;
  /** Pagination, when the operation pages through results. */
  paginator?: Paginator;
  /** `none`: sent unsigned, no credentials looked up (from the service's settings: pages don't say). */
  auth?: 'none';
  /** Prefix of the endpoint's host name, e.g. `data-` or `{AccountId}.` (an input member), from the settings. */
  hostPrefix?: string;
  /** Sections its page does not show whole (cut short, missing, or hidden behind a placeholder). */
  incomplete?: SectionGap[];
  sources: SourceRef[];
}

/**
 * A section of an operation's page that is not there whole: `missing` (the page ends, or goes on,
 * without it), `cut` (it starts and breaks off), `hidden` (a placeholder stands for it: boto3 writes
 * "This section is too large to render"). What the section would show is unknown, never defaulted.
 */
export interface SectionGap {
  /** As the page names it: `Request Syntax`, `Parameters`, `Response Syntax`, `Response Structure`, `Exceptions`, … */
  section: string;
  state: 'missing' | 'cut' | 'hidden';
}

/** Where each input member travels in an HTTP request. */
export interface HttpBinding {
  method: string;
  /** URI template, e.g. `/v1/peerconn/{peerConnId}`; `/` for AWS JSON protocols. */
  uri: string;
  /** Valueless query keys marking an action, e.g. `resize` in `?resize`. */
  queryMarkers?: string[];
  /** Input member name → where it goes. Members not listed travel in the body. */
  members?: Record<string, MemberLocation>;
}

/** One input member's place in an HTTP request. */
export interface MemberLocation {
  location: 'path' | 'query' | 'header' | 'body';
  /** Name on the wire when it differs from the member name. */
  name?: string;
  /**
   * The member's value is itself a valueless query key: `action: 'accept'` is sent as `?accept`
   * (Baidu's accept/reject). Only with location `query`.
   */
  marker?: boolean;
}

/**
 * How an operation pages: the token members and, when known, the items and page-size members.
 * A multi-token paginator (S3 ListObjectVersions: KeyMarker and VersionIdMarker) lists every token
 * in `inputTokens`/`outputTokens`, paired by position; `inputToken`/`outputToken` are their first.
 */
export interface Paginator {
  inputToken: string;
  /** An output member, or a `.`-separated path to one inside an output structure (`DistributionList.NextMarker`). */
  outputToken: string;
  /** The first of `resultKeys`: the member whose elements the items iterator yields. */
  items?: string;
  limitKey?: string;
  /** Output member that is true while more pages follow (e.g. `isTruncated`). */
  moreResults?: string;
  /** Every input token, when there is more than one. */
  inputTokens?: string[];
  /** Every output token, when there is more than one (same order as `inputTokens`). */
  outputTokens?: string[];
  /** Every member a page's results are in (paths as `outputToken`), when the docs show more than one or the paginator is documented. */
  resultKeys?: string[];
  /** The paginator section or page the docs document it in (absent for paginators guessed from token members or given by settings). */
  source?: SourceRef;
}

/** The shape kinds of the IR. */
export type ShapeType =
  | 'structure'
  | 'union'
  | 'list'
  | 'map'
  | 'string'
  | 'integer'
  | 'float'
  | 'boolean'
  | 'timestamp'
  | 'blob'
  | 'stream'
  | 'document';

/** A shape: a structure, a tagged union, a collection or a scalar. */
export type Shape = StructureShape | ListShape | MapShape | ScalarShape;

/** A structure, or a tagged union (exactly one member set). */
export interface StructureShape {
  type: 'structure' | 'union';
  documentation?: string;
  /**
   * A union whose values arrive one after another as a stream of events (an event stream): each
   * member is one kind of event, and a member of this type is an async sequence of them.
   */
  eventStream?: boolean;
  /** Members keyed by wire name, in document order. */
  members: Record<string, Member>;
}

/** A member of a structure or union. */
export interface Member {
  /** Target shape id. */
  target: string;
  required?: boolean;
  /**
   * Facts the pages do not show, so nothing can be claimed: `required` when no entry says; `type`
   * when the page shows a placeholder or only names the type (`target` then stands for it: a
   * `Document`, or a shape named as the page names the type); `location` when the page does not
   * show where in the request the member travels (the binding then has no entry for it).
   */
  unknown?: ('required' | 'type' | 'location')[];
  documentation?: string;
  /** Filled with a fresh UUID when the caller gives none (idempotency tokens). */
  idempotencyToken?: boolean;
  /**
   * The name the docs give the member when it is not its wire name (the key): boto3's parameter
   * aliases, e.g. Logs `CreateExportTask`'s `from` documented as `fromTime`. Generated code takes and
   * returns the member under this name and sends it under the key.
   */
  documentedName?: string;
}

/** A list of `member`. */
export interface ListShape {
  type: 'list';
  member: string;
  documentation?: string;
}

/** A map from `key` to `value`. */
export interface MapShape {
  type: 'map';
  key: string;
  value: string;
  documentation?: string;
}

/** A scalar; strings may carry the documented enum values. */
export interface ScalarShape {
  type: 'string' | 'integer' | 'float' | 'boolean' | 'timestamp' | 'blob' | 'stream' | 'document';
  enum?: string[];
  documentation?: string;
}
