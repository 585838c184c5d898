/**
 * Diagnostics: problems found in input, each with a location. Readers collect them rather than
 * throw, so one run reports every problem of every file.
 */

/** How bad a problem is: errors fail the run; warnings only with `--strict`. */
export type Severity = 'error' | 'warning';

/** One problem, located in a file (1-based line and column). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
}

/** Builds diagnostics for one file; readers hold one and push into it. */
export class DiagnosticSink {
  constructor(
    readonly file: string,
    /** Where diagnostics go; pass an existing list to add to it. */
    readonly items: Diagnostic[] = [],
  ) {}

  /** Records an error at `line`:`column`. */
  error(line: number, message: string, column = 1): void {
    this.items.push({ file: this.file, line, column, severity: 'error', message });
  }

  /** Records a warning at `line`:`column`. */
  warning(line: number, message: string, column = 1): void {
    this.items.push({ file: this.file, line, column, severity: 'warning', message });
  }

  /** True when an error (not only warnings) was recorded. */
  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/** Orders diagnostics by file, line, column, then message, so output is stable. */
export function sortDiagnostics(items: readonly Diagnostic[]): Diagnostic[] {
  return [...items].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** Formats one diagnostic the way compilers do: `file:line:col: severity: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}
