/**
 * The runtime's version, as its package.json says (a test keeps them equal): it names docsdk in the
 * user agent of every request.
 *
 * @packageDocumentation
 */

/** `@docsdk/runtime`'s version. */
export const VERSION = '0.1.0';
