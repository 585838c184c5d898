/**
 * The renderer: templates from `templates/` (Handlebars, compiled once), partials from
 * `templates/partials/`. A small interface so tests and other emitters can swap the engine.
 *
 * Compiling the templates takes ~0.1 s, a fifth of an incremental run; given a file to keep them in
 * (the cache folder's), the renderer stores Handlebars' precompiled form there and reuses it while the
 * templates, Handlebars' version and the compile options are those it was made from.
 *
 * @packageDocumentation
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { filesBelow } from '../files-below.ts';
import { REPO_URL } from '../repo.ts';
import { registerHelpers } from './helpers.ts';

/** Renders a named template with a view model. */
export interface Renderer {
  render(template: string, view: object): string;
}

/** The repository's `templates/` folder. */
export const TEMPLATES_DIR = fileURLToPath(new URL('templates/', REPO_URL));

/** Template files below `dir` (relative, `/`-separated, sorted). */
export function templateFiles(dir: string = TEMPLATES_DIR): string[] {
  return filesBelow(dir).filter((f) => f.endsWith('.hbs'));
}

/** How every template is compiled (`preventIndent`: a partial's lines are not indented by its call). */
const COMPILE_OPTIONS = { noEscape: false, preventIndent: true } as const;

/** The templates below `dir`: name (path without `.hbs`) → source. */
function templateSources(dir: string): [string, string][] {
  return templateFiles(dir).map((file) => [file.replace(/\.hbs$/, ''), readFileSync(path.join(dir, file), 'utf8')]);
}

/** What precompiled templates depend on: Handlebars' version, the options, every template. */
function templatesDigest(sources: readonly [string, string][]): string {
  const h = createHash('sha256').update(`${Handlebars.VERSION}\0${JSON.stringify(COMPILE_OPTIONS)}`);
  for (const [name, source] of sources) h.update(`\0${name}\0${source}`);
  return h.digest('hex');
}

/** The precompiled templates in `file` when they were made from `digest`'s sources. */
function loadPrecompiled(file: string, digest: string): Record<string, TemplateSpecification> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const require = createRequire(import.meta.url);
    const resolved = path.resolve(file);
    // Read afresh: in a long-lived process the file may have been replaced since it was first loaded.
    delete require.cache[resolved];
    const stored = require(resolved) as { digest?: string; specs?: Record<string, TemplateSpecification> };
    return stored.digest === digest ? stored.specs : undefined;
  } catch {
    return undefined; // unreadable: compiled again and replaced
  }
}

/** Writes the precompiled form of `sources` to `file` (beside, then renamed in). */
function savePrecompiled(file: string, digest: string, sources: readonly [string, string][]): void {
  const specs = sources.map(([name, source]) => `  ${JSON.stringify(name)}: ${Handlebars.precompile(source, COMPILE_OPTIONS)},`);
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `module.exports = {\n  digest: ${JSON.stringify(digest)},\n  specs: {\n${specs.join('\n')}\n  },\n};\n`);
  renameSync(tmp, file);
}

/**
 * A {@link Renderer} over Handlebars with docsdk's escaping helpers; `partials/x.hbs` is `{{> x}}`.
 * With `precompiledFile`, the compiled templates are kept there (see the module comment).
 */
export function handlebarsRenderer(dir: string = TEMPLATES_DIR, precompiledFile?: string): Renderer {
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  const sources = templateSources(dir);
  const digest = precompiledFile ? templatesDigest(sources) : '';
  let specs = precompiledFile ? loadPrecompiled(precompiledFile, digest) : undefined;
  if (precompiledFile && !specs) {
    try {
      savePrecompiled(precompiledFile, digest, sources);
      // Used at once: the templates are compiled once, not precompiled and then compiled again.
      specs = loadPrecompiled(precompiledFile, digest);
    } catch {
      // A cache that cannot be written only costs the compile next time.
    }
  }
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const [name, source] of sources) {
    const spec = specs?.[name];
    const template = spec ? hbs.template(spec) : undefined;
    if (name.startsWith('partials/')) hbs.registerPartial(name.slice('partials/'.length), template ?? source);
    else compiled.set(name, template ?? hbs.compile(source, COMPILE_OPTIONS));
  }
  return {
    render(template, view) {
      const t = compiled.get(template);
      if (!t) throw new Error(`no template ${template}`);
      return t(view, { allowProtoPropertiesByDefault: false });
    },
  };
}
