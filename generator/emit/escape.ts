/**
 * Escaping of untrusted documentation text for every place it can land in emitted files.
 *
 * Doc text is scraped from the web: it may contain `*\/`, `${`, backticks, `{{`, `</script>`, U+2028 or
 * control characters. These functions are the only way page text reaches generated code; templates call
 * them through helpers (`{{tsdoc}}`, `{{str}}`, `{{key}}`, `{{ident}}`, `{{md}}`).
 *
 * @packageDocumentation
 */
import { isPackageName } from '../ir/invariants.ts';
import { docSegments, linkTextOnly } from '../ir/links.ts';

// C0/C1 control characters other than tab and newline: invisible, and some break editors or terminals.
// U+E000–U+E00F are the layout markers of `layout.ts`: only templates may write them.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uE000-\uE00F]/g;
const LINE_SEPARATORS = /[\u2028\u2029]/g;

/** An IdentifierName made of ASCII only: what can appear unquoted as a property key. */
const IDENTIFIER_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Words that cannot be binding identifiers in strict-mode ES modules and TypeScript (plus the names TS
 * reserves for types), so a type, class, const or function cannot be named after them.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else',
  'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof',
  'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void',
  'while', 'with', 'yield', 'let', 'static', 'implements', 'interface', 'package', 'private', 'protected',
  'public', 'await', 'arguments', 'eval', 'undefined', 'NaN', 'Infinity',
  // Type names TypeScript predeclares: an interface named `string` or `Object` would shadow them.
  'any', 'unknown', 'never', 'object', 'string', 'number', 'boolean', 'bigint', 'symbol', 'type', 'as',
  'Object', 'Array', 'String', 'Number', 'Boolean', 'Date', 'Error', 'Function', 'Promise', 'Record',
  'Symbol', 'Map', 'Set', 'Uint8Array', 'ReadonlyArray', 'Partial', 'Required', 'Readonly', 'Pick', 'Omit',
  'Exclude', 'Extract', 'JSON', 'Math', 'RegExp', 'AsyncIterable', 'Iterable', 'TypeError',
  // Object.prototype members: as names of values they are confusing and, for __proto__, dangerous.
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty',
]);

/** True when `name` can be written unquoted as a property key (`{ Key: … }`, `o.Key`). */
export function isIdentifierName(name: string): boolean {
  return IDENTIFIER_NAME.test(name);
}

/** True when `name` is usable as a declared identifier (type, class, const, function). */
export function isSafeIdentifier(name: string): boolean {
  return isIdentifierName(name) && !RESERVED_WORDS.has(name);
}

/** Removes control characters and turns U+2028/U+2029 into newlines: the common clean-up of page text. */
function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(LINE_SEPARATORS, '\n').replace(CONTROL, '');
}

/**
 * The lines of a TSDoc comment body for `text`: `*\/` cannot close the comment, `@` cannot start a tag
 * (page text is prose, not TSDoc; this also defuses a `{@link}` the page writes), blank runs collapsed,
 * no trailing spaces. The documentation's links (`[text](url)`, `generator/ir/links.ts`: their text and
 * target hold nothing that ends a tag or the comment) become `{@link url | text}`.
 */
export function tsdocLines(text: string): string[] {
  return commentLinesOf(
    docSegments(clean(text))
      .map((s) => ('link' in s ? `{@link ${s.url} | ${tsdocProse(s.text)}}` : tsdocProse(s.text)))
      .join(''),
  );
}

/** Page prose inside a TSDoc comment: no `*\/` to close it, no `/*`, no `@` to start a tag. */
function tsdocProse(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/\/\*/g, '/\\*').replace(/@/g, '\\@');
}

/** Cleaned text as comment lines: no trailing spaces, runs of blank lines collapsed, none at either end. */
function commentLinesOf(body: string): string[] {
  const out: string[] = [];
  for (const raw of body.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * A JavaScript string literal holding `text` exactly, quoted the way Prettier prints it (single quotes
 * unless the text has more single than double quotes), so emitted code needs no formatting pass.
 * Backslashes, the enclosing quote, control characters, U+2028/2029 and the layout markers are
 * escaped; `${` and backticks are inert inside quotes.
 */
export function stringLiteral(text: string): string {
  let singles = 0;
  let doubles = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 39) singles++;
    else if (c === 34) doubles++;
  }
  const json = jsonString(text);
  if (singles > doubles) return json;
  // JSON's escapes minus `\"`, plus `\'`: the same characters, in single quotes.
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** `c` as a `\\uXXXX` escape. */
function unicodeEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A JSON string holding `text`: JSON's escaping, plus U+2028/2029 and the layout markers as `\\uXXXX`. */
export function jsonString(text: string): string {
  return JSON.stringify(text).replace(/[\u2028\u2029\uE000-\uE00F]/g, unicodeEscape);
}

/**
 * Text inside a template literal (between backticks) holding `text` exactly: backslashes, backticks and
 * `${` escaped, control characters, U+2028/2029 and the layout markers as `\\uXXXX`. Prettier never
 * breaks a template literal, so a message built in one keeps its line as written.
 */
export function templateLiteralText(text: string): string {
  return text.replace(/[\\`\u0000-\u001F\u007F-\u009F\u2028\u2029\uE000-\uE00F]|\$\{/g, (c) =>
    c === '\\' || c === '`' ? `\\${c}` : c === '${' ? '\\${' : unicodeEscape(c),
  );
}

// What Prettier writes unquoted as a property key: an identifier name (Unicode ID_Start/ID_Continue).
const UNQUOTED_KEY = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

/**
 * A property key for `name` in an object literal, interface or type literal: bare when it is an
 * identifier name (as Prettier's `quoteProps: 'as-needed'` prints it), quoted otherwise. `__proto__` is
 * written computed (`['__proto__']`) because a plain `__proto__:` in an object literal sets the
 * prototype instead of creating a property.
 */
export function propertyKey(name: string): string {
  if (name === '__proto__') return `[${stringLiteral(name)}]`;
  return UNQUOTED_KEY.test(name) ? name : stringLiteral(name);
}

/**
 * Returns `name` when it is an ASCII IdentifierName; throws otherwise. Names come from the naming pass
 * (`names.ts`), which already made them safe: this is the last line of defence at render time.
 */
export function assertIdentifier(name: string): string {
  if (!isIdentifierName(name) || name === '__proto__') {
    throw new Error(`emitter bug: ${JSON.stringify(name)} is not a safe identifier`);
  }
  return name;
}

/** npm's rule for new package names (lower case, URL-safe, optional scope), at most 214 characters. */
/** Returns `name` when it is a valid npm package name; throws otherwise (generate checks it first). */
export function assertPackageName(name: string): string {
  if (!isPackageName(name)) throw new Error(`${JSON.stringify(name)} is not a valid npm package name`);
  return name;
}

/**
 * The lines of `//` comments holding page text (empty when there is none): control characters and
 * layout markers dropped, line separators as line breaks, blank runs collapsed, no trailing spaces.
 * A line comment ends at the line break, so nothing in it can reach code; in a Markdown code block it
 * cannot close the fence either (no line starts with a backtick). Links keep their text only.
 */
export function lineCommentLines(text: string): string[] {
  return commentLinesOf(clean(linkTextOnly(text))).map((l) => (l ? `// ${l}` : '//'));
}

/**
 * Page text for Markdown prose: HTML cannot be injected (`<`, `>`, `&` as entities), and a line cannot
 * open a code fence or a heading that would reshape the document. The documentation's links stay
 * Markdown links (their text and http(s) target checked by `generator/ir/links.ts`).
 */
export function markdownText(text: string): string {
  return docSegments(clean(text))
    .map((s) => ('link' in s ? `[${markdownProse(s.text)}](${s.url})` : markdownProse(s.text)))
    .join('');
}

/** Page prose for Markdown, without links: see {@link markdownText}. */
function markdownProse(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`/g, '\\`')
    .replace(/^(\s*)([#>+*-]|=+|\d+\.)(?=\s|$)/gm, '$1\\$2');
}
