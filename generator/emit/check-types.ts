/**
 * Type-checks a generated package in-process (strict), reporting only problems in the package's own
 * files: the runtime is checked by its own build.
 *
 * @packageDocumentation
 */
import type { EmittedFile } from './emitted-file.ts';
import { sourceProject } from './ts-project.ts';

/** Type errors of the package as `file:line:col: message` (file relative to the package), sorted. */
export function typeCheckPackage(folder: string, files: readonly EmittedFile[], extra: readonly EmittedFile[] = []): string[] {
  const { project, root } = sourceProject(folder, [...files, ...extra]);
  const out: string[] = [];
  for (const d of project.getPreEmitDiagnostics()) {
    const sf = d.getSourceFile();
    const file = sf?.getFilePath() ?? '';
    if (!file.startsWith(`${root}/`)) continue;
    const start = d.getStart() ?? 0;
    const { line, column } = sf!.getLineAndColumnAtPos(start);
    const text = d.getMessageText();
    const message = typeof text === 'string' ? text : text.getMessageText();
    out.push(`${file.slice(root.length + 1)}:${line}:${column}: ${message}`);
  }
  return out.sort();
}
