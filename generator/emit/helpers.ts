/**
 * Handlebars helpers: the only way values reach generated files. Each returns a `SafeString` already
 * escaped for where it lands, so Handlebars' own (HTML) escaping never touches code:
 * `{{tsdoc doc}}` a TSDoc comment, `{{str x}}` a string literal, `{{key x}}` a property key,
 * `{{ident x}}` a checked identifier, `{{pkg x}}` a checked npm package name, `{{md x}}` Markdown prose,
 * `{{jsonstr x}}` a JSON string value, `{{tmpl x}}` text inside a template literal, `{{lineComment x}}`
 * `//` comment lines.
 *
 * @packageDocumentation
 */
import type HandlebarsNS from 'handlebars';
import {
  assertIdentifier,
  assertPackageName,
  jsonString,
  lineCommentLines,
  markdownText,
  propertyKey,
  stringLiteral,
  templateLiteralText,
  tsdocLines,
} from './escape.ts';
import { isSafeLinkUrl } from '../ir/links.ts';
import { alignMarkdownTable, firstCodeLineFits, MARK } from './layout.ts';
import type { DocView } from './view/doc.ts';

type Hbs = typeof HandlebarsNS;

/** The lines of a comment for `doc`: escaped page text, then the emitter's own tags. */
function commentLines(doc: DocView): string[] {
  const lines = tsdocLines(doc.text);
  if (lines.length === 0 && doc.fallback) lines.push(...tsdocLines(doc.fallback));
  if (doc.deprecated !== undefined) {
    const note = tsdocLines(doc.deprecated);
    lines.push('', `@deprecated ${note[0] ?? ''}`.trimEnd(), ...note.slice(1));
  }
  if (doc.throws && doc.throws.length > 0) {
    lines.push('');
    for (const t of doc.throws) lines.push(`@throws {@link ${assertIdentifier(t)}}`);
  }
  if (doc.see) lines.push('', `@see {@link ${safeUrl(doc.see.url)} | ${doc.see.text}}`);
  return lines;
}

/** `url` when it is an https URL of characters that can end neither a Markdown link nor a TSDoc tag or comment. */
function safeUrl(url: string): string {
  if (!/^https:\/\/[A-Za-z0-9.\-/_~%:]+$/.test(url)) throw new Error(`not a safe link target: ${JSON.stringify(url)}`);
  return url;
}

/** Registers every helper on `hbs`. */
export function registerHelpers(hbs: Hbs): void {
  const safe = (s: string) => new hbs.SafeString(s);
  hbs.registerHelper('tsdoc', (doc: DocView | undefined) => {
    const lines = doc ? commentLines(doc) : [];
    if (lines.length === 0) return '';
    return safe(`/**\n${lines.map((l) => (l ? ` * ${l}` : ' *')).join('\n')}\n */\n`);
  });
  hbs.registerHelper('str', (x: unknown) => safe(stringLiteral(String(x))));
  // A documented count (a waiter's delay and attempts): only a non-negative integer can reach code.
  hbs.registerHelper('int', (x: unknown) => {
    if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 0) throw new Error(`emitter bug: int helper needs a non-negative integer, got ${JSON.stringify(x)}`);
    return safe(String(x));
  });
  // `//` comment lines of page text, each ending in a line break (nothing for no text).
  hbs.registerHelper('lineComment', (x: unknown) => safe(lineCommentLines(String(x ?? '')).map((l) => `${l}\n`).join('')));
  hbs.registerHelper('tmpl', (x: unknown) => safe(templateLiteralText(String(x))));
  // `{{lbrace}}`/`{{rbrace}}`: a literal brace next to a mustache, which Handlebars would read as `{{{`/`}}}`.
  hbs.registerHelper('lbrace', () => '{');
  hbs.registerHelper('rbrace', () => '}');
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hbs.registerHelper('key', (x: unknown) => safe(propertyKey(String(x))));
  hbs.registerHelper('ident', (x: unknown) => safe(assertIdentifier(String(x))));
  hbs.registerHelper('md', (x: unknown) => safe(markdownText(String(x ?? ''))));
  hbs.registerHelper('pkg', (x: unknown) => safe(assertPackageName(String(x))));
  // A link target in Markdown: an https URL of characters that cannot end the link or open markup.
  hbs.registerHelper('url', (x: unknown) => safe(safeUrl(String(x))));
  // A documentation link's target: http(s) and nothing that ends a Markdown link (generator/ir/links.ts).
  hbs.registerHelper('linkUrl', (x: unknown) => {
    if (!isSafeLinkUrl(String(x))) throw new Error(`not a safe link target: ${JSON.stringify(String(x))}`);
    return safe(String(x));
  });
  // A JSON string (package.json values): JSON.stringify's escaping, plus U+2028/9 like `str`.
  hbs.registerHelper('jsonstr', (x: unknown) => safe(jsonString(String(x))));
  registerLayoutHelpers(hbs, safe);
}

/**
 * The layout helpers (`layout.ts`): `{{#group}}…{{/group}}` prints flat when it fits in the line, else
 * broken; `{{#indent}}…{{/indent}}` indents what breaks inside it; `{{line}}` is a space or a line
 * break, `{{softline}}` nothing or a line break, `{{trailingComma}}` a comma only when broken,
 * `{{leadingPipe}}` `| ` only when broken (the first member of a union type), `{{fluid}}` the break
 * after `=` of an assignment, taken only when the right side cannot start on the line, `{{breakOnly "("}}`
 * fixed text written only when broken.
 */
function registerLayoutHelpers(hbs: Hbs, safe: (s: string) => HandlebarsNS.SafeString): void {
  const block = (open: string, close: string) =>
    function (this: unknown, options: HandlebarsNS.HelperOptions) {
      return safe(`${open}${options.fn(this)}${close}`);
    };
  hbs.registerHelper('group', block(MARK.groupOpen, MARK.groupClose));
  hbs.registerHelper('indent', block(MARK.indentOpen, MARK.indentClose));
  hbs.registerHelper('line', () => safe(MARK.line));
  hbs.registerHelper('softline', () => safe(MARK.softline));
  hbs.registerHelper('trailingComma', () => safe(MARK.trailingComma));
  hbs.registerHelper('leadingPipe', () => safe(MARK.leadingPipe));
  hbs.registerHelper('fluid', () => safe(MARK.fluidBreak));
  hbs.registerHelper('breakOnly', (text: unknown) => safe(`${MARK.breakOnlyOpen}${String(text)}${MARK.breakOnlyClose}`));
  // `{{#hangIfLong}}    Key: {…}{{/hangIfLong}}`: when `Key: {` does not fit, Prettier moves the object to
  // the next line (`Key:` then `{` indented, the whole object two columns further in).
  hbs.registerHelper('hangIfLong', function (this: unknown, options: HandlebarsNS.HelperOptions) {
    const text = options.fn(this);
    if (firstCodeLineFits(text)) return safe(text);
    const lines = text.split('\n');
    const head = /^( *)(.*): \{$/.exec(lines[0]!);
    if (!head) throw new Error(`emitter bug: hangIfLong needs a \`key: {\` line, got ${JSON.stringify(lines[0])}`);
    const rest = lines.slice(1).map((l) => (l ? `  ${l}` : l));
    return safe([`${head[1]}${head[2]}:`, `${head[1]}  {`, ...rest].join('\n'));
  });
  // `{{#mdTable}}| a | b |…{{/mdTable}}`: a Markdown table with its columns padded as Prettier aligns them.
  hbs.registerHelper('mdTable', function (this: unknown, options: HandlebarsNS.HelperOptions) {
    return safe(alignMarkdownTable(options.fn(this)));
  });
  // `{{#firstLineFits}}A{{else}}B{{/firstLineFits}}`: A when its first line of code fits the width, else B
  // (for layouts Prettier picks by a line that is followed by more lines, which markers cannot span).
  hbs.registerHelper('firstLineFits', function (this: unknown, options: HandlebarsNS.HelperOptions) {
    const text = options.fn(this);
    return safe(firstCodeLineFits(text) ? text : options.inverse(this));
  });
}
