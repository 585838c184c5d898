/**
 * The version rule of generated packages.
 *
 * `MAJOR.MINOR.PATCH` where MAJOR.MINOR are the generator's, and PATCH is the API version as a date
 * number times 100 plus the generator's patch: generator 0.1.0 + API `2025-04-04` → `0.1.2025040400`.
 * So a new API version or a generator fix is a patch (picked up by `^0.1.x` ranges, as both are
 * compatible for callers), a generator minor/major change is the matching semver step, and versions only
 * grow when either input grows. Without an API version, PATCH is the generator's patch alone.
 * (The pull-request workflow may bump further from a breaking-change diff; this is the baseline.)
 *
 * @packageDocumentation
 */

/** The package version for `generatorVersion` (semver) and `apiVersion` (`YYYY-MM-DD`, optional). */
export function packageVersion(generatorVersion: string, apiVersion: string | undefined): string {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(generatorVersion);
  if (!m) throw new Error(`generator version ${JSON.stringify(generatorVersion)} is not semver`);
  const [, major, minor, patch] = m;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(apiVersion ?? '');
  const apiNumber = date ? Number(`${date[1]}${date[2]}${date[3]}`) : 0;
  return `${major}.${minor}.${apiNumber * 100 + Number(patch)}`;
}
