/**
 * Readings that meet: a page that names no method (Baidu's API-reference page shows a request, not
 * a call: `methodFromTitle`) documents the same operation as an SDK page that names one. The
 * API-reference reading takes the SDK reading's method when their titles agree — the SDK page's
 * section heading is the API-reference page's title — or when the service's settings list the
 * title for the method (`operations.<method>.titles`, for renderings whose titles differ). Then
 * both readings are one operation in the IR: merged by method, the better-ranked reading's
 * content kept, every difference a warning naming both pages.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { ReadOperation, ReadPage } from './input.ts';
import type { HttpBinding, SourceRef, Warning } from './model.ts';
import type { ServiceSettings } from '../settings/service-settings.ts';

/** A title reduced to what two renderings of it share: words, lowercase, without plural endings or a final stop. */
export function titleKey(title: string): string {
  return title
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .join(' ');
}

/**
 * The pages with each title-only operation given the method of the reading it meets (when
 * exactly one method does); an ambiguous title is a warning and the operation keeps its own.
 */
export function alignReadings(pages: readonly ReadPage[], settings: ServiceSettings, diagnostics: Diagnostic[]): ReadPage[] {
  if (!pages.some((p) => p.operations.some((o) => o.methodFromTitle))) return [...pages];
  const byTitle = new Map<string, Set<string>>();
  const add = (title: string, method: string) => {
    const key = titleKey(title);
    if (!key) return;
    const set = byTitle.get(key) ?? new Set<string>();
    set.add(method);
    byTitle.set(key, set);
  };
  for (const page of pages) for (const op of page.operations) if (!op.methodFromTitle && op.title) add(op.title, op.method);
  for (const [method, op] of Object.entries(settings.operations ?? {})) for (const title of op.titles ?? []) add(title, method);
  return pages.map((page) => {
    if (!page.operations.some((o) => o.methodFromTitle)) return page;
    const operations = page.operations.map((op): ReadOperation => {
      if (!op.methodFromTitle || !op.title) return op;
      const methods = [...(byTitle.get(titleKey(op.title)) ?? [])].sort();
      if (methods.length === 1) return { ...op, method: methods[0]! };
      if (methods.length > 1) {
        diagnostics.push({
          file: op.source.file,
          line: op.source.line,
          column: 1,
          severity: 'warning',
          message: `"${op.title}" is the title of ${methods.join(', ')}: the page is kept as an operation of its own (${op.method})`,
        });
      }
      return op;
    });
    return { ...page, operations };
  });
}

/**
 * A page's HTTP binding wins over the settings' (the settings are the fallback for pages that show
 * none): where both give one and they differ, a warning names the page and the settings line.
 */
export function bindingDifference(method: string, page: { http: HttpBinding; source: SourceRef }, settings: HttpBinding, settingsAt: SourceRef): Warning | undefined {
  const differs: string[] = [];
  if (page.http.method !== settings.method) differs.push(`method ${page.http.method} against ${settings.method}`);
  if (page.http.uri !== settings.uri) differs.push(`URI ${page.http.uri} against ${settings.uri}`);
  const markers = (h: HttpBinding) => JSON.stringify([...(h.queryMarkers ?? [])].sort());
  if (markers(page.http) !== markers(settings)) differs.push(`query markers [${(page.http.queryMarkers ?? []).join(', ')}] against [${(settings.queryMarkers ?? []).join(', ')}]`);
  const names = new Set([...Object.keys(page.http.members ?? {}), ...Object.keys(settings.members ?? {})]);
  for (const name of [...names].sort()) {
    const a = page.http.members?.[name];
    const b = settings.members?.[name];
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) differs.push(`"${name}" ${describe(a)} against ${describe(b)}`);
  }
  if (differs.length === 0) return undefined;
  return {
    message: `${method}: the page's HTTP binding differs from the settings' (${differs.join('; ')}); the page's is used`,
    sources: [page.source, settingsAt],
  };
}

function describe(location: { location: string; marker?: boolean; name?: string } | undefined): string {
  if (!location) return 'unplaced';
  return `in the ${location.location}${location.marker ? ' (marker)' : ''}${location.name ? ` as ${location.name}` : ''}`;
}
