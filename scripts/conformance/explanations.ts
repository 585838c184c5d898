/**
 * Why the mismatches that remain on the conformance corpus are not reader errors: each rule
 * recognises one kind of difference between what boto3's docs show and botocore's model, and
 * says where it comes from. A mismatch no rule explains is reported as unexplained.
 *
 * boto3's parameter aliases (EC2 `Filter` documented as `Filters`, Logs `from` as `fromTime`,
 * CloudSearch Domain `return` as `returnFields`) are no longer a kind here: the readers key such a
 * member by its wire name (generator/read/boto3/aliases.ts), so it scores right.
 */
import type { Mismatch } from '../../test/helpers/botocore.ts';

/** A recognised kind of difference and its cause. */
export interface Explanation {
  id: string;
  reason: string;
  matches(m: Mismatch, service: string): boolean;
}

const lastSegment = (path: string) => path.slice(path.lastIndexOf('.') + 1);

/** The explanations, most specific first. */
export const EXPLANATIONS: readonly Explanation[] = [
  {
    id: 'boto3-injected-parameter',
    reason:
      'boto3 customisations fill these parameters themselves (Glacier accountId defaults to "-", S3 ContentMD5 and checksum members, EC2/RDS PresignedUrl and SourceRegion, S3 SSECustomerKeyMD5 — left out of the Request Syntax, so a rendering without the Parameters does not show it), so the docs mark them optional or hide them.',
    matches: (m, service) =>
      (m.kind === 'required' && /\.accountId$/.test(m.path) && service === 'glacier') ||
      (m.kind === 'member' && /^(ContentMD5|PresignedUrl|DestinationRegion|SourceRegion|Expires|ChecksumAlgorithm)$/.test(lastSegment(m.path))) ||
      (m.kind === 'required' && /\.(PresignedUrl|SourceRegion|DestinationRegion)$/.test(m.path)) ||
      (m.kind === 'member' && service === 's3' && m.actual === '(absent)' && /^(CopySource)?SSECustomerKeyMD5$/.test(lastSegment(m.path))),
  },
  {
    id: 'payload-blob-shown-as-stream',
    reason: 'A blob bound to the HTTP payload travels as the raw body: boto3 documents it as a StreamingBody / file-like object although the model does not mark it streaming.',
    matches: (m) => m.kind === 'type' && m.expected === 'blob' && m.actual === 'stream',
  },
  {
    id: 'json-value-header',
    reason: 'Members carried as JSON in an HTTP header (jsonvalue) are documented as "JSON serializable": a document, though the model types them string.',
    matches: (m) => m.kind === 'type' && m.expected === 'string' && m.actual === 'document' && !/CopySource$/.test(m.path),
  },
  {
    id: 'botocore-documented-synthetic-member',
    reason:
      "botocore's docs handlers document members the model lacks: S3 outputs with an `Expires` header get `ExpiresString`, the raw header value botocore adds to the response (botocore.handlers.document_expires_shape).",
    matches: (m, service) => m.kind === 'member' && m.expected === '(absent)' && service === 's3' && /\.output\.ExpiresString$/.test(m.path),
  },
  {
    id: 'boto3-customised-type',
    reason:
      'boto3 replaces some members with friendlier Python types in its docs (CloudFormation TemplateBody as a dict, S3 CopySource as str-or-dict, DynamoDB attribute values as "valid DynamoDB type").',
    matches: (m) =>
      m.kind === 'type' && (/TemplateBody$|CopySource$/.test(m.path) || m.actual === 'document' || m.expected === 'document'),
  },
  {
    id: 'recursion-cut-short',
    reason:
      'The docs cut a recursive type short ({\'... recursive ...\'}) without naming it or marking it [REQUIRED]; the reader refers it to an enclosing shape by a naming rule (docs/ir.md, rule 6), which cannot always pick the right one. Facts reached through such a reference are what the docs do not show (the conformance run counts them as not shown); this kind is the structure, list, map or union the rule takes for another elsewhere.',
    matches: (m) =>
      m.throughRecursion === true ||
      (m.kind === 'type' && /^(structure|list|map|union)$/.test(m.expected) && /^(structure|list|map|union)$/.test(m.actual)),
  },
];

/** The explanation of a mismatch, if any rule recognises it. */
export function explain(m: Mismatch, service: string): Explanation | undefined {
  return EXPLANATIONS.find((e) => e.matches(m, service));
}
