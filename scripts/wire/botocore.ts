/**
 * The botocore models `npm run wire` works from (Debian's python3-botocore 1.29, the models boto3
 * 1.26's docs were written from): loading a service's latest `service-2.json`, botocore's own
 * operation → method naming (`xform_name`), and the `service.json` a service's metadata gives.
 *
 * @packageDocumentation
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Where Debian's python3-botocore keeps its models. */
export const BOTOCORE_DATA = '/usr/lib/python3/dist-packages/botocore/data';

/** A member reference of a botocore structure. */
export interface BotocoreMemberRef {
  shape: string;
  idempotencyToken?: boolean;
  jsonvalue?: boolean;
  location?: string;
  hostLabel?: boolean;
  deprecated?: boolean;
}

/** The parts of a botocore shape the wire check reads. */
export interface BotocoreShape {
  type: string;
  members?: Record<string, BotocoreMemberRef>;
  required?: string[];
  member?: BotocoreMemberRef;
  key?: BotocoreMemberRef;
  value?: BotocoreMemberRef;
  enum?: string[];
  min?: number;
  max?: number;
  union?: boolean;
  document?: boolean;
  streaming?: boolean;
  eventstream?: boolean;
  exception?: boolean;
  sparse?: boolean;
  timestampFormat?: string;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
}

/** A botocore operation. */
export interface BotocoreOperation {
  name: string;
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
  authtype?: string;
  endpoint?: { hostPrefix?: string };
  deprecated?: boolean;
}

/** A botocore `service-2.json`. */
export interface BotocoreModel {
  metadata: {
    apiVersion: string;
    protocol: string;
    jsonVersion?: string;
    targetPrefix?: string;
    signingName?: string;
    endpointPrefix: string;
    serviceId: string;
    timestampFormat?: string;
    awsQueryCompatible?: object;
    signatureVersion?: string;
  };
  operations: Record<string, BotocoreOperation>;
  shapes: Record<string, BotocoreShape>;
}

/** The newest `service-2.json` of `service` under `data`, or undefined. */
export function modelFile(service: string, data = BOTOCORE_DATA): string | undefined {
  const dir = path.join(data, service);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return undefined;
  for (const version of readdirSync(dir).sort().reverse()) {
    for (const name of ['service-2.json', 'service-2.json.gz']) {
      const file = path.join(dir, version, name);
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

/** Loads a model file (gzipped or not). */
export function loadModel(file: string): BotocoreModel {
  const raw = readFileSync(file);
  return JSON.parse((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as BotocoreModel;
}

/** Every botocore service whose protocol is `json` (AWS JSON 1.0/1.1), sorted. */
export function jsonServices(data = BOTOCORE_DATA): string[] {
  return readdirSync(data)
    .filter((s) => {
      const f = modelFile(s, data);
      return f !== undefined && loadModel(f).metadata.protocol === 'json';
    })
    .sort();
}

// botocore/__init__.py: names its regular expressions get wrong.
const XFORM_SPECIAL: Record<string, string> = {
  CreateCachediSCSIVolume: 'create_cached_iscsi_volume',
  DescribeCachediSCSIVolumes: 'describe_cached_iscsi_volumes',
  DescribeStorediSCSIVolumes: 'describe_stored_iscsi_volumes',
  CreateStorediSCSIVolume: 'create_stored_iscsi_volume',
  ListHITsForQualificationType: 'list_hits_for_qualification_type',
  ExecutePartiQLStatement: 'execute_partiql_statement',
  ExecutePartiQLTransaction: 'execute_partiql_transaction',
  ExecutePartiQLBatch: 'execute_partiql_batch',
};

/** botocore's `xform_name`: the boto3 method of an operation (`DescribeHostedConnections` → `describe_hosted_connections`). */
export function xformName(name: string): string {
  const special = XFORM_SPECIAL[name];
  if (special) return special;
  let n = name;
  const m = /[A-Z]{2,}s$/.exec(n);
  if (m) n = `${n.slice(0, -m[0].length)}_${m[0].toLowerCase()}`;
  const s1 = n.replace(/(.)([A-Z][a-z]+)/g, '$1_$2');
  return s1.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * The `service.json` of a JSON-protocol service, from its botocore metadata alone: protocol (by
 * `jsonVersion`), target prefix, signing name (else the endpoint prefix, as botocore signs), the
 * regional endpoint of its endpoint prefix, the timestamp format (JSON's default is epoch seconds),
 * query compatibility, and per operation `authtype: none` → `auth: "none"` and `endpoint.hostPrefix`.
 */
export function serviceSettings(service: string, model: BotocoreModel): Record<string, unknown> {
  const md = model.metadata;
  const operations: Record<string, Record<string, string>> = {};
  for (const op of Object.values(model.operations)) {
    const settings: Record<string, string> = {};
    if (op.authtype === 'none') settings.auth = 'none';
    if (op.endpoint?.hostPrefix) settings.hostPrefix = op.endpoint.hostPrefix;
    if (Object.keys(settings).length > 0) operations[xformName(op.name)] = settings;
  }
  return {
    provider: 'aws',
    id: service,
    apiVersion: md.apiVersion,
    protocol: md.jsonVersion === '1.0' ? 'awsJson1_0' : 'awsJson1_1',
    ...(md.targetPrefix ? { targetPrefix: md.targetPrefix } : {}),
    ...(md.awsQueryCompatible ? { awsQueryCompatible: true } : {}),
    signingName: md.signingName ?? md.endpointPrefix,
    signatureVersion: 'v4',
    endpoint: `https://${md.endpointPrefix}.{region}.amazonaws.com`,
    timestampFormat: md.timestampFormat === 'iso8601' ? 'iso8601' : 'epoch-seconds',
    ...(Object.keys(operations).length > 0 ? { operations } : {}),
  };
}

/** The npm package of the official AWS SDK for JavaScript v3 client: its serviceId, lower-cased, spaces as hyphens. */
export function officialPackage(model: BotocoreModel): string {
  return `@aws-sdk/client-${model.metadata.serviceId.toLowerCase().replace(/ /g, '-')}`;
}
