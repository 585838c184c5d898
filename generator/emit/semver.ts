/**
 * The little semver docsdk needs: parse `MAJOR.MINOR.PATCH`, compare, and step.
 *
 * @packageDocumentation
 */
/** A semver step: what a change to a package calls for. */
export type Bump = 'major' | 'minor' | 'patch';

/** `[major, minor, patch]` of a version (pre-release and build suffixes ignored). */
export function parseVersion(version: string): [number, number, number] {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) throw new Error(`${JSON.stringify(version)} is not a semver version`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Negative, zero or positive as `a` is lower than, equal to or higher than `b`. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** The next version after `version` for a `bump` step. */
export function nextVersion(version: string, bump: Bump): string {
  const [major, minor, patch] = parseVersion(version);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
