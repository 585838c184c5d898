/**
 * The "Request structure" block of a Baidu API-reference page: a request line
 * (`PUT /v{version}/peerconn/{peerConnId}?{action}&clientToken={clientToken} HTTP/1.1`), header
 * lines (`Host:`, `Authorization: authorization string`) and, sometimes, a body template whose
 * values are bare placeholders (`"name": name`) — a template, not JSON: member names and nesting
 * are read, values only for the type a literal shows.
 */
import { parsePrefix } from '../syntax/literal-prefix.ts';
import { parseTolerantJson, type JsonNode } from '../syntax/tolerant-json.ts';
import type { SiteCodeLine } from './site-text.ts';

/** One place the URI puts a parameter. */
export interface UriParameter {
  /** The parameter (the placeholder's name; for `key=value` pairs, the key). */
  name: string;
  location: 'path' | 'query';
  /** The query key when it differs from the placeholder (`vpc={vpcId}`). */
  key?: string;
  /** A bare `{action}` in the query: the parameter's value is itself the key (`?resize`). */
  marker?: boolean;
}

/** What the request line says. */
export interface RequestLine {
  method: string;
  /** The URI template as written, query included. */
  template: string;
  /** The path part (the IR's `uri`). */
  path: string;
  parameters: UriParameter[];
  /** Valueless literal query keys (`?resize` written without braces). */
  queryMarkers: string[];
  line: number;
  column: number;
}

/** A request block, read. */
export interface RequestStructure {
  request?: RequestLine;
  /** The body template's value, when the block has one that could be read (a cut one up to the cut). */
  body?: JsonNode;
  /** Where the body template starts, for positions inside it. */
  bodyLines?: SiteCodeLine[];
  /** The body template breaks off (a cut page) or can't be read. */
  bodyCut?: boolean;
  problems: { message: string; line: number; column: number }[];
}

/** The longest template whose prefixes are tried when it does not parse whole (1 MB). */
const PREFIX_LIMIT = 1 << 20;

const REQUEST_LINE = /^(GET|PUT|POST|DELETE|HEAD|PATCH|OPTIONS)\s+(\S+)(?:\s+HTTP\/[\d.]+)?\s*$/;
const HEADER_LINE = /^[A-Za-z][\w-]*\s*:/;

/** Reads the lines of a request block: its request line, headers and body template. */
export function readRequestStructure(lines: readonly SiteCodeLine[]): RequestStructure {
  const out: RequestStructure = { problems: [] };
  const at = lines.findIndex((l) => l.text.trim() !== '');
  const first = lines[at];
  const m = first ? REQUEST_LINE.exec(first.text.trim()) : null;
  if (!first || !m) {
    const where = first ?? lines[0];
    out.problems.push({ message: 'expected a request line "<METHOD> <URI template> HTTP/1.1"', line: where?.line ?? 1, column: where?.column ?? 1 });
    return out;
  }
  out.request = parseRequestLine(m[1]!, m[2]!, first.line, first.column + first.text.search(/\S/));
  let i = at + 1;
  while (i < lines.length && HEADER_LINE.test(lines[i]!.text.trim())) i++;
  while (i < lines.length && lines[i]!.text.trim() === '') i++;
  const bodyLines = lines.slice(i);
  if (bodyLines.length > 0 && /^[{[]/.test(bodyLines[0]!.text.trim())) {
    out.bodyLines = bodyLines;
    const read = readTemplate(bodyLines.map((l) => l.text).join('\n'));
    if (read.value) out.body = read.value;
    if (read.cut) out.bodyCut = true;
  }
  return out;
}

/**
 * A JSON-like template or example, read whole when it can be, else as far as it goes before it
 * breaks off (its open brackets closed): `cut` then says the containers it closed may have had more.
 */
export function readTemplate(text: string): { value?: JsonNode; cut: boolean } {
  const whole = parseTolerantJson(text);
  if (whole.value && whole.problems.length === 0) return { value: whole.value, cut: false };
  // Each prefix tried is parsed again: past a size no documentation example reaches, none is tried.
  if (text.length > PREFIX_LIMIT) return { cut: true };
  const lines = text.split('\n').length;
  const prefix = parsePrefix(text, lines, (t) => {
    const r = parseTolerantJson(t);
    if (!r.value || r.problems.length > 0) throw new Error('not yet');
    return r.value;
  });
  return prefix ? { value: prefix.value, cut: true } : { cut: true };
}

/** Splits a request line's URI into its path, placeholders and query keys. */
export function parseRequestLine(method: string, template: string, line: number, column: number): RequestLine {
  const q = template.indexOf('?');
  const path = q < 0 ? template : template.slice(0, q);
  const query = q < 0 ? '' : template.slice(q + 1);
  const parameters: UriParameter[] = [];
  const queryMarkers: string[] = [];
  for (const [, name] of path.matchAll(/\{([A-Za-z_][\w-]*)\+?\}/g)) parameters.push({ name: name!, location: 'path' });
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      const placeholder = /^\{([A-Za-z_][\w-]*)\}$/.exec(part);
      if (placeholder) parameters.push({ name: placeholder[1]!, location: 'query', marker: true });
      else queryMarkers.push(part);
      continue;
    }
    const key = part.slice(0, eq);
    const value = /^\{([A-Za-z_][\w-]*)\}$/.exec(part.slice(eq + 1));
    const name = value ? value[1]! : key;
    parameters.push(name === key ? { name, location: 'query' } : { name, location: 'query', key });
  }
  return { method, template, path, parameters, queryMarkers, line, column };
}
