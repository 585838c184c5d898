/**
 * How well each rendering of a boto3 page reads, against the RST source of the same page (issue 14):
 * for every page of the HTML sample (scripts/corpus-html) the RST (corpus-143/), the HTML of each
 * theme, and each text rendering (scripts/corpus-text: theme × extractor) are read by content
 * (`readDocument`), and the operations compared fact by fact (see {@link factsOf}): a fact agrees
 * when the rendering's reading gives it the value the RST's reading gives it, is "not shown" when
 * the rendering leaves it unknown or absent (the page lost it: a theme, an extractor or a cut), and
 * is wrong otherwise. Operations are matched by method; an operation of the RST the rendering lacks
 * is "not found", and its facts count as wrong.
 *
 * Usage: node --import tsx scripts/renderings-agree.ts [--rst corpus-143] [--html corpus-html]
 *          [--text corpus-text] [--only NAME] [--show N] [--kind KIND] [--json FILE]
 * `--only furo/w3m` reads one rendering; `--show N` prints N disagreeing facts per rendering (of
 * one kind with `--kind required`).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MemberNode, ReadOperation, TypeNode } from '../generator/ir/input.ts';
import { linkTextOnly } from '../generator/ir/links.ts';
import { detectReader, readDocument } from '../generator/read/registry.ts';

/** The facts of one operation: path → value (JSON), what the IR of it says. */
export function factsOf(op: ReadOperation): Map<string, string> {
  const facts = new Map<string, string>();
  const put = (key: string, value: unknown) => facts.set(key, JSON.stringify(value));
  // Text renderings show a link's text, not its target: documentation is compared by link text.
  put('documentation', linkTextOnly(op.documentation));
  put('deprecated', op.deprecated);
  if (op.deprecationMessage !== undefined) put('deprecationMessage', op.deprecationMessage);
  if (op.name !== undefined) put('name', op.name);
  // What a section the page does not show whole would say is not claimed (the operation's `incomplete`).
  const gap = (section: string) => op.incomplete?.some((g) => g.section === section) ?? false;
  if (!gap('Exceptions')) put('errors', op.errors);
  if (op.output || !['Return type', 'Returns', 'Response Syntax', 'Response Structure'].some(gap)) put('output', op.output !== undefined);
  const type = (node: TypeNode, at: string, depth: number): void => {
    if (depth > 64) return;
    put(`${at}:kind`, node.kind);
    if ('documentation' in node && node.documentation !== undefined) put(`${at}:doc`, linkTextOnly(node.documentation));
    switch (node.kind) {
      case 'structure':
      case 'union':
        put(`${at}:members`, node.members.map((m) => m.name));
        for (const m of node.members) member(m, `${at}.${m.name}`, depth);
        return;
      case 'list':
        type(node.member, `${at}[]`, depth + 1);
        return;
      case 'map':
        type(node.key, `${at}{key}`, depth + 1);
        type(node.value, `${at}{}`, depth + 1);
        return;
      case 'recursive':
        return;
      default:
        if (node.enum) put(`${at}:enum`, node.enum);
    }
  };
  const member = (m: MemberNode, at: string, depth: number): void => {
    put(`${at}:required`, m.required ?? null);
    if (m.documentation !== undefined) put(`${at}:doc`, linkTextOnly(m.documentation));
    if (m.idempotencyToken) put(`${at}:idempotencyToken`, true);
    type(m.type, at, depth + 1);
  };
  type(op.input, 'input', 0);
  if (op.output) type(op.output, 'output', 0);
  return facts;
}

/** One rendering's tally. */
interface Tally {
  name: string;
  pages: number;
  /** Pages whose rendering was missing from the corpus. */
  absent: number;
  formats: Record<string, number>;
  operations: number;
  found: number;
  /** Operations the rendering gives that the RST does not. */
  extra: number;
  facts: number;
  agree: number;
  /** Facts the rendering gives another value (or that it adds). */
  wrong: number;
  /** Facts the RST gives and the rendering leaves unknown or absent: the page does not show them. */
  notShown: number;
  /** Pages whose reading had an error diagnostic. */
  errorPages: number;
  /** Disagreeing facts by the fact's attribute (`doc`, `required`, `members` …). */
  byKind: Record<string, number>;
  /** Facts not shown, by attribute. */
  notShownByKind: Record<string, number>;
  examples: string[];
}

interface Options {
  rst: string;
  html: string;
  text: string;
  only?: string;
  /** Show examples of this kind of disagreement only. */
  kind?: string;
  show: number;
  json?: string;
}

function args(): Options {
  const a = process.argv.slice(2);
  const get = (flag: string) => {
    const i = a.indexOf(flag);
    return i >= 0 ? a[i + 1] : undefined;
  };
  const out: Options = {
    rst: get('--rst') ?? 'corpus-143',
    html: get('--html') ?? 'corpus-html',
    text: get('--text') ?? 'corpus-text',
    show: Number(get('--show') ?? 0),
  };
  const only = get('--only');
  if (only) out.only = only;
  const kind = get('--kind');
  if (kind) out.kind = kind;
  const json = get('--json');
  if (json) out.json = json;
  return out;
}

function kindOfFact(key: string): string {
  const m = /:([a-zA-Z]+)$/.exec(key);
  return m ? m[1]! : key;
}

function main(): void {
  const opts = args();
  const manifest = JSON.parse(readFileSync(path.join(opts.html, 'manifest.json'), 'utf8')) as { pages: Record<string, string>; themes: Record<string, unknown> };
  const pages = Object.keys(manifest.pages).sort();
  const themes = Object.keys(manifest.themes).sort();
  const renderings: { name: string; file: (page: string) => string }[] = [];
  for (const theme of themes) {
    renderings.push({ name: `${theme}/html`, file: (p) => path.join(opts.html, theme, `${p}.html`) });
    const dir = path.join(opts.text, theme);
    const extractors = existsSync(dir) ? readdirSync(dir).sort() : [];
    for (const x of extractors) renderings.push({ name: `${theme}/${x}`, file: (p) => path.join(dir, x, `${p}.txt`) });
  }
  const chosen = renderings.filter((r) => !opts.only || r.name === opts.only);
  const sources = new Map<string, ReadOperation[]>();
  for (const page of pages) {
    const file = path.join(opts.rst, `${page}.rst`);
    sources.set(page, readDocument(readFileSync(file, 'utf8'), file).operations);
  }
  const tallies: Tally[] = [];
  for (const r of chosen) {
    const t: Tally = { name: r.name, pages: 0, absent: 0, formats: {}, operations: 0, found: 0, extra: 0, facts: 0, agree: 0, wrong: 0, notShown: 0, errorPages: 0, byKind: {}, notShownByKind: {}, examples: [] };
    for (const page of pages) {
      const expected = sources.get(page)!;
      const file = r.file(page);
      t.pages++;
      t.operations += expected.length;
      if (!existsSync(file)) {
        t.absent++;
        continue;
      }
      const text = readFileSync(file, 'utf8');
      const read = readDocument(text, file);
      const format = detectReader(text)?.format ?? 'unrecognised';
      t.formats[format] = (t.formats[format] ?? 0) + 1;
      const wanted = new Set(expected.map((o) => o.method));
      t.extra += read.operations.filter((o) => !wanted.has(o.method)).length;
      if (read.diagnostics.some((d) => d.severity === 'error')) t.errorPages++;
      const byMethod = new Map(read.operations.map((o) => [o.method, o]));
      for (const want of expected) {
        const wantFacts = factsOf(want);
        const got = byMethod.get(want.method);
        if (got) t.found++;
        const gotFacts = got ? factsOf(got) : new Map<string, string>();
        const keys = new Set([...wantFacts.keys(), ...gotFacts.keys()]);
        for (const key of keys) {
          t.facts++;
          if (wantFacts.get(key) === gotFacts.get(key)) {
            t.agree++;
            continue;
          }
          const value = gotFacts.get(key);
          // The rendering claims nothing here (no value, or unknown): a fact it does not show.
          if (got && (value === undefined || value === 'null')) {
            t.notShown++;
            t.notShownByKind[kindOfFact(key)] = (t.notShownByKind[kindOfFact(key)] ?? 0) + 1;
            if (opts.kind === `not shown ${kindOfFact(key)}` && t.examples.length < opts.show) t.examples.push(`${page} ${want.method} ${key} (not shown)\n    rst:  ${(wantFacts.get(key) ?? '—').slice(0, 300)}`);
            continue;
          }
          t.wrong++;
          const kind = got ? kindOfFact(key) : 'operation not found';
          t.byKind[kind] = (t.byKind[kind] ?? 0) + 1;
          if (t.examples.length < opts.show && (!opts.kind || opts.kind === kind)) t.examples.push(`${page} ${want.method} ${key}\n    rst:  ${(wantFacts.get(key) ?? '—').slice(0, 300)}\n    read: ${(gotFacts.get(key) ?? '—').slice(0, 300)}`);
        }
      }
    }
    tallies.push(t);
    process.stderr.write(`${r.name}: ${t.found}/${t.operations} operations, ${((100 * t.agree) / Math.max(1, t.facts)).toFixed(2)}% facts agree, ${((100 * t.agree) / Math.max(1, t.agree + t.wrong)).toFixed(2)}% of those claimed right\n`);
  }
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(2)}%`);
  const lines = [
    '| rendering | pages | read as | operations found | extra operations | facts agreeing | facts right (of those it claims) | not shown | pages with errors | wrong, by kind |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const t of tallies) {
    const formats = Object.entries(t.formats).map(([f, n]) => `${f} ${n}`).join(', ');
    const kinds = Object.entries(t.byKind).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, n]) => `${k} ${n}`).join(', ');
    const hidden = Object.entries(t.notShownByKind).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, n]) => `${k} ${n}`).join(', ');
    lines.push(`| ${t.name} | ${t.pages - t.absent}${t.absent ? ` (${t.absent} absent)` : ''} | ${formats} | ${t.found}/${t.operations} (${pct(t.found, t.operations)}) | ${t.extra} | ${t.agree}/${t.facts} (${pct(t.agree, t.facts)}) | ${pct(t.agree, t.agree + t.wrong)} | ${t.notShown}${hidden ? ` (${hidden})` : ''} | ${t.errorPages} | ${kinds} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const t of tallies) if (t.examples.length > 0) process.stdout.write(`\n${t.name}:\n${t.examples.join('\n')}\n`);
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(tallies, null, 2)}\n`);
}

// Run when executed, not when imported (the facts are the tests' too).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
