/**
 * The rule table of `docsdk diff`: every kind of change the diff can report, whether it breaks a user
 * of the generated TypeScript client, and the semver step it calls for. The IR walk and the API-surface
 * walk only name rules; what a rule means is decided here, once.
 *
 * Roles. A shape is an *input* when an operation's input reaches it (callers build it) and an *output*
 * when an operation's output reaches it (callers read it), in the old IR or the new one. Rules whose
 * effect depends on the role come in `input-…`/`output-…` pairs; a shape used both ways is checked as
 * both, so one edit may give two changes (e.g. a value added to a shared enum).
 *
 * Why each rule is what it is, for a TypeScript caller:
 * - Inputs are object literals the caller writes: a new *required* member, a removed member (excess
 *   property error), a narrower type (fewer enum values, an enum where any string was taken) breaks;
 *   a new optional member or a wider type does not. Input unions are checked exhaustively by the
 *   generated visitors, so a new input union member breaks too.
 * - Outputs are read: a removed member or one that becomes optional breaks (`x.a.b` no longer
 *   compiles under `strict`); new members and new enum values do not, because outputs are open
 *   (`| (string & {})`), so callers already handle unknown values.
 * - An enum is also an exported constant (`TableStatus.ARCHIVED`, a frozen `as const` object). A
 *   removed enum value removes that constant's key, in either role, so code naming it stops compiling
 *   even where comparing with the old literal would still compile: it breaks. An enum that becomes any
 *   string removes the whole constant: it breaks too. A *member* whose type becomes another enum (or
 *   any string) changes no constant: the enums' own constants are reported where they change (an
 *   enum no longer exported is `api-symbol-removed`), so for the member only the role decides.
 * - A new output union member is handled at run time (`SDK_UNKNOWN_MEMBER` for older clients), but
 *   the generated `<Union>Visitor` interface is exhaustive by design: it gains a required handler,
 *   so code implementing a visitor stops compiling. That breaks, in both roles.
 * - Errors are not typed per operation, so an operation listing one error fewer breaks nobody; an
 *   error class that vanishes from the package shows as `api-symbol-removed`.
 * - Wire facts (HTTP bindings, endpoint, protocol, API version) change what the client sends, not
 *   its types: a patch.
 * - API-surface rules compare what the package exports (`api.json`); they catch generator changes
 *   when the docs did not change. Callers call classes but build interfaces, so a new class member (a
 *   client method) is compatible and a new required interface member is not. A changed type text is
 *   breaking because the surface alone cannot tell widening from narrowing.
 * - One verdict per change: a surface change that an IR change explains (the exported name comes from
 *   the shape, member or operation that changed: `verdict.ts`) takes that IR change's verdict and
 *   names its rule; only the surface changes nothing in the IR explains are decided by the `api-…`
 *   rules. So the IR table and the surface table never disagree about one change.
 *
 * @packageDocumentation
 */

/** A semver step: what a change to a package calls for (a `semver.inc` release type). */
export type Bump = 'major' | 'minor' | 'patch';

/** Where a shape is used: built by callers (input) or read by them (output). */
export type Role = 'input' | 'output';

/** One row of the table. */
export interface Rule {
  breaking: boolean;
  bump: Bump;
  /** One line for reports: what the rule covers. */
  means: string;
}

/** Breaking rules all call for a major step; the table states it anyway so each row reads alone. */
export const RULES = {
  'service-added': { breaking: false, bump: 'minor', means: 'a new service (a new package)' },
  'service-removed': { breaking: true, bump: 'major', means: 'a service is gone (its package is no longer generated)' },
  'package-renamed': { breaking: true, bump: 'major', means: 'the npm package name changed' },
  'api-version-changed': { breaking: false, bump: 'patch', means: 'the API version changed' },
  'wire-changed': { breaking: false, bump: 'patch', means: 'protocol, endpoint or signing changed (not the types)' },
  'operation-added': { breaking: false, bump: 'minor', means: 'a new operation (client method)' },
  'operation-removed': { breaking: true, bump: 'major', means: 'an operation (client method) is gone' },
  'operation-shape-changed': { breaking: true, bump: 'major', means: "an operation's input or output type is another shape" },
  'operation-deprecated': { breaking: false, bump: 'patch', means: 'an operation became deprecated (a doc tag)' },
  'operation-undeprecated': { breaking: false, bump: 'patch', means: 'an operation is no longer deprecated' },
  'error-added': { breaking: false, bump: 'minor', means: 'an operation lists a new error' },
  'error-removed': { breaking: false, bump: 'minor', means: 'an operation lists one error fewer (errors are not typed per operation)' },
  'paginator-added': { breaking: false, bump: 'minor', means: 'an operation gained a paginator' },
  'paginator-removed': { breaking: true, bump: 'major', means: 'an operation lost its paginator' },
  'paginator-changed': { breaking: true, bump: 'major', means: 'a paginator pages through other members' },
  'http-binding-changed': { breaking: false, bump: 'patch', means: 'where members travel in the HTTP request changed (not the types)' },
  'shape-kind-changed': { breaking: true, bump: 'major', means: 'a shape is another kind (e.g. structure → union, string → integer)' },
  'member-removed': { breaking: true, bump: 'major', means: 'a structure member is gone' },
  'member-type-changed': { breaking: true, bump: 'major', means: "a member's (or element's) type is another shape" },
  'input-required-member-added': { breaking: true, bump: 'major', means: 'a new required input member' },
  'input-optional-member-added': { breaking: false, bump: 'minor', means: 'a new optional input member' },
  'output-member-added': { breaking: false, bump: 'minor', means: 'a new output member' },
  'input-member-made-required': { breaking: true, bump: 'major', means: 'an input member became required' },
  'input-member-made-optional': { breaking: false, bump: 'minor', means: 'an input member became optional' },
  'output-member-made-optional': { breaking: true, bump: 'major', means: 'an output member became optional (may be absent)' },
  'output-member-made-required': { breaking: false, bump: 'minor', means: 'an output member became required (always present)' },
  'idempotency-token-changed': { breaking: false, bump: 'patch', means: 'a member is (no longer) filled with a fresh token' },
  'input-enum-value-added': { breaking: false, bump: 'minor', means: 'an input enum accepts a new value' },
  'input-enum-value-removed': { breaking: true, bump: 'major', means: 'an input enum no longer accepts a value' },
  'output-enum-value-added': { breaking: false, bump: 'minor', means: 'an output enum has a new value (outputs are open)' },
  'output-enum-value-removed': { breaking: true, bump: 'major', means: 'an output enum lost a value (its exported constant loses that key)' },
  'output-member-enum-narrowed': { breaking: false, bump: 'minor', means: "an output member's type is another enum, without some old values (outputs are open)" },
  'input-enum-constraint-added': { breaking: true, bump: 'major', means: 'an input string is now an enum' },
  'output-enum-constraint-added': { breaking: false, bump: 'minor', means: 'an output string is now an (open) enum' },
  'enum-constraint-removed': { breaking: true, bump: 'major', means: 'an enum is now any string (its exported constant is gone)' },
  'member-enum-constraint-removed': { breaking: false, bump: 'minor', means: "a member's type is any string instead of an enum (wider)" },
  'input-union-member-added': { breaking: true, bump: 'major', means: 'an input union has a new member (exhaustive visitors)' },
  'output-union-member-added': { breaking: true, bump: 'major', means: 'an output union has a new member (its exhaustive visitor needs a new handler)' },
  'union-member-removed': { breaking: true, bump: 'major', means: 'a union member is gone' },
  'documentation-changed': { breaking: false, bump: 'patch', means: 'documentation only (counted, listed with --all-docs)' },
  'api-symbol-added': { breaking: false, bump: 'minor', means: 'the package exports a new name' },
  'api-symbol-removed': { breaking: true, bump: 'major', means: 'the package no longer exports a name' },
  'api-symbol-changed': { breaking: true, bump: 'major', means: "an exported name's kind or type text changed" },
  'api-member-added': { breaking: false, bump: 'minor', means: 'an exported class, or an interface as an optional member, has a new member' },
  'api-member-added-required': { breaking: true, bump: 'major', means: 'an exported interface has a new required member' },
  'api-member-removed': { breaking: true, bump: 'major', means: 'an exported interface or class lost a member' },
  'api-member-changed': { breaking: true, bump: 'major', means: "an exported member's type or optionality changed" },
} as const satisfies Record<string, Rule>;

/** The name of a rule. */
export type RuleName = keyof typeof RULES;

/** One classified change. */
export interface Change {
  rule: RuleName;
  breaking: boolean;
  bump: Bump;
  /** What changed, e.g. `GetConnectionRequest.Catalog`, `operation GetConnection`, `Status`. */
  path: string;
  /** Old → new, or the added/removed value, for the reader. */
  detail: string;
  /**
   * An API-surface change explained by an IR change of the same package (see {@link decidedBy}): it
   * carries that change's verdict and is counted there, not again.
   */
  informational?: boolean;
  /** The IR change whose rule decided this surface change's verdict. */
  decidedBy?: { rule: RuleName; path: string };
  /** A documentation change: the text before and after (a word-level diff is rendered from them). */
  text?: { before: string; after: string };
}

/** A change under `rule` (its classification from the table). */
export function change(rule: RuleName, path: string, detail: string): Change {
  const r: Rule = RULES[rule];
  return { rule, breaking: r.breaking, bump: r.bump, path, detail };
}

/** The role-specific rule for `role`: `input-…` or `output-…`. */
export function forRole<A extends RuleName & `input-${string}`, B extends RuleName & `output-${string}`>(role: Role, input: A, output: B): A | B {
  return role === 'input' ? input : output;
}

const ORDER: Record<Bump, number> = { patch: 1, minor: 2, major: 3 };

/** The largest step of `changes` that count (not informational), or undefined when none does. */
export function bumpOf(changes: readonly Change[]): Bump | undefined {
  let best: Bump | undefined;
  for (const c of changes) if (!c.informational && (!best || ORDER[c.bump] > ORDER[best])) best = c.bump;
  return best;
}
