/**
 * A page cut at any byte (scraped, copied, paginated) gives the IR of what precedes the cut and a
 * diagnostic or a recorded gap naming what is missing — never a claim about what it cannot see:
 * no member the full page lacks, no member required that the full page does not require, no
 * `required: false` for a member whose entry the cut removed.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildService } from '../../generator/ir/build.ts';
import type { Service, StructureShape } from '../../generator/ir/model.ts';
import { readDocument } from '../../generator/read/registry.ts';

const PAGES = ['specs/aws/odb/get_odb_peering_connection.rst', 'specs/aws/partnercentral-account/get_connection.rst'];

function serviceOf(text: string): { service: Service | undefined; errors: number; gaps: number } {
  const page = readDocument(text, 'page.rst');
  const errors = page.diagnostics.filter((d) => d.severity === 'error').length;
  if (page.operations.length === 0) return { service: undefined, errors, gaps: 0 };
  const service = buildService({ folderId: 'x', settings: {}, pages: [page] });
  return { service, errors, gaps: page.operations.reduce((n, o) => n + (o.incomplete?.length ?? 0), 0) };
}

/** Every member of every structure reachable from the operation's input, by path. */
function inputMembers(service: Service): Map<string, { required?: boolean; unknown?: string[] }> {
  const out = new Map<string, { required?: boolean; unknown?: string[] }>();
  const op = service.operations[0]!;
  const walk = (id: string, path: string, seen: Set<string>) => {
    const shape = service.shapes[id];
    if (!shape || seen.has(id) || (shape.type !== 'structure' && shape.type !== 'union')) return;
    for (const [name, m] of Object.entries((shape as StructureShape).members)) {
      out.set(`${path}.${name}`, m);
      walk(m.target, `${path}.${name}`, new Set(seen).add(id));
    }
  };
  walk(op.input, 'input', new Set());
  return out;
}

/** A service's shapes and operations without documentation, sources or errors. */
function skeleton(service: Service): string {
  const drop = new Set(['documentation', 'sources', 'errors']);
  return JSON.stringify(service, (key, value: unknown) => (drop.has(key) ? undefined : value));
}

describe.each(PAGES)('%s cut at random bytes', (file) => {
  const text = readFileSync(file, 'utf8');
  const whole = serviceOf(text).service!;
  const full = inputMembers(whole);

  test('the IR of the prefix claims nothing the page does not show, and says what it lacks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: text.length - 1 }), (cut) => {
        const { service, errors, gaps } = serviceOf(text.slice(0, cut));
        if (!service) {
          expect(errors).toBeGreaterThan(0);
          return;
        }
        const op = service.operations[0]!;
        expect(op.name).toBe(whole.operations[0]!.name);
        for (const [path, m] of inputMembers(service)) {
          const want = full.get(path);
          expect(want, `${path} is not on the full page`).toBeDefined();
          if (m.required) expect(want!.required, `${path} claimed required`).toBe(true);
          if (!m.required && m.unknown === undefined) expect(want!.required ?? false, `${path} claimed not required`).toBe(false);
        }
        // Any shape the prefix gives otherwise than the whole page is said: an error diagnostic or a
        // recorded gap. (Text cut mid-sentence, and an Exceptions section after the last entry, can
        // end where a whole page could: those are not detectable, and not compared.)
        if (skeleton(service) !== skeleton(whole)) expect(errors + gaps, `cut at ${cut} changed the IR silently`).toBeGreaterThan(0);
      }),
      { seed: 1402, numRuns: 150 },
    );
  });
});
