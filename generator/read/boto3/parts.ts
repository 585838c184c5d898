import type { SectionGap } from '../../ir/model.ts';

/**
 * The parts every rendering of a boto3 client page has (RST source, compact text, bullet text).
 * Each boto3 reader's only job is to find these parts in its rendering; `assemble.ts` turns them
 * into a {@link ReadOperation} the same way for all three, so the renderings can't drift apart.
 */

/** A located piece of text: its content and the page line it starts on. */
export interface LocatedText {
  text: string;
  line: number;
  /** Column of the text's first character on that line (1-based); defaults to 1. */
  column?: number;
}

/**
 * One documented parameter or response member, as the docs' bullet trees show it:
 * `- **Name** *(type) --* [REQUIRED] documentation`, with its nested members as children.
 * `name` is absent for unnamed entries (list members, map keys and values, the response root).
 */
export interface DocEntry {
  name?: string;
  /** The type as written, e.g. `string`, `dict`, `list`, `datetime`, `:class:\`.StreamingBody\``. */
  type: string;
  required: boolean;
  /** Documentation, already clean text (see `doc-text.ts`). */
  documentation: string;
  /** Members named in a "Tagged Union structure" note, when there is one. */
  unionMembers?: string[];
  /** "This field is autopopulated if not provided." */
  idempotencyToken?: boolean;
  children: DocEntry[];
  line: number;
}

/** The parts of one operation on a boto3 client page. */
export interface Boto3OperationParts {
  /** e.g. `get_connection`. */
  method: string;
  /** The client as the docs name it, e.g. `PartnerCentralAccountAPI`. */
  clientName?: string;
  /** From the "See also" link, when the page has the link target. */
  seeAlso?: { serviceId: string; apiVersion: string; operation: string };
  documentation: string;
  deprecationMessage?: string;
  requestSyntax?: LocatedText;
  /** Top-level parameters (`:param` / `Parameters`). */
  params: DocEntry[];
  responseSyntax?: LocatedText;
  /** The Response Structure root (`(dict) --`), when documented. */
  response?: DocEntry;
  /** `:rtype:` / `Return type`, e.g. `dict` or `None`. */
  returnType?: string;
  exceptions: string[];
  /**
   * Sections the page does not show whole: `hidden` behind boto3's placeholder ("This section is too
   * large to render"), `missing` when the page ends without them, `cut` when their literal breaks off.
   */
  gaps?: SectionGap[];
  /**
   * Nothing follows the Response Structure on the page (no Exceptions section): a syntax member
   * without an entry there means the page was cut inside it.
   */
  structureEndsPage?: boolean;
  line: number;
}

/** The first line of the placeholder newer boto3 writes instead of a section over its size limits. */
export const PLACEHOLDER = '# This section is too large to render.';

/** Whether a literal block is boto3's placeholder for a section too large to render. */
export function isPlaceholder(text: string): boolean {
  return text.trimStart().startsWith(PLACEHOLDER);
}
