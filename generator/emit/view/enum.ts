/**
 * View model of an enum: a string-literal union type plus a frozen const object of the values (keys are
 * the values themselves, so nothing is renamed). Outputs refer to it left open (`| (string & {})`).
 *
 * @packageDocumentation
 */
import type { ScalarShape } from '../../ir/model.ts';
import type { ServiceNames } from '../names.ts';
import { docOf, type DocView } from './doc.ts';

/** One enum declaration. */
export interface EnumView {
  name: string;
  doc: DocView;
  /** Distinct values in documented order. */
  values: string[];
}

/** The view of enum shape `id`. */
export function enumView(names: ServiceNames, id: string, shape: ScalarShape): EnumView {
  return { name: names.types.get(id)!, doc: docOf(shape.documentation), values: [...new Set(shape.enum ?? [])] };
}
