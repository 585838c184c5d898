/**
 * The IR builder's input, and so the readers' output contract: the operations of one document as
 * type trees, before shapes are named. Every reader (`generator/read/`) produces this and depends
 * on this module; the IR depends on no reader. Readers know nothing of emission, and nothing of
 * how shapes get their ids.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { HttpBinding, Paginator, Provider, SectionGap, SourceRef, Warning } from './model.ts';
import type { ServiceSettings, SettingsLocator } from '../settings/service-settings.ts';

/** One document, read. */
export interface ReadPage {
  file: string;
  /** The reader's format name (`generator/read/registry.ts`); which of several readings wins is the registry's rank. */
  format: string;
  /** What the page says of its service; unset fields come from the folder and its settings. */
  service: { id?: string; provider: Provider; clientName?: string; apiVersion?: string };
  operations: ReadOperation[];
  /** Sections recognised but not client operations (paginators, waiters, resources). */
  skipped: SkippedSection[];
  diagnostics: Diagnostic[];
  /** Disagreements between the page and the facts, kept in the IR (`Service.warnings`). */
  warnings?: Warning[];
  /** Paginators the page documents (boto3's `paginate()` of a Paginator class). */
  paginators?: ReadPaginator[];
  /** Waiters the page documents (boto3's `wait()` of a Waiter class). */
  waiters?: ReadWaiter[];
  /** Error classes the page documents (boto3's client exception classes). */
  exceptions?: ReadException[];
}

/**
 * A paginator as a page documents it: the operation it pages and its `paginate()` parameters and
 * response. The tokens and keys are not shown: the IR finds them by comparing these with the
 * operation's own (`generator/ir/pagination.ts`).
 */
export interface ReadPaginator {
  /** The paginator's name, e.g. `ListTables`. */
  name: string;
  /** The method it pages through, as documented: `list_tables`. */
  method: string;
  /** `paginate()`'s parameters, without the paginator's own configuration (`PaginationConfig`). */
  input: StructureNode;
  /** What each page is; undefined when the page documents none. */
  output?: StructureNode;
  /** Members of the paginator's configuration the page shows (`MaxItems`, `PageSize`, `StartingToken`). */
  config: string[];
  /** Sections of the paginator's page not shown whole (then the comparison can't be trusted). */
  incomplete?: SectionGap[];
  source: SourceRef;
}

/** A waiter as a page documents it: the method it polls, its delay and attempts (undefined where not shown). */
export interface ReadWaiter {
  /** e.g. `TableExists`. */
  name: string;
  /** The method polled, as documented: `describe_table`. */
  method: string;
  delay?: number;
  maxAttempts?: number;
  source: SourceRef;
}

/** An error class as a page documents it. */
export interface ReadException {
  /** e.g. `TransactionCanceledException`. */
  name: string;
  documentation: string;
  /** The members of its error response the page shows (the generic `Error` member left out). */
  members?: StructureNode;
  source: SourceRef;
}

/**
 * What a reader may know besides the page: the settings (facts) of the page's service folder.
 * Readers of self-describing formats (boto3) ignore it; Baidu's reader takes wire names and
 * shared shapes from it.
 */
export interface ReaderContext {
  settings: ServiceSettings;
  /** The settings file as shown in diagnostics and sources, when the folder has one. */
  settingsFile?: string;
  /** Line of a setting in that file, for sources and diagnostics. */
  locate?: SettingsLocator;
}

/** A recognised section that is not a client operation. */
export interface SkippedSection {
  /** `index`: a service's index page (its client class, whose methods are pages of their own). */
  kind: 'paginator' | 'waiter' | 'resource' | 'index' | 'other';
  name: string;
  source: SourceRef;
}

/** One operation as a page describes it. */
export interface ReadOperation {
  /** Method as documented, e.g. `get_connection`. */
  method: string;
  /** PascalCase wire name when the page gives it exactly (the "See also" link). */
  name?: string;
  /** The heading the page documents the operation under (an SDK page's section, an API-reference page's title). */
  title?: string;
  /**
   * The page names no method (Baidu's API-reference pages show a request, not a call): `method` is
   * derived from `title`, and the IR gives the operation the method of a reading of the same
   * operation that names one (`generator/ir/align.ts`).
   */
  methodFromTitle?: boolean;
  documentation: string;
  deprecated: boolean;
  deprecationMessage?: string;
  /** The page's link to the service's API reference for the operation (boto3's "See also"). */
  apiReference?: string;
  input: StructureNode;
  /** Undefined when the page documents no output. */
  output?: StructureNode;
  errors: string[];
  /** Sections the page does not show whole; see the IR's `SectionGap`. */
  incomplete?: SectionGap[];
  http?: HttpBinding;
  paginator?: Paginator;
  source: SourceRef;
}

/** A type as a page shows it: a tree, with documentation attached where the page gives it. */
export type TypeNode = StructureNode | ListNode | MapNode | ScalarNode | RecursiveNode;

/** A structure or a tagged union. */
export interface StructureNode {
  kind: 'structure' | 'union';
  members: MemberNode[];
  documentation?: string;
  /** A union of events that arrive as a stream (boto3's `EventStream`): each member is one event. */
  eventStream?: boolean;
  /** Name the facts give this shape (e.g. Baidu's `PeerConn`); otherwise named by the IR's rule. */
  shapeName?: string;
  /**
   * The page names this type (`shapeName`: `Billing`) without defining it, and shows only the
   * members an example or a request template holds; the service's settings replace it when they
   * define the name (`generator/settings/apply.ts`).
   */
  pageNamed?: boolean;
}

/** A member of a structure. */
export interface MemberNode {
  /** The member's name on the wire. */
  name: string;
  /**
   * The name the page documents it under, when that is not the wire name: boto3's parameter aliases
   * (`generator/read/boto3/aliases.ts`: Logs `CreateExportTask` documents `from` as `fromTime`).
   */
  documentedName?: string;
  type: TypeNode;
  /** Undefined when the page does not show it (a cut or hidden parameter list): unknown, not false. */
  required: boolean | undefined;
  /**
   * Other facts of the member the page does not show: `type` (the page names or shows no type:
   * a placeholder value, a type named but not defined there), `location` (where in the request it
   * travels: a table cell cut off). Never defaulted; see the IR's `Member.unknown`.
   */
  unknown?: ('type' | 'location')[];
  documentation?: string;
  idempotencyToken?: boolean;
  line?: number;
}

/** A list. */
export interface ListNode {
  kind: 'list';
  member: TypeNode;
  documentation?: string;
  shapeName?: string;
}

/** A map. */
export interface MapNode {
  kind: 'map';
  key: TypeNode;
  value: TypeNode;
  documentation?: string;
  shapeName?: string;
}

/** A scalar. */
export interface ScalarNode {
  kind: 'string' | 'integer' | 'float' | 'boolean' | 'timestamp' | 'blob' | 'stream' | 'document';
  enum?: string[];
  documentation?: string;
  shapeName?: string;
  /**
   * The page names this type (`shapeName`: `PeerConnStatus`) without defining it: a `document`
   * standing for it, which the service's settings replace when they define the name
   * (`generator/settings/apply.ts`).
   */
  pageNamed?: boolean;
}

/**
 * A reference the docs cut short because the type contains itself (`{'... recursive ...'}`).
 * The IR resolves it to the enclosing structure it repeats.
 */
export interface RecursiveNode {
  kind: 'recursive';
  /** Member name under which the recursion was shown, used to find the ancestor it repeats. */
  memberName?: string;
  /** The docs call the repeated type a list (`(list)`), so it repeats an enclosing list. */
  shows?: 'list';
}
