/**
 * The credentials types, in a file of their own so that the sources (./*.ts) and ../config.ts share
 * them without an import cycle; ../config.ts re-exports them.
 *
 * @packageDocumentation
 */

/** Static credentials. */
export interface Credentials {
  /** AWS access key id / Baidu AK. */
  accessKeyId: string;
  /** AWS secret access key / Baidu SK. */
  secretAccessKey: string;
  /** Session token (AWS STS `x-amz-security-token`, Baidu STS `x-bce-security-token`). */
  sessionToken?: string;
  /** When they stop working: the client asks its provider again 5 minutes before. Absent: never. */
  expiration?: Date;
}

/**
 * A function returning credentials. The client calls it on its first call and keeps the result until
 * 5 minutes before its `expiration` (without one, for the client's life); concurrent calls share one
 * pending call of the provider.
 */
export type CredentialsProvider = () => Promise<Credentials>;
