/**
 * The Prettier options emitted files are laid out for, and the check that they are. `generate` runs
 * no formatter (`layout.ts` lays code out as Prettier prints it); tests and `npm run bench --
 * --prettier-check` run Prettier with these fixed options (never a config file found on disk) to prove
 * it changes nothing.
 *
 * @packageDocumentation
 */
import type * as prettier from 'prettier';
import { PRINT_WIDTH } from './layout.ts';

/** The options every emitted file is laid out for. */
export const PRETTIER_OPTIONS: prettier.Options = {
  printWidth: PRINT_WIDTH,
  singleQuote: true,
  trailingComma: 'all',
  proseWrap: 'preserve',
  endOfLine: 'lf',
};

const PARSERS: Record<string, string> = { ts: 'typescript', json: 'json', md: 'markdown' };

// The IR and API snapshots are JSON.stringify's output, not laid out for Prettier.
const SNAPSHOTS = new Set(['ir.json', 'api.json']);

/** Prettier's parser for an emitted file (package-relative path); undefined for files it does not format. */
export function prettierParserFor(file: string): string | undefined {
  if (SNAPSHOTS.has(file)) return undefined;
  return PARSERS[/\.([a-z]+)$/.exec(file)?.[1] ?? ''];
}

/** Where Prettier would change an emitted file: the first differing line (1-based) and both versions of it. */
export interface PrettierDifference {
  line: number;
  have: string;
  want: string;
}

/** Runs Prettier over `text` emitted as `file`; undefined when it changes nothing (or does not format the file). */
export async function prettierDifference(file: string, text: string): Promise<PrettierDifference | undefined> {
  const parser = prettierParserFor(file);
  if (!parser) return undefined;
  const { format } = await import('prettier');
  const formatted = await format(text, { ...PRETTIER_OPTIONS, parser });
  if (formatted === text) return undefined;
  const have = text.split('\n');
  const want = formatted.split('\n');
  const at = have.findIndex((l, i) => l !== want[i]);
  const line = at < 0 ? have.length : at;
  return { line: line + 1, have: have[line] ?? '', want: want[line] ?? '' };
}
