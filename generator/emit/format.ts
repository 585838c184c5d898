/**
 * Formatting of emitted files with Prettier, with fixed options (never a config file found on disk), so
 * the output does not depend on the machine or the folder it is generated in.
 *
 * @packageDocumentation
 */
import type * as prettier from 'prettier';

/** The options every emitted file is formatted with. */
export const PRETTIER_OPTIONS: prettier.Options = {
  printWidth: 110,
  singleQuote: true,
  trailingComma: 'all',
  proseWrap: 'preserve',
  endOfLine: 'lf',
};

const PARSERS: Record<string, string> = { '.ts': 'typescript', '.json': 'json', '.md': 'markdown' };

/** Formats `text` as the file `file` (parser from its extension); other files pass through. */
export async function formatFile(file: string, text: string): Promise<string> {
  const ext = /\.[a-z]+$/.exec(file)?.[0] ?? '';
  const parser = PARSERS[ext];
  if (!parser) return text;
  // Loaded on first use: a generate run whose packages all come from the cache never needs it.
  const { format } = await import('prettier');
  return format(text, { ...PRETTIER_OPTIONS, parser });
}
