/**
 * Comparing what the two clients did: JSON bodies and deserialised outputs, as lists of the paths
 * where they differ (empty when they agree).
 *
 * @packageDocumentation
 */

/**
 * A deserialised output in one spelling, so docsdk's and the AWS SDK's can be compared: `$metadata`
 * and undefined members dropped, the AWS SDK's unknown union member `{ $unknown: [name, value] }`
 * written as docsdk's (and boto3's) `{ SDK_UNKNOWN_MEMBER: { name } }`, dates as ISO strings (or
 * `Invalid Date`), bytes as hex, NaN and ±Infinity as their names.
 */
export function normalise(v: unknown): unknown {
  if (v instanceof Date) return { $date: Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString() };
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString('hex') };
  if (typeof v === 'number' && !Number.isFinite(v)) return { $number: String(v) };
  // The AWS SDK's LazyJsonString (a `jsonvalue` string) is a String object.
  if (v instanceof String) return v.toString();
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === '$metadata' || x === undefined) continue;
      // The member's name is compared; its raw value is not (the AWS SDK keeps it; docsdk's runtime did not until this session).
      if (k === '$unknown' && Array.isArray(x)) out.SDK_UNKNOWN_MEMBER = { name: x[0] };
      else if (k === 'SDK_UNKNOWN_MEMBER' && x && typeof x === 'object') out.SDK_UNKNOWN_MEMBER = { name: (x as { name: unknown }).name };
      else out[k] = normalise(x);
    }
    return out;
  }
  return v;
}

/** One place two values differ. */
export interface Difference {
  /** `a.b[2].c`; empty for the root. */
  path: string;
  ours: unknown;
  theirs: unknown;
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** Text of a difference for the report. */
export function describe(d: Difference): string {
  return `${d.path || '(root)'}: docsdk ${show(d.ours)}, AWS SDK ${show(d.theirs)}`;
}

/** The paths where `ours` and `theirs` (plain JSON-like values) differ, in key order. */
export function differences(ours: unknown, theirs: unknown, at = ''): Difference[] {
  if (Object.is(ours, theirs)) return [];
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    const out: Difference[] = [];
    if (ours.length !== theirs.length) return [{ path: `${at}.length`, ours: ours.length, theirs: theirs.length }];
    ours.forEach((x, i) => out.push(...differences(x, theirs[i], `${at}[${i}]`)));
    return out;
  }
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (isObj(ours) && isObj(theirs)) {
    const out: Difference[] = [];
    const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])];
    for (const k of keys) out.push(...differences(ours[k], theirs[k], at ? `${at}.${k}` : k));
    return out;
  }
  return [{ path: at, ours, theirs }];
}
