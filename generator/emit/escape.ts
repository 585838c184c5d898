/**
 * Escaping of untrusted documentation text for every place it can land in emitted files.
 *
 * Doc text is scraped from the web: it may contain `*\/`, `${`, backticks, `{{`, `</script>`, U+2028 or
 * control characters. These functions are the only way page text reaches generated code; templates call
 * them through helpers (`{{tsdoc}}`, `{{str}}`, `{{key}}`, `{{ident}}`, `{{md}}`).
 *
 * @packageDocumentation
 */

// C0/C1 control characters other than tab and newline: invisible, and some break editors or terminals.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
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
 * (page text is prose, not TSDoc; this also defuses `{@link}`), blank runs collapsed, no trailing spaces.
 */
export function tsdocLines(text: string): string[] {
  const body = clean(text)
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*')
    .replace(/@/g, '\\@');
  const lines = body.split('\n').map((l) => l.replace(/\s+$/, ''));
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * A JavaScript string literal (double-quoted) holding `text` exactly. JSON escaping covers quotes,
 * backslashes and control characters; U+2028/2029 and `</script` are escaped too so the literal is safe
 * in any JS context. `${` and backticks are inert inside double quotes.
 */
export function stringLiteral(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/<\/(script)/gi, '<\\/$1');
}

/**
 * A property key for `name` in an object literal, interface or type literal: bare when it is an
 * IdentifierName, quoted otherwise. `__proto__` is written computed (`["__proto__"]`) because a plain
 * `__proto__:` in an object literal sets the prototype instead of creating a property.
 */
export function propertyKey(name: string): string {
  if (name === '__proto__') return `[${stringLiteral(name)}]`;
  return isIdentifierName(name) ? name : stringLiteral(name);
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
const PACKAGE_NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;

/** True when `name` is a valid npm package name. */
export function isPackageName(name: string): boolean {
  return name.length <= 214 && PACKAGE_NAME.test(name);
}

/** Returns `name` when it is a valid npm package name; throws otherwise (generate checks it first). */
export function assertPackageName(name: string): string {
  if (!isPackageName(name)) throw new Error(`${JSON.stringify(name)} is not a valid npm package name`);
  return name;
}

/**
 * Page text for Markdown prose: HTML cannot be injected (`<`, `>`, `&` as entities), and a line cannot
 * open a code fence or a heading that would reshape the document.
 */
export function markdownText(text: string): string {
  return clean(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`/g, '\\`')
    .replace(/^(\s*)([#>+*-]|=+|\d+\.)(?=\s|$)/gm, '$1\\$2');
}
