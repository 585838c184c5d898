/** The "See also: AWS API Documentation" link: service id, API version and PascalCase operation. */

// The operation ends where the link target does (`>`): a page cut inside the URL names no operation.
const LINK = /goto\/WebAPI\/(?<service>[a-z0-9][a-z0-9-]*?)-(?<version>\d{4}-\d{2}-\d{2})\/(?<operation>[A-Za-z0-9_]+)>/;

/** What the link names, when `text` holds one. */
export function parseSeeAlso(text: string): { serviceId: string; apiVersion: string; operation: string } | undefined {
  if (!/^See also:/.test(text)) return undefined;
  const m = LINK.exec(text);
  if (!m?.groups) return undefined;
  return { serviceId: m.groups.service!, apiVersion: m.groups.version!, operation: m.groups.operation! };
}

/** The link's URL (rebuilt from what it names, so only its checked parts reach generated files). */
export function seeAlsoUrl(link: { serviceId: string; apiVersion: string; operation: string }): string {
  return `https://docs.aws.amazon.com/goto/WebAPI/${link.serviceId}-${link.apiVersion}/${link.operation}`;
}

/** Whether a line is the "See also" line, with or without its link target (rendered text). */
export function isSeeAlsoLine(text: string): boolean {
  return /^See also:\s*AWS API Documentation/.test(text) || /^See also:\s*`AWS API Documentation/.test(text);
}
