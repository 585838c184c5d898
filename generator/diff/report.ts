/**
 * The report of `docsdk diff`: per generated package, the classified IR changes, the documentation
 * changes (counted), the API-surface changes, whether anything breaks and the semver step. Renderers
 * (Markdown, JSON) only format it.
 *
 * @packageDocumentation
 */
import type { ApiSymbol } from '../emit/api-symbol.ts';
import { apiSnapshotFile } from '../emit/api-symbol.ts';
import { packageVersions } from '../emit/package-versions.ts';
import { packageView } from '../emit/view/package.ts';
import { viewSurface } from '../emit/view-surface.ts';
import { serviceProblems } from '../ir/invariants.ts';
import type { Service } from '../ir/model.ts';
import { bumpOf, type Bump, type Change } from './rules.ts';
import type { Side } from './sides.ts';
import { diffIR } from './walk-ir.ts';
import { decideSurface } from './verdict.ts';
import { diffSurface } from './walk-surface.ts';

/** What changed in one generated package. */
export interface PackageReport {
  /** `<provider>/<id>`. */
  service: string;
  /** `<provider>-<id>`, its folder under `generated/`. */
  folder: string;
  packageName: string;
  /** IR changes other than documentation, sorted. */
  changes: Change[];
  /** Documentation-only changes (counted always, listed with `--all-docs`). */
  documentation: Change[];
  /**
   * API-surface changes, sorted. Those an IR change explains carry its verdict (`decidedBy`) and are
   * `informational` (counted there); the others count on their own.
   */
  api: Change[];
  /** True when a counted change breaks callers. */
  breaking: boolean;
  /** Semver step for the package, or undefined when nothing changed. */
  bump?: Bump;
}

/** The whole report. */
export interface DiffReport {
  old: string;
  new: string;
  /** Every package either side has, sorted by service; unchanged ones have no changes and no bump. */
  packages: PackageReport[];
  breaking: boolean;
}

/** Options of {@link buildReport}. */
export interface ReportOptions {
  /** Version of this generator, for rendering the surfaces a side does not carry. */
  generatorVersion: string;
  /** Compare API surfaces too (default true). */
  surfaces?: boolean;
}

// The surface depends only on what the service says: computed once per service meaning.
const surfaceCache = new Map<string, ApiSymbol[]>();

/** A service without what never reaches its API: where its facts were read and reading oddities. */
function meaning(service: Service): string {
  return JSON.stringify({ ...service, sources: undefined, warnings: undefined, operations: service.operations.map((o) => ({ ...o, sources: undefined })) });
}

/** The API surface this generator emits for `service` (from its view model, cached). */
export async function renderedSurface(service: Service, generatorVersion: string): Promise<ApiSymbol[]> {
  const key = `${generatorVersion}\0${meaning(service)}`;
  const cached = surfaceCache.get(key);
  if (cached) return cached;
  const problems = serviceProblems(service);
  if (problems.length > 0) throw new Error(`cannot render ${service.provider}/${service.id}: ${problems.join('; ')}`);
  // What the package's api.json holds (emitPackage writes the same snapshot): no template need render.
  const surface = JSON.parse(apiSnapshotFile(viewSurface(packageView(service, packageVersions(generatorVersion)))).content) as ApiSymbol[];
  surfaceCache.set(key, surface);
  return surface;
}

/** Compares two sides. */
export async function buildReport(oldSide: Side, newSide: Side, options: ReportOptions): Promise<DiffReport> {
  const oldServices = new Map(oldSide.ir.services.map((s) => [`${s.provider}/${s.id}`, s]));
  const newServices = new Map(newSide.ir.services.map((s) => [`${s.provider}/${s.id}`, s]));
  const packages: PackageReport[] = [];
  for (const d of diffIR(oldSide.ir, newSide.ir)) {
    const changes = d.changes.filter((c) => c.rule !== 'documentation-changed');
    const documentation = d.changes.filter((c) => c.rule === 'documentation-changed');
    const a = oldServices.get(d.key);
    const b = newServices.get(d.key);
    let api: Change[] = [];
    if (a && b && options.surfaces !== false) {
      const before = oldSide.surfaces.get(d.folder);
      const after = newSide.surfaces.get(d.folder);
      // Both rendered here from equal IRs would be equal: skip the work.
      if (before || after || meaning(a) !== meaning(b)) {
        api = diffSurface(before ?? (await renderedSurface(a, options.generatorVersion)), after ?? (await renderedSurface(b, options.generatorVersion)));
        // One verdict per change: surface changes an IR change explains take its verdict (verdict.ts).
        api = decideSurface(api, changes, a, b);
      }
    }
    const counted = [...changes, ...documentation, ...api];
    const bump = bumpOf(counted);
    packages.push({
      service: d.key,
      folder: d.folder,
      packageName: d.packageName,
      changes,
      documentation,
      api,
      breaking: counted.some((c) => c.breaking && !c.informational),
      ...(bump ? { bump } : {}),
    });
  }
  return { old: oldSide.label, new: newSide.label, packages, breaking: packages.some((p) => p.breaking) };
}
