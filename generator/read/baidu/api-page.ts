/**
 * Reading a Baidu API-reference page (the "OpenAPI documentation" every SDK page links to) into
 * one operation: the request line gives the HTTP method, the URI template and where the URI puts
 * each parameter; the request-parameter table gives each parameter's type, whether it is required
 * and where it travels (URL / Query / RequestBody); the body template adds the members it holds
 * that the table leaves out (and the members of the types the table only names); the
 * response-parameter table (or the one-line note that there are none) gives the output.
 *
 * The page names no method: the operation takes its title, and the IR gives it the method of the
 * SDK page's reading of the same operation (`generator/ir/align.ts`). Only what the page shows is
 * claimed: a parameter whose required cell is not shown has `required` unknown, a placeholder's
 * type is unknown, a type the page only names is a document standing for the name.
 *
 * The same page also comes as the API reference's general pages (common headers and errors, the
 * general description), which hold no operation, and as the site's navigation tree alone (a page
 * cut before its body).
 */
import { DiagnosticSink } from '../../diagnostics.ts';
import type { HttpBinding, MemberLocation, SectionGap } from '../../ir/model.ts';
import type { MemberNode, ReadOperation, ReadPage, StructureNode, TypeNode } from '../../ir/input.ts';
import { joinParagraphs } from '../doc-text.ts';
import type { JsonNode } from '../syntax/tolerant-json.ts';
import { readRequestStructure, type RequestStructure } from './api-request.ts';
import { parameterColumns, parameterRows, typeOfName, typeText, type ParameterRow } from './api-table.ts';
import { readSitePage, type SiteBlock, type SiteCodeLine, type SitePage, type SiteRendering } from './site-text.ts';

/** The parts of an API-reference page, in order, by the name each rendering gives them. */
const LAYOUT = [
  { part: 'description', current: 'Description', older: 'Description' },
  { part: 'structure', current: 'Request structure', older: 'Request Structure' },
  { part: 'requestHeaders', current: 'Request headers', older: 'Request Header' },
  { part: 'parameters', current: 'Request parameters', older: 'Request Parameter' },
  { part: 'responseHeaders', current: 'Response headers', older: 'Return Header' },
  { part: 'response', current: 'Response parameters', older: 'Return Parameter' },
  { part: 'requestExample', current: 'Request example', older: 'Request Example' },
  { part: 'responseExample', current: 'Response example', older: 'Return Example' },
] as const;

type Part = (typeof LAYOUT)[number]['part'];

/** Every way the pages write a part's heading (either rendering's, singular or plural). */
const HEADINGS = new Map<string, Part>();
for (const l of LAYOUT) {
  for (const name of [l.current, l.older]) {
    const key = name.toLowerCase();
    HEADINGS.set(key, l.part);
    HEADINGS.set(key.endsWith('s') ? key.slice(0, -1) : `${key}s`, l.part);
  }
}
HEADINGS.set('return parameters', 'response');
HEADINGS.set('response parameter', 'response');
HEADINGS.set('return example', 'responseExample');

/** Parts whose loss loses IR facts (the others are notes and examples). */
const FACT_PARTS: ReadonlySet<Part> = new Set(['structure', 'parameters', 'response']);

/** Headings of the API reference's general pages (common headers and errors, the general description). */
const GENERAL_HEADINGS = new Set(
  [
    'Common header specifications', 'Common request headers', 'Common request header', 'Common response header', 'Common response headers',
    'Error response', 'BCE global error codes', 'Public Header Specification', 'Public Request Header', 'Public Response Header',
    'Error Return', 'BCE Common Error Code', 'Identity Verification', 'API Authentication Mechanism',
    'Code Encryption Transmission Specification Definition', 'Idempotence', 'Service Domain Name',
  ].map((h) => h.toLowerCase()),
);

/** Whether text is a page of Baidu's API reference (an operation's page, a general page, or only the site's navigation). */
export function isBaiduApiReference(text: string): boolean {
  const head = text.slice(0, 1 << 20);
  if (/^\s*Request\s+[Ss]tructure\s*$/m.test(head) && /^\s*\d*\s*(?:GET|PUT|POST|DELETE|HEAD|PATCH)\s+\/\S*/m.test(head)) return true;
  if (/Parameter (?:location|position)/.test(head) && /^\s*(?:Request|Return|Response)\s+[Pp]arameters?\s*$/m.test(head)) return true;
  const lines = head.split(/\r?\n/, 400).map((l) => l.trim().toLowerCase());
  if (lines.filter((l) => GENERAL_HEADINGS.has(l)).length >= 2) return true;
  return readSitePageHead(head);
}

/** A page that is only the site's navigation tree (title, `X X`, `• entries`). */
function readSitePageHead(text: string): boolean {
  if (!/^.+\r?\n\s*\r?\n(\S+) \1\s*\r?\n/.test(text)) return false;
  return readSitePage(text).navigationOnly !== undefined;
}

/** A section: its part of the layout (or a heading of a general page), its heading line, its blocks. */
interface Section {
  part?: Part;
  title: string;
  line: number;
  blocks: SiteBlock[];
}

/** Reads an API-reference page. */
export function readApiReferencePage(text: string, file: string, format: string): ReadPage {
  const sink = new DiagnosticSink(file);
  const page: ReadPage = { file, format, service: { provider: 'baidu' }, operations: [], skipped: [], diagnostics: sink.items, warnings: [] };
  const site = readSitePage(text);
  if (site.navigationOnly) {
    sink.error(
      site.lastLine,
      `only the site's navigation tree is shown (${site.navigationOnly.entries} entries after "${site.title?.text ?? ''}"): the page's body is not reached (a page cut short?)`,
    );
    return page;
  }
  const sections = sectionsOf(site);
  const parts = sections.filter((s) => s.part !== undefined);
  if (!parts.some((s) => s.part === 'structure' || s.part === 'parameters')) {
    // A general page of the reference: its sections, no operation.
    for (const s of sections) if (s.title && s.line !== site.title?.line) page.skipped.push({ kind: 'other', name: s.title, source: { file, line: s.line } });
    if (page.skipped.length === 0) sink.error(site.lastLine, 'no "Request structure" and no general section of the API reference on this page: expected an operation page or a general page');
    return page;
  }
  const op = readOperation(site, sections, sink);
  if (op) page.operations.push(op);
  return page;
}

/** Cuts the page's blocks into sections at the layout's headings (and the general pages' headings). */
function sectionsOf(site: SitePage): Section[] {
  const sections: Section[] = [{ title: '', line: site.title?.line ?? 1, blocks: [] }];
  for (const block of site.blocks) {
    if (block.kind === 'text') {
      const key = block.text.trim().toLowerCase();
      const part = HEADINGS.get(key);
      if (part || GENERAL_HEADINGS.has(key)) {
        sections.push({ ...(part ? { part } : {}), title: block.text.trim(), line: block.line, blocks: [] });
        continue;
      }
    }
    sections[sections.length - 1]!.blocks.push(block);
  }
  return sections;
}

/** The operation an API-reference page documents. */
function readOperation(site: SitePage, sections: readonly Section[], sink: DiagnosticSink): ReadOperation | undefined {
  const title = site.title?.text ?? '';
  const of = (part: Part) => sections.find((s) => s.part === part);
  const older = site.rendering !== 'current';
  const nameOf = (part: Part) => LAYOUT.find((l) => l.part === part)![older ? 'older' : 'current'];

  // Description: its own section, or (no heading) the blocks between the date line and the request structure.
  const description = of('description') ?? sections[0]!;
  const paragraphs = description.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : b.kind === 'item' ? [`- ${b.text}`] : []));

  const structureSection = of('structure');
  let structure: RequestStructure | undefined;
  if (structureSection) {
    structure = readRequestStructure(codeLinesOf(structureSection));
    for (const p of structure.problems) sink.error(p.line, `"${title}": ${structureSection.title}: ${p.message}`, p.column);
  }

  const parametersSection = of('parameters');
  const rows: ParameterRow[] = [];
  let parametersCut = false;
  if (parametersSection) {
    const table = parametersSection.blocks.find((b): b is Extract<SiteBlock, { kind: 'table' }> => b.kind === 'table' && parameterColumns(b) !== undefined);
    if (table) {
      const read = parameterRows(table, parameterColumns(table)!);
      for (const p of read.problems) sink.warning(p.line, `"${title}": ${parametersSection.title}: ${p.message}`);
      rows.push(...read.rows);
      parametersCut = table.rows.some((r) => r.cut);
    }
  }

  const input = inputOf(title, structure, rows, parametersCut, sink, parametersSection?.line ?? structureSection?.line ?? 1);
  const responseSection = of('response');
  const output = responseSection ? outputOf(responseSection, title, sink) : undefined;
  const errors = responseSection ? errorCodesOf(responseSection) : [];

  const gaps = gapsOf(site, sections, nameOf);
  const lost = gaps.filter((g) => FACT_PARTS.has(LAYOUT.find((l) => l[older ? 'older' : 'current'] === g.section)?.part ?? 'description'));
  if (gaps.length > 0) {
    const where = gaps.map((g) => `${g.section} (${g.state})`).join(', ');
    const message = `"${title}": the page ends before it is whole (a page cut short?): ${where}`;
    if (lost.length > 0) sink.error(site.lastLine, message);
    else sink.warning(site.lastLine, message);
  }

  const op: ReadOperation = {
    method: methodOfTitle(title),
    methodFromTitle: true,
    title,
    documentation: joinParagraphs(paragraphs),
    deprecated: false,
    input: input.node,
    errors,
    source: { file: sink.file, line: site.title?.line ?? 1 },
  };
  if (output) op.output = output;
  if (structure?.request) {
    const http: HttpBinding = { method: structure.request.method, uri: structure.request.path };
    if (structure.request.queryMarkers.length > 0) http.queryMarkers = [...structure.request.queryMarkers];
    if (Object.keys(input.locations).length > 0) http.members = input.locations;
    op.http = http;
  }
  if (gaps.length > 0) op.incomplete = gaps;
  return op;
}

/** The code lines of a section: its code blocks, or — raw code in the older renderings — its prose lines. */
function codeLinesOf(section: Section): SiteCodeLine[] {
  const code = section.blocks.filter((b): b is Extract<SiteBlock, { kind: 'code' }> => b.kind === 'code');
  if (code.length > 0) return code.flatMap((b) => b.lines);
  return section.blocks.flatMap((b) => (b.kind === 'text' ? [{ text: b.text, line: b.line, column: b.column }] : []));
}

/**
 * The input structure and where each member travels: the table's rows in order, then the URI's
 * placeholders the table leaves out, then the body template's members it leaves out. The URI
 * decides path or query for a "URL parameter"; the table decides for the rest.
 */
function inputOf(
  title: string,
  structure: RequestStructure | undefined,
  rows: readonly ParameterRow[],
  tableCut: boolean,
  sink: DiagnosticSink,
  tableLine: number,
): { node: StructureNode; locations: Record<string, MemberLocation> } {
  const members: MemberNode[] = [];
  const locations: Record<string, MemberLocation> = {};
  const uri = new Map((structure?.request?.parameters ?? []).map((p) => [p.name, p]));
  const body = structure?.body?.kind === 'object' ? new Map(structure.body.entries.map((e) => [e.key, e])) : new Map<string, never>();
  const seen = new Set<string>();

  for (const row of rows) {
    if (seen.has(row.name)) continue;
    seen.add(row.name);
    const member: MemberNode = { name: row.name, type: { kind: 'document' }, required: row.required, line: row.line };
    const unknown = new Set<'type' | 'location'>();
    if (row.typeCell !== undefined) {
      const named = typeOfName(typeText(row.typeCell, row.typeCellCut));
      const template = body.get(row.name);
      member.type = template ? withTemplate(named.type, template.value) : named.type;
    }
    if (!typeShown(member.type)) unknown.add('type');
    if (row.description) member.documentation = cleanCell(row.description);
    if (row.name === 'clientToken') member.idempotencyToken = true;
    const inUri = uri.get(row.name);
    let location: MemberLocation['location'] | undefined;
    if (row.location === 'url') location = inUri?.location ?? 'path';
    else if (row.location === 'path' || row.location === 'query' || row.location === 'header' || row.location === 'body') location = row.location;
    // A location cell not shown (cut): the request line or the body template may still place it.
    if (location === undefined && inUri) location = inUri.location;
    if (location === undefined && body.has(row.name)) location = 'body';
    if (location === undefined) unknown.add('location');
    else {
      if (inUri && inUri.location !== location) {
        sink.warning(row.line, `"${title}": the table places "${row.name}" in the ${location} where the request line puts it in the ${inUri.location}; the request line is used`);
        location = inUri.location;
      }
      if (location !== 'body' || inUri) locations[row.name] = locationEntry(inUri, location);
      else locations[row.name] = { location: 'body' };
    }
    if (unknown.size > 0) member.unknown = [...unknown];
    members.push(member);
  }

  for (const p of structure?.request?.parameters ?? []) {
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    // A placeholder the table does not describe: text (a URI holds text), required when it is a
    // path segment (the URI is not whole without it), otherwise unknown.
    const member: MemberNode = { name: p.name, type: { kind: 'string' }, required: p.location === 'path' ? true : undefined, line: structure!.request!.line };
    if (p.name === 'clientToken') member.idempotencyToken = true;
    members.push(member);
    locations[p.name] = locationEntry(p, p.location);
    if (!tableCut && rows.length > 0) sink.warning(tableLine, `"${title}": the request line has {${p.name}}, which the parameter table does not describe; its type is taken as text`);
  }

  for (const [name, entry] of body) {
    if (seen.has(name)) continue;
    seen.add(name);
    const type = templateType(entry.value);
    const member: MemberNode = { name, type, required: undefined, line: positionLine(structure!, entry.at.line) };
    if (!typeShown(type)) member.unknown = ['type'];
    members.push(member);
    locations[name] = { location: 'body' };
  }
  return { node: { kind: 'structure', members }, locations };
}

/** The binding entry of a member the URI may place (its query key, a marker). */
function locationEntry(uri: { key?: string; marker?: boolean } | undefined, location: MemberLocation['location']): MemberLocation {
  const entry: MemberLocation = { location };
  if (uri?.key !== undefined) entry.name = uri.key;
  if (uri?.marker) entry.marker = true;
  return entry;
}

/** The file line of a line inside the body template. */
function positionLine(structure: RequestStructure, line: number): number {
  return structure.bodyLines?.[line - 1]?.line ?? structure.request?.line ?? 1;
}

/**
 * Whether the page shows a type: a scalar, a structure (its members shown, each with its own
 * say), a list of a shown type; not a document standing for a placeholder or a type only named.
 */
function typeShown(type: TypeNode): boolean {
  if (type.kind === 'document' || type.kind === 'recursive') return false;
  if (type.kind === 'list') return typeShown(type.member);
  if (type.kind === 'map') return typeShown(type.value);
  return true;
}

/** The type a template value shows: containers by their contents, literals by their kind, placeholders unknown. */
function templateType(value: JsonNode): TypeNode {
  switch (value.kind) {
    case 'object':
      return {
        kind: 'structure',
        members: value.entries.map((e) => {
          const m: MemberNode = { name: e.key, type: templateType(e.value), required: undefined };
          if (!typeShown(m.type)) m.unknown = ['type'];
          return m;
        }),
      };
    case 'array': {
      const first = value.items[0];
      return { kind: 'list', member: first ? templateType(first) : { kind: 'document' } };
    }
    case 'string':
      return { kind: 'string' };
    case 'number':
      return { kind: value.integer ? 'integer' : 'float' };
    case 'boolean':
      return { kind: 'boolean' };
    default:
      return { kind: 'document' };
  }
}

/**
 * A type the table names, with the members the body template shows for it: `List<AclRuleRequest>`
 * and a template list of objects give a list of `AclRuleRequest` structures holding the template's
 * members. Scalars stay as the table says.
 */
function withTemplate(type: TypeNode, value: JsonNode): TypeNode {
  if (type.kind === 'list' && value.kind === 'array' && value.items[0]) return { ...type, member: withTemplate(type.member, value.items[0]) };
  if (value.kind === 'object' && (type.kind === 'document' || type.kind === 'structure')) {
    const shown = templateType(value) as StructureNode;
    const node: StructureNode = { kind: 'structure', members: shown.members };
    if (type.shapeName) node.shapeName = type.shapeName;
    if (type.kind === 'document' && type.pageNamed) node.pageNamed = true;
    return node;
  }
  return type;
}

/** Output of a response-parameter section: its table, or nothing to answer when it holds only its note. */
function outputOf(section: Section, title: string, sink: DiagnosticSink): StructureNode | undefined {
  const table = section.blocks.find((b): b is Extract<SiteBlock, { kind: 'table' }> => b.kind === 'table' && parameterColumns(b) !== undefined);
  if (!table) return section.blocks.some((b) => b.kind === 'text') ? { kind: 'structure', members: [] } : undefined;
  const read = parameterRows(table, parameterColumns(table)!);
  for (const p of read.problems) sink.warning(p.line, `"${title}": ${section.title}: ${p.message}`);
  const members: MemberNode[] = [];
  for (const row of read.rows) {
    if (members.some((m) => m.name === row.name)) continue;
    const member: MemberNode = { name: row.name, type: { kind: 'document' }, required: undefined, line: row.line };
    if (row.typeCell !== undefined) member.type = typeOfName(typeText(row.typeCell, row.typeCellCut)).type;
    if (!typeShown(member.type)) member.unknown = ['type'];
    if (row.description) member.documentation = cleanCell(row.description);
    members.push(member);
  }
  return { kind: 'structure', members };
}

/** The error codes of an error-code table the response section holds (`Error code | … | HTTP status code`). */
function errorCodesOf(section: Section): string[] {
  const codes: string[] = [];
  for (const b of section.blocks) {
    if (b.kind !== 'table') continue;
    const at = b.columns.findIndex((c) => /^error\s+(?:return\s+)?code$/i.test(c.trim()));
    if (at < 0) continue;
    for (const row of b.rows) {
      const code = b.style === 'flattened' ? row.cells[0]?.split(/\s+/)[0] : row.cells[at];
      if (code && /^[A-Za-z][\w.]*$/.test(code) && !(row.cut && row.cells.length - 1 <= at) && !codes.includes(code)) codes.push(code);
    }
  }
  return codes;
}

/**
 * The parts the page does not show whole. A whole page ends with its response example (the last
 * part of the layout) — then a line break (current rendering) or its footer (older-unindented).
 * A page that does not end so was cut: the part it ends in is `cut`, the parts after it `missing`.
 * Parts a whole page may lack (a description or header note some pages have no heading for) are
 * not gaps when a later part follows them.
 */
function gapsOf(site: SitePage, sections: readonly Section[], nameOf: (part: Part) => string): SectionGap[] {
  const present = sections.filter((s) => s.part !== undefined);
  const last = present[present.length - 1];
  const lastIndex = last ? LAYOUT.findIndex((l) => l.part === last.part) : -1;
  const endsWhole = lastIndex === LAYOUT.length - 1 && endsLikeWholePage(site.rendering, site);
  if (endsWhole) return [];
  const gaps: SectionGap[] = [];
  if (last) gaps.push({ section: last.title, state: 'cut' });
  for (const l of LAYOUT.slice(lastIndex + 1)) {
    if (l.part === 'requestHeaders' || l.part === 'description') continue;
    gaps.push({ section: nameOf(l.part), state: 'missing' });
  }
  return gaps;
}

/** Whether the page's last line ends the way a whole page of its rendering does (FORMS.md §4). */
function endsLikeWholePage(rendering: SiteRendering, site: SitePage): boolean {
  switch (rendering) {
    case 'current':
      return !site.endsMidLine;
    case 'older-unindented':
      return site.footer !== undefined;
    default:
      // older-compact pages end on their last code line without a line break; older-indented ones
      // are only known cut: the last part present is what says it.
      return true;
  }
}

/** A table cell as documentation: links reduced to their text, escapes dropped. */
function cleanCell(cell: string): string {
  return cell.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\\([_*|\\])/g, '$1').replace(/<br\s*\/?>/gi, ' ').trim();
}

/** The method an API-reference page's operation gets until an SDK reading names it: its title in snake case. */
export function methodOfTitle(title: string): string {
  const words = title.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w.toLowerCase());
  return words.length > 0 ? words.join('_') : 'operation';
}
