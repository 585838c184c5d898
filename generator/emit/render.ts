/**
 * The renderer: templates from `templates/` (Handlebars, compiled once), partials from
 * `templates/partials/`. A small interface so tests and other emitters can swap the engine.
 *
 * @packageDocumentation
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
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
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith('.hbs')) out.push(r);
    }
  };
  walk('');
  return out;
}

/** A {@link Renderer} over Handlebars with docsdk's escaping helpers; `partials/x.hbs` is `{{> x}}`. */
export function handlebarsRenderer(dir: string = TEMPLATES_DIR): Renderer {
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const file of templateFiles(dir)) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    const name = file.replace(/\.hbs$/, '');
    if (name.startsWith('partials/')) hbs.registerPartial(name.slice('partials/'.length), source);
    else compiled.set(name, hbs.compile(source, { noEscape: false, preventIndent: true }));
  }
  return {
    render(template, view) {
      const t = compiled.get(template);
      if (!t) throw new Error(`no template ${template}`);
      return t(view, { allowProtoPropertiesByDefault: false });
    },
  };
}
