/**
 * The contents of a `service.json`, as types: what the loader (`service-settings.ts`) validates and
 * returns and what the checks of it (`shape-references.ts`) read. Kept apart from both so neither
 * imports the other for them.
 */
import type { HttpBinding, Paginator, Provider } from '../ir/model.ts';

/**
 * What the facts say of one documented argument (keyed by its Python name, e.g. `local_vpc_id`):
 * its wire name and type, which the pages do not always give or give wrongly.
 */
export interface ParameterSettings {
  /** Name on the wire (JSON member or query key), e.g. `localVpcId`. */
  name?: string;
  /** Shape id (one of `shapes`) or a scalar name (`String`, `Integer`, `Boolean`, …). */
  target?: string;
  /** Filled with a fresh UUID when the caller gives none. */
  idempotencyToken?: boolean;
  documentation?: string;
}

/** A member of a structure the facts define. */
export interface ShapeMemberSettings {
  target: string;
  required?: boolean;
  /** Other names the pages' examples give this member (the docs' typos, e.g. Baidu's `bandwithInMbp`): read as it, without a warning. */
  documentedAs?: string[];
  documentation?: string;
}

/** A shape the facts define, in the IR's own shape vocabulary (ids refer to `shapes` or scalar names). */
export type ShapeSettings =
  | { type: 'structure' | 'union'; members: Record<string, ShapeMemberSettings>; documentation?: string }
  | { type: 'list'; member: string; documentation?: string }
  | { type: 'map'; key: string; value: string; documentation?: string }
  | { type: 'string' | 'integer' | 'float' | 'boolean' | 'timestamp' | 'blob' | 'stream' | 'document'; enum?: string[]; documentation?: string };

/** Settings of one operation, keyed in `service.json` by its documented method name. */
export interface OperationSettings {
  name?: string;
  http?: HttpBinding;
  paginator?: Paginator;
  /** Arguments of this operation that differ from the service-wide `parameters`. */
  parameters?: Record<string, ParameterSettings>;
  /** Shape id of the response body, when the facts name it (e.g. `PeerConn`). */
  output?: string;
  /**
   * The titles pages that name no method document this operation under (an API-reference page's
   * title, in each rendering), where they differ from its SDK page's heading.
   */
  titles?: string[];
  /**
   * Repairs of the page's response example that are known and accepted (`tab`, `bare-identifier`,
   * `missing-comma`, … of `read/syntax/tolerant-json.ts`), and why: a warning only for others.
   */
  exampleRepairs?: { accept: string[]; why: string };
  /** `none`: sent unsigned, with no credentials looked up (botocore `authtype: none`: Cognito `InitiateAuth`). */
  auth?: 'none';
  /** Prefix of the endpoint's host name (botocore `endpoint.hostPrefix`), e.g. `data-` or `{AccountId}.` (an input member). */
  hostPrefix?: string;
}

/** The contents of a `service.json`. */
export interface ServiceSettings {
  provider?: Provider;
  id?: string;
  packageName?: string;
  clientName?: string;
  apiVersion?: string;
  protocol?: 'awsJson1_0' | 'awsJson1_1' | 'rest-json';
  targetPrefix?: string;
  /** AWS JSON: the service also speaks the query protocol (botocore's `awsQueryCompatible` metadata, e.g. SQS). */
  awsQueryCompatible?: boolean;
  signingName?: string;
  /** AWS: the model's `metadata.serviceId` (`Direct Connect`), which names `AWS_ENDPOINT_URL_<SERVICE>`. */
  serviceId?: string;
  signatureVersion?: 'v4' | 'bce-auth-v1';
  endpoint?: string;
  timestampFormat?: 'epoch-seconds' | 'iso8601';
  operations?: Record<string, OperationSettings>;
  /** Documented arguments, by Python name, for every operation of the service. */
  parameters?: Record<string, ParameterSettings>;
  shapes?: Record<string, ShapeSettings>;
}
