/**
 * The AWS endpoint a service's pattern gives for a region, as the AWS SDKs resolve it minus the rules
 * engine: in the DNS suffix of the region's partition (`cn-north-1` → `.amazonaws.com.cn`). Configured
 * endpoints (option, `AWS_ENDPOINT_URL…`, profile) win over it: ./config.ts,
 * ./credentials/configured.ts.
 *
 * The partition table is that of the AWS SDKs' `partitions.json` (as `@aws-sdk/core` 3.981 bundles
 * it), reduced to what picks a host: the region pattern and the two DNS suffixes. Kept here by hand:
 * it is eight rows, and the SDK's file (with every region listed) would triple the runtime's bundle.
 *
 * @packageDocumentation
 */

/** One AWS partition: which regions it holds and its DNS suffixes. */
export interface Partition {
  /** Partition id, e.g. `aws-cn`. */
  id: string;
  /** Regions of the partition, e.g. `/^cn-\w+-\d+$/`. */
  regionRegex: RegExp;
  /** Suffix of its regional endpoints, e.g. `amazonaws.com.cn`. */
  dnsSuffix: string;
  /** Suffix of its dual-stack endpoints (services whose endpoint is `{service}.{region}.api.aws`). */
  dualStackDnsSuffix: string;
}

// id, region prefix, DNS suffix, dual-stack DNS suffix: one string (this file is in every bundle).
const TABLE =
  'aws (us|eu|ap|sa|ca|me|af|il|mx) amazonaws.com api.aws;aws-cn cn amazonaws.com.cn api.amazonwebservices.com.cn;' +
  'aws-us-gov us-gov amazonaws.com api.aws;aws-iso us-iso c2s.ic.gov api.aws.ic.gov;aws-iso-b us-isob sc2s.sgov.gov api.aws.scloud;' +
  'aws-iso-e eu-isoe cloud.adc-e.uk api.cloud-aws.adc-e.uk;aws-iso-f us-isof csp.hci.ic.gov api.aws.hci.ic.gov;' +
  'aws-eusc eusc-(de) amazonaws.eu api.amazonwebservices.eu';

/**
 * The AWS partitions, `aws` first (it is also where a region no pattern matches goes, as in the SDKs).
 * Each region pattern is `^<prefix>-\w+-\d+$`, as in `partitions.json`.
 */
export const AWS_PARTITIONS: readonly Partition[] = TABLE.split(';').map((row) => {
  const [id, prefix, dnsSuffix, dualStackDnsSuffix] = row.split(' ') as [string, string, string, string];
  return { id, regionRegex: new RegExp(`^${prefix}-\\w+-\\d+$`), dnsSuffix, dualStackDnsSuffix };
});

/** The partition of `region`; `aws` when no pattern matches (a new or private region name). */
export function partitionOf(region: string): Partition {
  return AWS_PARTITIONS.find((p) => p.regionRegex.test(region)) ?? AWS_PARTITIONS[0]!;
}

/**
 * Fills `{region}` in an AWS endpoint pattern and moves its host to the region's partition: a host
 * ending in `.amazonaws.com` takes the partition's `dnsSuffix`, one ending in `.api.aws` its dual-stack
 * suffix. Other hosts (a service's own domain) are left as the pattern says.
 */
export function awsEndpoint(pattern: string, region: string): string {
  const url = pattern.replaceAll('{region}', region);
  const p = partitionOf(region);
  // Only the host is rewritten: the pattern's scheme, port and path stay.
  return url.replace(/^([a-z]+:\/\/[^/:?#]*?)\.(amazonaws\.com|api\.aws)(?=[/:?#]|$)/i, (_, host: string, suffix: string) =>
    `${host}.${suffix.toLowerCase() === 'api.aws' ? p.dualStackDnsSuffix : p.dnsSuffix}`,
  );
}
