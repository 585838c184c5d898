/**
 * The documentation a declaration carries, as the `tsdoc` helper receives it: page text (escaped by the
 * helper, never here) plus the few tags the emitter adds from the model.
 *
 * @packageDocumentation
 */

/** Documentation of one declaration. */
export interface DocView {
  /** Page text, untrusted; may be empty. */
  text: string;
  /** Deprecation note (empty string = deprecated without a note); absent when not deprecated. */
  deprecated?: string;
  /** Error class names for `@throws` lines. */
  throws?: string[];
  /** A trusted one-line summary the emitter writes when the page gives no text. */
  fallback?: string;
  /** A `@see` link: the docs' URL (checked when emitted) and the emitter's own link text. */
  see?: { url: string; text: string };
}

/** A {@link DocView} from optional page text. */
export function docOf(text: string | undefined, fallback?: string): DocView {
  return { text: text ?? '', ...(fallback ? { fallback } : {}) };
}
