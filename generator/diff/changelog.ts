/**
 * A package's `CHANGELOG.md`, written by `docsdk version`: newest release first, one entry per version,
 * each change with the rule that classified it. No dates, so the file is the same wherever it is made.
 *
 * @packageDocumentation
 */
import type { PackageReport } from './report.ts';
import type { Change } from './rules.ts';

const TITLE = '# Changelog';

function line(c: Change): string {
  return `- ${c.breaking ? '**breaking** ' : ''}\`${c.path}\`: ${c.rule}${c.detail ? ` (${c.detail})` : ''}`;
}

/** The entry for `version` of a package, from its diff against `since`. */
export function changelogEntry(version: string, since: string, p: PackageReport): string {
  const out = [`## ${version}`, '', `${p.bump === 'major' ? 'Breaking' : p.bump === 'minor' ? 'Compatible' : 'Documentation and wire'} changes since \`${since}\`.`, ''];
  out.push(...p.changes.map(line));
  if (p.documentation.length > 0) out.push(`- documentation: ${p.documentation.length} change${p.documentation.length === 1 ? '' : 's'}`);
  const api = p.api.filter((c) => !c.informational);
  if (api.length > 0) out.push('', 'Public API surface:', '', ...api.map(line));
  return `${out.join('\n')}\n`;
}

/**
 * `existing` (a changelog, or undefined) with `entry` on top; an entry for the same version is
 * replaced, so running `docsdk version` again gives the same file.
 */
export function withEntry(existing: string | undefined, version: string, entry: string): string {
  const body = (existing ?? '').startsWith(TITLE) ? existing!.slice(TITLE.length) : (existing ?? '');
  const entries = body.split(/^(?=## )/m).filter((e) => e.startsWith('## '));
  const kept = entries.filter((e) => e.split('\n', 1)[0] !== `## ${version}`);
  return `${TITLE}\n\n${[entry, ...kept].map((e) => e.trimEnd()).join('\n\n')}\n`;
}
