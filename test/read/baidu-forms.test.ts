/**
 * Baidu's documentation pages in every form and rendering (`test/fixtures/baidu-forms/`, written
 * from the facts of 31 real pages in `facts.json`, each whole and cut) give an IR or located
 * diagnostics, and what each reading says agrees with facts.json fact by fact: operations, HTTP
 * methods, URI templates, parameter names, types, required and locations, response parameters,
 * body members, SDK signatures, section headings, clients. A fact a cut page does not show is
 * unknown in the reading, never defaulted.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildService } from '../../generator/ir/build.ts';
import type { ReadOperation, ReadPage } from '../../generator/ir/input.ts';
import type { Service, Shape, StructureShape } from '../../generator/ir/model.ts';
import { validateIR } from '../../generator/ir/validate.ts';
import { pascalCase } from '../../generator/ir/naming.ts';
import { readDocument } from '../../generator/read/registry.ts';

const DIR = 'test/fixtures/baidu-forms';

/** One page of facts.json (the fields this test compares). */
interface PageFacts {
  url: string;
  form: string;
  rendering: string;
  cut: boolean;
  title: string;
  operations: OperationFacts[];
  structure: { headings: string[]; [k: string]: unknown };
  clientSetup?: { clientClass?: string };
}

interface OperationFacts {
  name: string;
  httpMethod: string | null;
  uri: string | null;
  parameters: { name: string; type: string; required: boolean; location: string | null }[];
  responseParameters: { name: string; type: string }[];
  responseParametersShown?: 'table' | 'none-stated' | 'not-reached';
  requestBodyMembers?: string[];
  exampleResponseMembers: string[];
  exampleResponseCut?: boolean;
  errorCodes?: { code: string }[];
  sdkSignature: null | { language: string; function: string; params: string[]; required: string[]; returnType?: string; paramTypes?: Record<string, string> };
  sectionHeading?: string;
  successResponse?: string;
  openApiReference?: string;
  declarationReached?: boolean;
}

const FACTS = JSON.parse(readFileSync(`${DIR}/facts.json`, 'utf8')) as PageFacts[];

/** Each fixture and the page of facts.json it is written from (the URL its README cites). */
const FIXTURES: Record<string, string> = {
  'api-current-add-acl-rule': 'https://intl.cloud.baidu.com/en/doc/VPC/s/2jwvyu5h6-intl-en',
  'api-current-set-deletion-protection': 'https://intl.cloud.baidu.com/en/doc/BCC/s/0kstrzyz9-intl-en',
  'api-older-unindented-close-dns-sync': 'https://intl.cloud.baidu.com/doc/VPC/s/ojwvyucs2-en',
  'api-current-create-eni': 'https://intl.cloud.baidu.com/en/doc/VPC/s/pkknfara0-intl-en',
  'api-current-create-nat': 'https://intl.cloud.baidu.com/en/doc/VPC/s/Xjwvyul3d-intl-en',
  'api-current-create-peerconn': 'https://intl.cloud.baidu.com/en/doc/VPC/s/bjwvyue8y-intl-en',
  'api-current-release-peerconn': 'https://intl.cloud.baidu.com/en/doc/VPC/s/0jwvyucfy-intl-en',
  'api-older-compact-view-peerconn': 'https://intl.cloud.baidu.com/doc/VPC/s/Sjwvyudwm-en',
  'api-current-view-peerconn': 'https://intl.cloud.baidu.com/en/doc/VPC/s/Sjwvyudwm-intl-en',
  'api-older-compact-process-peerconn': 'https://intl.cloud.baidu.com/doc/VPC/s/wjwvyud6p-en',
  'api-older-indented-list-peerconn': 'https://intl.cloud.baidu.com/doc/VPC/s/Fjwvyuemr-en',
  'api-current-list-peerconn': 'https://intl.cloud.baidu.com/en/doc/VPC/s/Fjwvyuemr-intl-en',
  'api-current-list-vpc': 'https://intl.cloud.baidu.com/en/doc/VPC/s/wjwvyub23-intl-en',
  'api-older-indented-renew-peerconn': 'https://intl.cloud.baidu.com/doc/VPC/s/9jwvyudie-en',
  'api-current-resize-peerconn': 'https://intl.cloud.baidu.com/en/doc/VPC/s/Wjwvyufcb-intl-en',
  'api-current-update-peerconn': 'https://intl.cloud.baidu.com/en/doc/VPC/s/1jwvyufpd-intl-en',
  'general-current-common-headers': 'https://intl.cloud.baidu.com/en/doc/DNS/s/lkk5elv58-intl-en',
  'general-older-indented-common-headers': 'https://intl.cloud.baidu.com/doc/VPC/s/sjwvyuhe7-en',
  'general-current-navigation-only': 'https://intl.cloud.baidu.com/en/doc/VPC/s/gjwvyu77i-intl-en',
  'general-older-indented-description': 'https://intl.cloud.baidu.com/doc/VPC/s/gjwvyu77i-en',
  'go-current-eni': 'https://intl.cloud.baidu.com/en/doc/VPC/s/Olq384whg-intl-en',
  'go-older-unindented-nat': 'https://intl.cloud.baidu.com/doc/VPC/s/ikclq6is4-en',
  'go-current-vpc': 'https://intl.cloud.baidu.com/en/doc/VPC/s/Kkclobk8o-intl-en',
  'java-current-acl': 'https://intl.cloud.baidu.com/en/doc/VPC/s/Tk0cfdxw8-intl-en',
  'java-current-nat': 'https://intl.cloud.baidu.com/en/doc/VPC/s/Rk083ixae-intl-en',
  'php-current-acl': 'https://intl.cloud.baidu.com/en/doc/VPC/s/7k10aq25j-intl-en',
  'php-current-blb-initialization': 'https://intl.cloud.baidu.com/en/doc/BLB/s/kk1ket6x6-intl-en',
  'python-current-eip': 'https://intl.cloud.baidu.com/en/doc/EIP/s/fk0amlheg-intl-en',
  'python-older-unindented-eip-initialization': 'https://intl.cloud.baidu.com/doc/EIP/s/Ok09mx14n-en',
  'python-current-eni': 'https://intl.cloud.baidu.com/en/doc/VPC/s/Mlqbsgag0-intl-en',
  'python-current-vpn': 'https://intl.cloud.baidu.com/en/doc/VPC/s/Slqovb989-intl-en',
};

/** Headings of an operation's layout on SDK pages (labels, not sections of their own). */
const SDK_LAYOUT = /^(function declaration|parameter meaning|response value|code example|example code)$/i;
/** Headings of the API reference's layout, current and older. */
const API_LAYOUT = [
  ['Description', 'Description'],
  ['Request structure', 'Request Structure'],
  ['Request headers', 'Request Header'],
  ['Request parameters', 'Request Parameter'],
  ['Response headers', 'Return Header'],
  ['Response parameters', 'Return Parameter'],
  ['Request example', 'Request Example'],
  ['Response example', 'Return Example'],
] as const;

/** One comparison: which fact, what facts.json says, what the reading says. */
interface Check {
  fact: string;
  want: unknown;
  got: unknown;
}

function read(file: string): { page: ReadPage; service?: Service } {
  const page = readDocument(readFileSync(file, 'utf8'), file);
  if (page.operations.length === 0) return { page };
  const service = buildService({ folderId: 'forms', settings: {}, pages: [page] });
  return { page, service };
}

/** The IR target a facts.json type should give (`List<PeerConn>` → a list of `PeerConn`). */
function expectedTarget(type: string): { list?: string | true; target?: string } {
  const list = /^List(?:<(.*)>)?$/.exec(type);
  if (list) return { list: list[1] ? expectedTarget(list[1]).target! : true };
  const scalar: Record<string, string> = { String: 'String', Integer: 'Integer', int: 'Integer', Boolean: 'Boolean', boolean: 'Boolean' };
  return { target: scalar[type] ?? type };
}

function structureOf(service: Service, id: string): StructureShape | undefined {
  const s = service.shapes[id];
  return s && (s.type === 'structure' || s.type === 'union') ? s : undefined;
}

/** The shape id a member path reaches (`tags[].tagKey`), or undefined when the IR has no such member. */
function pathTarget(service: Service, root: string, path: string): string | undefined {
  let id: string | undefined = root;
  for (const part of path.split('.')) {
    const list = part.endsWith('[]');
    const name = list ? part.slice(0, -2) : part;
    const member: string | undefined = id ? structureOf(service, id)?.members[name]?.target : undefined;
    if (member === undefined) return undefined;
    id = member;
    if (list) {
      const shape: Shape | undefined = service.shapes[id];
      if (shape?.type !== 'list') return undefined;
      id = shape.member;
    }
  }
  return id;
}

/** What the URI template puts in its query: key → placeholder marker or not. */
function queryOf(uri: string): { key: string; marker: boolean }[] {
  const q = uri.indexOf('?');
  if (q < 0) return [];
  return uri
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((part) => (/^\{\w+\}$/.test(part) ? { key: part.slice(1, -1), marker: true } : { key: part.split('=')[0]!, marker: false }));
}

/** The checks of an API-reference operation. */
function apiChecks(op: OperationFacts, title: string, reading: ReadOperation | undefined, service: Service | undefined, sections: { present: string[]; rendering: string }, cut: boolean): Check[] {
  const checks: Check[] = [];
  const irOp = service?.operations[0];
  // The page names no method: the operation is its title (a method of its own until an SDK page names one).
  checks.push({ fact: 'operation title', want: title, got: reading?.title });
  checks.push({ fact: 'operation', want: pascalCase(title.toLowerCase()), got: irOp?.name });
  if (!irOp || !service || !reading) return checks;
  checks.push({ fact: 'httpMethod', want: op.httpMethod, got: irOp.http?.method });
  checks.push({ fact: 'uri path', want: op.uri?.split('?')[0], got: irOp.http?.uri });
  const members = irOp.http?.members ?? {};
  for (const q of queryOf(op.uri ?? '')) {
    checks.push({ fact: `uri query ${q.key}`, want: q.marker ? { location: 'query', marker: true } : { location: 'query' }, got: members[q.key] });
  }
  const input = structureOf(service, irOp.input)!;
  for (const p of op.parameters) {
    const m = input.members[p.name];
    checks.push({ fact: `parameter ${p.name}`, want: true, got: m !== undefined });
    if (!m) continue;
    const t = expectedTarget(p.type);
    const target = service.shapes[m.target];
    if (t.list !== undefined) {
      checks.push({ fact: `parameter ${p.name} type`, want: 'list', got: target?.type });
      if (typeof t.list === 'string' && target?.type === 'list') checks.push({ fact: `parameter ${p.name} type item`, want: t.list, got: target.member });
    } else checks.push({ fact: `parameter ${p.name} type`, want: t.target, got: m.target });
    checks.push({ fact: `parameter ${p.name} required`, want: p.required, got: m.unknown?.includes('required') ? 'unknown' : m.required === true });
    const inPath = (op.uri ?? '').split('?')[0]!.includes(`{${p.name}}`);
    // A location cell the excerpt cut off is unknown — unless the request structure shows the member in the body.
    const shownInBody = (op.requestBodyMembers ?? []).includes(p.name);
    const location =
      p.location === null ? (shownInBody ? 'body' : 'unknown') : /^URL/.test(p.location) ? (inPath ? 'path' : 'query') : /^Query/.test(p.location) ? 'query' : /body/i.test(p.location) ? 'body' : p.location;
    if (p.location !== null || cut) checks.push({ fact: `parameter ${p.name} location`, want: location, got: m.unknown?.includes('location') ? 'unknown' : members[p.name]?.location });
  }
  for (const path of op.requestBodyMembers ?? []) {
    checks.push({ fact: `body member ${path}`, want: true, got: pathTarget(service, irOp.input, path) !== undefined });
    if (!path.includes('.') && !path.includes('[')) checks.push({ fact: `body member ${path} location`, want: 'body', got: members[path]?.location });
  }
  const output = structureOf(service, irOp.output)!;
  const gaps = irOp.incomplete ?? [];
  const older = sections.rendering !== 'current';
  const responseHeading = older ? 'Return Parameter' : 'Response parameters';
  if (op.responseParametersShown === 'none-stated') {
    checks.push({ fact: 'response parameters: none', want: 0, got: Object.keys(output.members).length });
    checks.push({ fact: 'response parameters: none, whole', want: undefined, got: gaps.find((g) => g.section === responseHeading) });
  } else if (op.responseParametersShown === 'not-reached' && cut) {
    checks.push({ fact: 'response parameters: not reached', want: 'missing', got: gaps.find((g) => g.section === responseHeading)?.state });
  }
  for (const r of op.responseParameters) {
    const m = output.members[r.name];
    checks.push({ fact: `response ${r.name}`, want: true, got: m !== undefined });
    if (!m) continue;
    const t = expectedTarget(r.type);
    if (t.list !== undefined) checks.push({ fact: `response ${r.name} type`, want: typeof t.list === 'string' ? `list of ${t.list}` : 'list', got: service.shapes[m.target]?.type === 'list' ? (typeof t.list === 'string' ? `list of ${(service.shapes[m.target] as { member: string }).member}` : 'list') : m.target });
    else checks.push({ fact: `response ${r.name} type`, want: t.target, got: m.target });
    // The response tables have no required column: unknown, never false.
    checks.push({ fact: `response ${r.name} required`, want: 'unknown', got: m.unknown?.includes('required') ? 'unknown' : m.required });
  }
  for (const e of op.errorCodes ?? []) checks.push({ fact: `error ${e.code}`, want: true, got: irOp.errors.includes(e.code) });
  // The page's headings: the layout parts after the last one shown are missing, the last one cut.
  if (cut) {
    const last = sections.present[sections.present.length - 1]!;
    const isLastPart = last === API_LAYOUT[API_LAYOUT.length - 1]![older ? 1 : 0];
    if (!isLastPart || sections.rendering === 'current') checks.push({ fact: `cut in ${last}`, want: 'cut', got: gaps.find((g) => g.section === last)?.state });
  } else checks.push({ fact: 'whole: no gaps', want: [], got: gaps });
  return checks;
}

/** The checks of an SDK operation (Python, Java). */
function sdkChecks(op: OperationFacts, page: ReadPage, service: Service | undefined, cut: boolean): Check[] {
  const sig = op.sdkSignature;
  const checks: Check[] = [];
  if (!sig) {
    if (!cut) return checks;
    // A heading the page shows but no declaration (cut before it): no operation, the heading a section.
    checks.push({ fact: `no declaration of "${op.name}": no operation`, want: [], got: page.operations.map((o) => o.method) });
    checks.push({ fact: `"${op.name}" is a section`, want: true, got: page.skipped.some((s) => s.name === op.name) });
    return checks;
  }
  const reading = page.operations.find((o) => o.method === sig.function);
  checks.push({ fact: `function ${sig.function}`, want: true, got: reading !== undefined });
  const irOp = service?.operations.find((o) => o.method === sig.function);
  if (!reading || !irOp || !service) return checks;
  checks.push({ fact: `${sig.function} name`, want: pascalCase(sig.function), got: irOp.name });
  if (op.sectionHeading) checks.push({ fact: `${sig.function} heading`, want: op.sectionHeading, got: reading.title });
  const input = structureOf(service, irOp.input)!;
  if (sig.language === 'python') {
    const params = sig.params.filter((p) => p !== 'self' && p !== 'config');
    const wire = (p: string) => p.replace(/_+([a-zA-Z0-9])/g, (_m, c: string) => c.toUpperCase());
    checks.push({ fact: `${sig.function} parameters`, want: params.map(wire), got: Object.keys(input.members) });
    for (const p of params) {
      checks.push({ fact: `${sig.function}(${p}) required`, want: sig.required.includes(p), got: input.members[wire(p)]?.required === true });
    }
  } else {
    // Java: `createNat(CreateNatRequest request)`; the request's members are on the API reference.
    checks.push({ fact: `${sig.function} request members hidden`, want: 'hidden', got: irOp.incomplete?.find((g) => g.section === 'Parameter meaning')?.state });
    const request = sig.params.map((p) => `${sig.paramTypes?.[p]} ${p}`).join(', ');
    checks.push({ fact: `${sig.function} declaration`, want: true, got: irOp.documentation.includes(`Java: ${sig.returnType} ${sig.function}(${request})`) });
  }
  const output = structureOf(service, irOp.output)!;
  if (op.successResponse === 'none-stated') checks.push({ fact: `${sig.function} response: none`, want: 0, got: Object.keys(output.members).length });
  // The SDKs print their response object; its `metadata` holds the HTTP headers, not a body member.
  for (const path of op.exampleResponseMembers.filter((p) => p !== 'metadata')) {
    checks.push({ fact: `${sig.function} response member ${path}`, want: true, got: pathTarget(service, irOp.output, path) !== undefined });
  }
  if (op.exampleResponseMembers.includes('metadata')) checks.push({ fact: `${sig.function} response metadata left out`, want: undefined, got: output.members.metadata });
  if (op.exampleResponseCut && cut) checks.push({ fact: `${sig.function} response cut`, want: 'cut', got: irOp.incomplete?.find((g) => /^response value$/i.test(g.section))?.state });
  if (op.openApiReference) checks.push({ fact: `${sig.function} OpenAPI reference`, want: true, got: irOp.documentation.includes(op.openApiReference) });
  return checks;
}

/** Every check of one fixture against its page's facts. */
function checksOf(file: string, facts: PageFacts, whole: boolean): Check[] {
  const { page, service } = read(file);
  const checks: Check[] = [];
  const sdk = facts.form.endsWith('-sdk');
  checks.push({ fact: 'format', want: sdk ? 'baidu-text' : 'baidu-api-text', got: page.format });
  const errors = page.diagnostics.filter((d) => d.severity === 'error');
  if (service) checks.push({ fact: 'IR valid', want: [], got: validateIR({ irVersion: 1, services: [service] }) });
  const cut = facts.cut && !whole;

  if (facts.form === 'api-reference') {
    const older = facts.rendering !== 'current';
    const present = facts.structure.headings.filter((h) => API_LAYOUT.some((l) => l[older ? 1 : 0] === h));
    checks.push({ fact: 'headings are the layout', want: facts.structure.headings, got: present });
    for (const op of facts.operations) checks.push(...apiChecks(op, facts.title, page.operations[0], service, { present, rendering: facts.rendering }, cut));
  } else if (facts.form === 'general') {
    if (facts.structure.excerptKind === 'navigation-tree-only') {
      checks.push({ fact: 'navigation only: body not reached', want: true, got: errors.some((d) => d.message.includes('navigation tree')) });
    } else checks.push({ fact: 'general sections', want: facts.structure.headings, got: page.skipped.map((s) => s.name).slice(0, facts.structure.headings.length) });
    checks.push({ fact: 'no operation', want: 0, got: page.operations.length });
  } else {
    const sections = facts.structure.headings.filter((h) => !SDK_LAYOUT.test(h));
    const shown = [...page.skipped.map((s) => ({ name: s.name, line: s.source.line })), ...page.operations.map((o) => ({ name: o.title ?? '', line: o.source.line }))]
      .sort((a, b) => a.line - b.line)
      .map((s) => s.name);
    checks.push({ fact: 'sections', want: sections, got: shown.slice(0, sections.length) });
    if (facts.clientSetup?.clientClass) checks.push({ fact: 'client', want: facts.clientSetup.clientClass, got: page.service.clientName });
    for (const op of facts.operations) checks.push(...sdkChecks(op, page, service, cut));
    if (facts.operations.length === 0 && cut) checks.push({ fact: 'cut before any operation', want: true, got: errors.some((d) => d.message.includes('before any operation')) });
  }
  // Cut or whole: a cut page says so (a gap, or an error where no operation was reached); a whole one does not.
  const gaps = page.operations.flatMap((o) => (o.incomplete ?? []).filter((g) => g.state !== 'hidden'));
  // (General pages hold no operation: nothing of the IR is lost where they are cut.)
  if (cut && facts.form !== 'general') checks.push({ fact: 'cut is said', want: true, got: gaps.length > 0 || errors.length > 0 });
  else if (facts.structure.excerptKind !== 'navigation-tree-only') checks.push({ fact: 'whole: no gap, no error', want: { gaps: [], errors: [] }, got: { gaps, errors: errors.map((e) => e.message) } });
  checks.push({ fact: 'diagnostics located', want: [], got: page.diagnostics.filter((d) => d.file !== file || !(d.line >= 1) || !(d.column >= 1)) });
  return checks;
}

// A page facts.json records as cut: its excerpt (the cut fixture) shows exactly the facts, and the
// whole fixture shows them too. A page recorded whole: the whole fixture shows the facts; its cut
// variant (no facts.json record) is checked against the whole page below.
const cases = Object.entries(FIXTURES).flatMap(([base, url]) => {
  const facts = FACTS.find((f) => f.url === url)!;
  const variants: { file: string; whole: boolean }[] = [];
  if (facts.cut) variants.push({ file: `${DIR}/${base}.cut.txt`, whole: false });
  if (base !== 'general-current-navigation-only') variants.push({ file: `${DIR}/${base}.whole.txt`, whole: true });
  return variants.map((v) => ({ ...v, facts }));
});

/** Facts compared and facts right, per fixture; printed with BAIDU_FORMS_SCORES=1. */
const scores = new Map<string, { facts: number; right: number }>();
afterAll(() => {
  if (!process.env.BAIDU_FORMS_SCORES) return;
  const rows = [...scores].map(([name, s]) => `${name.padEnd(56)} ${s.right}/${s.facts}`);
  const total = [...scores.values()].reduce((t, s) => ({ facts: t.facts + s.facts, right: t.right + s.right }), { facts: 0, right: 0 });
  console.log([...rows, `${'total'.padEnd(56)} ${total.right}/${total.facts}`].join('\n'));
});

describe('Baidu page forms against facts.json, fact by fact', () => {
  it('every facts.json page has a fixture, every form and rendering FORMS.md describes is covered whole and cut', () => {
    expect(new Set(Object.values(FIXTURES))).toEqual(new Set(FACTS.map((f) => f.url)));
    const covered = new Set(Object.keys(FIXTURES).map((b) => b.split('-').slice(0, b.startsWith('api') || b.startsWith('general') ? 3 : 3).join('-')));
    for (const form of ['api-current', 'api-older-compact', 'api-older-indented', 'api-older-unindented', 'general-current', 'general-older-indented', 'go-current', 'go-older-unindented', 'java-current', 'php-current', 'python-current', 'python-older-unindented']) {
      expect([...covered].some((c) => c.startsWith(form)), form).toBe(true);
    }
  });

  it.each(cases.map((c) => [`${c.file.slice(DIR.length + 1)}`, c] as const))('%s', (name, c) => {
    const checks = checksOf(c.file, c.facts, c.whole);
    const wrong = checks.filter((k) => JSON.stringify(k.want) !== JSON.stringify(k.got));
    scores.set(name, { facts: checks.length, right: checks.length - wrong.length });
    expect(wrong).toEqual([]);
    expect(checks.length).toBeGreaterThan(3);
  });
});

/** Every member reachable from a structure, by path, with its required and unknown facts. */
function membersByPath(service: Service, root: string): Map<string, { required?: boolean; unknown?: string[]; target: string }> {
  const out = new Map<string, { required?: boolean; unknown?: string[]; target: string }>();
  const walk = (id: string, path: string, depth: number) => {
    const s = structureOf(service, id);
    if (!s || depth > 8) return;
    for (const [name, m] of Object.entries(s.members)) {
      out.set(`${path}${name}`, m);
      const t = service.shapes[m.target];
      walk(t?.type === 'list' ? t.member : m.target, `${path}${name}.`, depth + 1);
    }
  };
  walk(root, '', 0);
  return out;
}

describe('a cut page says so and claims nothing its whole page does not', () => {
  it.each(Object.keys(FIXTURES).filter((b) => b !== 'general-current-navigation-only'))('%s', (base) => {
    const cutRead = read(`${DIR}/${base}.cut.txt`);
    const form = base.split('-')[0];
    const gaps = cutRead.page.operations.flatMap((o) => (o.incomplete ?? []).filter((g) => g.state !== 'hidden'));
    const said = gaps.length > 0 || cutRead.page.diagnostics.some((d) => d.severity === 'error');
    // General pages hold no operation: nothing of the IR is lost where they are cut.
    if (form !== 'general') expect(said, 'the cut is said').toBe(true);
    for (const d of cutRead.page.diagnostics) expect(d.line >= 1 && d.column >= 1 && d.file.endsWith('.cut.txt'), `${d.line}:${d.column}`).toBe(true);
    const cut = cutRead.service;
    const whole = read(`${DIR}/${base}.whole.txt`).service;
    if (!cut) return;
    expect(whole).toBeDefined();
    for (const op of cut.operations) {
      const full = whole!.operations.find((o) => o.method === op.method);
      expect(full, op.method).toBeDefined();
      if (op.http && full!.http) {
        expect(op.http.method).toBe(full!.http.method);
        expect(op.http.uri).toBe(full!.http.uri);
        for (const [name, where] of Object.entries(op.http.members ?? {})) expect(full!.http.members?.[name], `${op.method} ${name}`).toEqual(where);
      }
      for (const [root, fullRoot] of [
        [op.input, full!.input],
        [op.output, full!.output],
      ] as const) {
        const theirs = membersByPath(whole!, fullRoot);
        for (const [path, m] of membersByPath(cut, root)) {
          const want = theirs.get(path);
          expect(want, `${op.method} ${path}`).toBeDefined();
          if (m.required) expect(want!.required, `${op.method} ${path} claimed required`).toBe(true);
          if (!m.required && !m.unknown?.includes('required')) expect(want!.required ?? false, `${op.method} ${path} claimed optional`).toBe(false);
        }
      }
    }
  });
});


describe('every whole page cut at any byte', () => {
  const wholes = Object.keys(FIXTURES).filter((b) => b !== 'general-current-navigation-only');
  it.each(wholes)('%s: an IR of what precedes the cut, located diagnostics, nothing claimed the page does not show, the cut said', (base) => {
    const file = `${DIR}/${base}.whole.txt`;
    const bytes = readFileSync(file);
    const whole = read(file).service;
    const said = (page: ReadPage) =>
      page.diagnostics.some((d) => d.severity === 'error' || d.message.includes('cut short')) || page.operations.some((o) => (o.incomplete ?? []).some((g) => g.state !== 'hidden'));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: bytes.length - 1 }), (at) => {
        const text = new TextDecoder().decode(bytes.subarray(0, at)).replace(/\uFFFD$/, '');
        const page = readDocument(text, 'cut.txt');
        for (const d of page.diagnostics) expect(d.file === 'cut.txt' && d.line >= 1 && d.column >= 1, `${d.line}:${d.column} ${d.message}`).toBe(true);
        if (page.operations.length === 0) return;
        const service = buildService({ folderId: 'forms', settings: {}, pages: [page] });
        expect(validateIR({ irVersion: 1, services: [service] })).toEqual([]);
        for (const op of service.operations) {
          const full = whole?.operations.find((o) => o.method === op.method);
          expect(full, `${op.method} is not on the whole page`).toBeDefined();
          const theirs = membersByPath(whole!, full!.input);
          for (const [path, m] of membersByPath(service, op.input)) {
            const want = theirs.get(path);
            expect(want, `${op.method} ${path} is not on the whole page`).toBeDefined();
            if (m.required) expect(want!.required, `${op.method} ${path} claimed required`).toBe(true);
            if (!m.required && !m.unknown?.includes('required')) expect(want!.required ?? false, `${op.method} ${path} claimed optional`).toBe(false);
          }
        }
        // A page cut short shows less than its whole: that is said (an error or a recorded gap) —
        // unless the cut falls right after a line that ends an SDK operation: then the page looks
        // whole (an SDK page has no last part that says it is), as facts.json's clean cuts do.
        if (text.endsWith('\n') && base.match(/^(python|java|go|php)-/)) return;
        const same = JSON.stringify(service.operations.map((o) => ({ ...o, sources: [] }))) === JSON.stringify(whole!.operations.map((o) => ({ ...o, sources: [] })));
        if (!same) expect(said(page), `cut at ${at} lost facts silently`).toBe(true);
      }),
      { seed: 1408, numRuns: 40 },
    );
  });
});
