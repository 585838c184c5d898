/**
 * Handlebars helpers: the only way values reach generated files. Each returns a `SafeString` already
 * escaped for where it lands, so Handlebars' own (HTML) escaping never touches code:
 * `{{tsdoc doc}}` a TSDoc comment, `{{str x}}` a string literal, `{{key x}}` a property key,
 * `{{ident x}}` a checked identifier, `{{pkg x}}` a checked npm package name, `{{md x}}` Markdown prose,
 * `{{jsonstr x}}` a JSON string value.
 *
 * @packageDocumentation
 */
import type HandlebarsNS from 'handlebars';
import { assertIdentifier, assertPackageName, markdownText, propertyKey, stringLiteral, tsdocLines } from './escape.ts';
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
  return lines;
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
  hbs.registerHelper('key', (x: unknown) => safe(propertyKey(String(x))));
  hbs.registerHelper('ident', (x: unknown) => safe(assertIdentifier(String(x))));
  hbs.registerHelper('md', (x: unknown) => safe(markdownText(String(x ?? ''))));
  hbs.registerHelper('pkg', (x: unknown) => safe(assertPackageName(String(x))));
  // A JSON string (package.json values): JSON.stringify's escaping, plus U+2028/9 like `str`.
  hbs.registerHelper('jsonstr', (x: unknown) => safe(stringLiteral(String(x))));
}
