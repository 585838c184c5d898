/**
 * How TypeScript's checker writes names and string literals when it prints a type (`typeToString`),
 * so the view-model surface (`view-surface.ts`) can write the same text without a checker. Each rule
 * is TypeScript 5.9's (`escapeString`, `createPropertyNameNodeForIdentifierOrLiteral`,
 * `isSingleQuotedStringNamed`), or Prettier's where the checker copies what the formatted source
 * says (which quote a quoted key has). `test/emit/view-surface.test.ts` holds both to the checker.
 *
 * @packageDocumentation
 */

/** What the checker escapes in a string literal: the quote, backslash, C0 controls and three line breaks. */
const ESCAPED = { '"': /[\\"\u0000-\u001f\u2028\u2029\u0085]/g, "'": /[\\'\u0000-\u001f\u2028\u2029\u0085]/g } as const;

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\t': '\\t',
  '\v': '\\v',
  '\f': '\\f',
  '\b': '\\b',
  '\r': '\\r',
  '\n': '\\n',
  '\\': '\\\\',
  '"': '\\"',
  "'": "\\'",
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
  '\u0085': '\\u0085',
};

/** `\uXXXX` with upper-case hex digits, as the checker writes it. */
function utf16Escape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** TypeScript's `escapeString`: NUL is `\0`, or `\x00` before a digit (`\01` would be an octal escape). */
function escapeString(text: string, quote: '"' | "'"): string {
  return text.replace(ESCAPED[quote], (c, offset: number) => {
    if (c === '\0') return /[0-9]/.test(text.charAt(offset + 1)) ? '\\x00' : '\\0';
    return NAMED_ESCAPES[c] ?? utf16Escape(c);
  });
}

/**
 * The type of a string literal value (an enum value): double quotes, non-ASCII characters kept (the
 * checker marks literal types "no ASCII escaping").
 */
export function literalTypeText(value: string): string {
  return `"${escapeString(value, '"')}"`;
}

/**
 * A string literal the checker synthesizes for a property name: non-ASCII characters are written as
 * `\uXXXX` too (the printer's default for nodes without a source text).
 */
function synthesizedLiteral(text: string, quote: '"' | "'"): string {
  return `${quote}${escapeString(text, quote).replace(/[^\u0000-\u007f]/g, utf16Escape)}${quote}`;
}

/** TypeScript's `isIdentifierText` for ES2022: what can be written unquoted as a property name. */
export function isIdentifierText(name: string): boolean {
  return /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u.test(name);
}

/**
 * The quote Prettier (`singleQuote: true`) gives a quoted key: single, unless the text (as the
 * emitter's JSON-style literal has it) holds more single quotes than double quotes.
 */
function prettierQuote(name: string): '"' | "'" {
  let singles = 0;
  let doubles = 0;
  for (const c of name) {
    if (c === "'") singles++;
    else if (c === '"') doubles++;
  }
  return singles > doubles ? '"' : "'";
}

/**
 * A property name as the checker prints it in an object type whose declarations are the formatted
 * source (type literals, an `as const` object): bare when it is identifier text (even when the source
 * quotes it), else a string literal with the quote the source has.
 */
export function declaredKeyText(name: string): string {
  return isIdentifierText(name) ? name : synthesizedLiteral(name, prettierQuote(name));
}

/**
 * A property name of a type literal the checker copies from a written type argument (the
 * `Extract<U, { key: unknown }>` of a type guard): rebuilt from the written name, so double-quoted
 * whatever the source says, and `__proto__` computed as the emitter writes it (`["__proto__"]`: a
 * plain `__proto__` key would set an object's prototype).
 */
export function copiedKeyText(name: string): string {
  if (name === '__proto__') return '["__proto__"]';
  return isIdentifierText(name) ? name : synthesizedLiteral(name, '"');
}
