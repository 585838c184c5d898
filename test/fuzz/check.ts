/**
 * The property every input must have: read through the real pipeline (`readDocument`, then
 * `buildIR` with the folder's settings, as `generator/load.ts` does), it gives an IR that passes
 * `validateIR` and diagnostics that each point at a line of a file — never an exception. A page
 * that yields nothing must say why (an error), so a reader can't fail silently either.
 */
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../../generator/diagnostics.ts';
import { buildIR } from '../../generator/ir/build.ts';
import { validateIR } from '../../generator/ir/validate.ts';
import { formatRank, readDocument } from '../../generator/read/registry.ts';
import type { FuzzSeed } from './seeds.ts';

/** What one input gave. `violations` empty means the property holds. */
export interface CheckOutcome {
  operations: number;
  diagnostics: Diagnostic[];
  /** Ways the outcome breaks the property (an invalid IR, an unlocated diagnostic, silence). */
  violations: string[];
}

/** Number of lines of a text (a final line without newline counts). */
function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  // `\r` alone also ends a line for the readers (splitLines); count it so such lines are in range.
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text[i + 1] !== '\n') n++;
  return n;
}

/**
 * Reads `text` as the page `seed.file` of the seed's folder and checks the outcome. Exceptions
 * propagate: the caller decides how a crash is recorded.
 */
export function checkPage(seed: FuzzSeed, text: string): CheckOutcome {
  const page = readDocument(text, seed.file, seed.context);
  const diagnostics: Diagnostic[] = [...page.diagnostics];
  const folders = page.operations.length > 0 ? [{ ...seed.input, pages: [page] }] : [];
  const ir = buildIR(folders, diagnostics, formatRank);
  const violations: string[] = [];
  for (const p of validateIR(ir)) violations.push(`IR violates its schema at ${p.path}: ${p.message}`);
  const lines = lineCount(text);
  for (const d of diagnostics) {
    const own = d.file === seed.file;
    const located =
      (own || d.file === seed.input.settingsFile) &&
      Number.isInteger(d.line) &&
      d.line >= 1 &&
      (!own || d.line <= lines) &&
      Number.isInteger(d.column) &&
      d.column >= 1 &&
      typeof d.message === 'string' &&
      d.message.length > 0;
    if (!located) violations.push(`diagnostic not located in the page (${lines} lines): ${formatDiagnostic(d)}`);
  }
  if (page.operations.length === 0 && page.skipped.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    violations.push('no operation read and no error saying why');
  }
  return { operations: page.operations.length, diagnostics: sortDiagnostics(diagnostics), violations };
}
