/**
 * Names derived from the docs: PascalCase shape and operation names, singular element names.
 * One place for these rules so that readers, the IR and the emitter agree.
 */
import pluralize from 'pluralize';

// Words docs use as mass nouns; pluralize would turn "Data" into "Datum".
for (const word of ['data', 'metadata', 'status', 'media', 'information', 'settings', 'series', 'details']) {
  pluralize.addUncountableRule(word);
}

/**
 * What a service id may be (as the IR and settings schemas say): it names output folders and
 * packages, so it can't hold `/`, `..`, spaces or capitals.
 */
export const SERVICE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Splits a name into words at `_`, `-`, `.`, spaces and other non-alphanumerics. */
function words(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

/**
 * PascalCase of a member or method name, keeping inner capitals: `odbPeeringConnection` →
 * `OdbPeeringConnection`, `get_connection` → `GetConnection`, `peer-vpc id` → `PeerVpcId`.
 * A leading digit gets an `N` prefix so the result is a valid identifier; empty input gives `Shape`.
 */
export function pascalCase(name: string): string {
  const joined = words(name)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  if (!joined) return 'Shape';
  return /^\d/.test(joined) ? `N${joined}` : joined;
}

/** The singular of a PascalCase name (`Tags` → `Tag`, `MacSecKeys` → `MacSecKey`); unchanged when already singular. */
export function singular(name: string): string {
  const m = /^(.*?)([A-Z]?[a-z0-9]+)$/.exec(name);
  if (!m) return name;
  const last = pluralize.singular(m[2]!);
  return m[1]! + last.charAt(0).toUpperCase() + last.slice(1);
}

/** The PascalCase operation name for a snake_case method (`describe_hosted_connections` → `DescribeHostedConnections`). */
export function operationNameOf(method: string): string {
  return pascalCase(method);
}
