/**
 * The JSON form of a diff report (`docsdk diff --format json`): stable key order, for tools and CI.
 * Documentation changes are counted; listed only when asked (`--all-docs`), as in Markdown.
 *
 * @packageDocumentation
 */
import type { DiffReport } from './report.ts';

/** Options shared by the report renderers. */
export interface RenderOptions {
  /** List documentation-only changes too, not just their count. */
  allDocs?: boolean;
}

/** The report as JSON text (two-space indented, ending in a newline). */
export function renderJson(report: DiffReport, options: RenderOptions = {}): string {
  const out = {
    old: report.old,
    new: report.new,
    breaking: report.breaking,
    packages: report.packages.map((p) => ({
      service: p.service,
      folder: p.folder,
      packageName: p.packageName,
      breaking: p.breaking,
      bump: p.bump ?? null,
      changes: p.changes,
      documentationChanges: p.documentation.length,
      ...(options.allDocs ? { documentation: p.documentation } : {}),
      api: p.api,
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
