/**
 * The version rule of generated packages.
 *
 * `MAJOR.MINOR.PATCH` where MAJOR.MINOR are the generator's, and PATCH is the API version as a date
 * number times 100 plus the generator's patch: generator 0.1.0 + API `2025-04-04` → `0.1.2025040400`.
 * So a new API version or a generator fix is a patch (picked up by `^0.1.x` ranges, as both are
 * compatible for callers), a generator minor/major change is the matching semver step, and versions only
 * grow when either input grows. Without an API version, PATCH is the generator's patch alone.
 * (The pull-request workflow may bump further from a breaking-change diff; this is the baseline.)
 * A pre-release generator (`0.2.0-beta.1`) gives a pre-release package (`0.2.2025040400-beta.1`), so
 * it orders below the package of the release generator, as semver orders the generators.
 *
 * @packageDocumentation
 */
import semver from 'semver';

/** The package version for `generatorVersion` (semver) and `apiVersion` (`YYYY-MM-DD`, optional). */
export function packageVersion(generatorVersion: string, apiVersion: string | undefined): string {
  const v = semver.parse(generatorVersion);
  if (!v) throw new Error(`generator version ${JSON.stringify(generatorVersion)} is not semver`);
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(apiVersion ?? '');
  const apiNumber = date ? Number(`${date[1]}${date[2]}${date[3]}`) : 0;
  const pre = v.prerelease.length > 0 ? `-${v.prerelease.join('.')}` : '';
  return `${v.major}.${v.minor}.${apiNumber * 100 + v.patch}${pre}`;
}
