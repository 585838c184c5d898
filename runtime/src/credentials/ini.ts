/**
 * The INI dialect of the AWS shared config and credentials files, as the AWS CLI and SDKs read it:
 * `[section]` headers, `key = value` lines (the first `=` splits; keys and values trimmed), whole-line
 * comments starting with `#` or `;`, and sub-properties — a key with an empty value followed by
 * indented `key = value` lines (`s3 =` / `  max_concurrent_requests = 10`, a `[services x]` section's
 * `direct_connect =` / `  endpoint_url = …`), read as `parent.child`.
 *
 * Values keep any `#` or `;` inside them: botocore does not strip inline comments from values, and a
 * secret key may contain either character.
 *
 * @packageDocumentation
 */

/** Sections by their header's text (`default`, `profile dev`, `services local`), each its keys. */
export type IniSections = Record<string, Record<string, string>>;

/** Parses `text`; lines that are neither a header, a property nor a comment are skipped, as the SDKs do. */
export function parseIni(text: string): IniSections {
  const out: IniSections = Object.create(null) as IniSections;
  let section: Record<string, string> | undefined;
  let parent: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]*)\]/.exec(line);
    if (header) {
      const name = header[1]!.trim().replace(/\s+/g, ' ');
      // Keys are plain data: a null-prototype record, so `__proto__` is a key like any other.
      section = out[name] ??= Object.create(null) as Record<string, string>;
      parent = undefined;
      continue;
    }
    const eq = line.indexOf('=');
    if (!section || eq < 0) continue;
    const key = line.slice(0, eq).trim().toLowerCase();
    const value = line.slice(eq + 1).trim();
    if (/^\s/.test(raw) && parent !== undefined) {
      section[`${parent}.${key}`] = value;
      continue;
    }
    section[key] = value;
    // A key without a value opens sub-properties (the indented lines after it).
    parent = value === '' ? key : undefined;
  }
  return out;
}
