/**
 * `@docsdk/runtime`: the wire runtime every docsdk-generated client imports.
 *
 * @packageDocumentation
 */
export type { ShapeSchema, MemberSchema, OperationSchema, ServiceSchema } from './schema.ts';
export { RuntimeClient, WireClient, type ServiceWire, type SendOptions, type MetadataBearer } from './client.ts';
export { paginate, paginateItems, RepeatedTokenError } from './paginate.ts';
export { wait, WaiterTimeoutError, type WaitCondition, type WaitOptions, type WaitResult, type WaiterSpec } from './waiter.ts';
export {
  ENV_NAMES,
  type ClientConfig,
  type Credentials,
  type CredentialsProvider,
  type RetryTuning,
} from './config.ts';
export {
  ServiceError,
  ValidationError,
  CredentialsError,
  ConfigError,
  RequestError,
  TimeoutError,
  NetworkError,
  AbortError,
  ResponseParseError,
  type ServiceErrorConstructor,
  type ServiceErrorInit,
  type ErrorRegistry,
  type ResponseMetadata,
  type CredentialSource,
  type ValidationProblem,
} from './errors.ts';
export { AWS_PARTITIONS, partitionOf, awsEndpoint, type Partition } from './endpoints.ts';
export { cachedProvider, REFRESH_BEFORE_MS, type CacheOptions } from './credentials/cache.ts';
export { addProblem, nestProblems, ownValue, isAsyncIterable, noProblems, type Problems } from './validation.ts';
export { PROVIDERS, providerFor, type Provider } from './providers.ts';
export { PROTOCOLS, protocolFor } from './protocols.ts';
export { SIGNERS, signatureSchemeFor } from './signers.ts';
// Each protocol and signature scheme by its own name: generated clients import the two their schema names
// (and hand them to WireClient), so a bundle holds no other.
export { awsJson1_0, awsJson1_1 } from './aws-json.ts';
export { bceRestJson } from './bce-rest-json.ts';
export { sigV4 } from './signers.ts';
export { bceAuthV1 } from './bce-auth.ts';
export {
  uriEncode,
  type Protocol,
  type Signer,
  type SignatureScheme,
  type WireRequest,
  type WireError,
} from './wire.ts';
export type { WireResponse, HeaderReader } from './transport.ts';
export { signBce, bceUriEncode, bceTimestamp, type BceSignRequest, type BceSignOptions } from './bce-auth.ts';
export {
  isRetryable,
  retryKind,
  backoffDelay,
  retryAfterMs,
  retryDelay,
  skewCorrection,
  RetryQuota,
  RETRYABLE_CODES,
  THROTTLING_CODES,
  CLOCK_SKEW_CODES,
  type RetryKind,
} from './retry.ts';
export type { Interceptor, InterceptorContext, Hook, HttpRequest, HttpResponse, Logger } from './interceptors.ts';
export { VERSION } from './version.ts';
export { serialize, deserialize, toBase64, fromBase64, type UnknownUnionMember } from './serde.ts';
export { sanitizeAwsErrorCode } from './aws-json.ts';
