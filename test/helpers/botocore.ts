/**
 * Scores an IR service against botocore's own model (`service-2.json`) on what boto3's docs can
 * show: operation names, member paths, types (`long`/`integer` → integer, `double`/`float` →
 * float), input `required`, enum values, unions, streams, documents and error names. Used by the
 * reader tests on the seeds and by the conformance run on the whole corpus, so it walks each
 * operation's input and output once, without copying shapes, and returns plain records.
 *
 * A fact the page does not show is neither right nor wrong: it is "not shown" ({@link Score.notShown}).
 * That is a fact under a section the operation's `incomplete` lists (boto3 1.43 hides sections behind
 * "This section is too large to render"; a cut page lacks them), the `required` of a member with
 * `unknown: ['required']`, or the type of a member with `unknown: ['type']` and all below it (see
 * {@link shownSections}).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Operation, Service, Shape } from '../../generator/ir/model.ts';

/** The parts of a botocore shape this comparison reads. */
export interface BotocoreShape {
  type: string;
  /** Member references; a reference may carry its own `enum` (apigatewayv2 does). */
  members?: Record<string, { shape: string; enum?: string[] }>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  enum?: string[];
  union?: boolean;
  document?: boolean;
  streaming?: boolean;
  eventstream?: boolean;
  exception?: boolean;
}

/** The parts of a botocore `service-2.json` this comparison reads. */
export interface BotocoreModel {
  metadata: { apiVersion?: string; serviceId?: string };
  operations: Record<string, { name: string; input?: { shape: string }; output?: { shape: string }; errors?: { shape: string }[] }>;
  shapes: Record<string, BotocoreShape>;
}

/** What is compared. */
export type FactKind = 'operation' | 'member' | 'type' | 'required' | 'enum' | 'error';

/** One compared fact, e.g. `DescribeHostedConnections.output.connections[].vlan` of kind `type`. */
export interface Fact {
  path: string;
  kind: FactKind;
}

/**
 * A fact the page does not show. `onWholePage`: the operation lists no gap, yet the IR marks the
 * member's `required` unknown — the reader could not tell what a whole page shows (worth a look).
 */
export interface NotShownFact extends Fact {
  onWholePage?: true;
  /**
   * Reached through a recursive reference the docs cut short (`{'... recursive ...'}`), with
   * {@link ScoreOptions.recursionNotShown}: the page shows no member below the cut; the IR's are its
   * naming rule's guess. `expected`/`actual` when the guess disagrees with the model.
   */
  belowRecursion?: true;
  expected?: string;
  actual?: string;
}

/** A fact the IR gets wrong: what the model says (`expected`) and what the IR says (`actual`). */
export interface Mismatch extends Fact {
  expected: string;
  actual: string;
  /**
   * The IR reaches this place through a recursive reference — a member whose shape encloses it —
   * which the docs cut short (`{'... recursive ...'}`) and do not name: a fact the docs can't show.
   */
  throughRecursion?: boolean;
}

/** The result of scoring one service. */
export interface Score {
  /** Every fact compared, right or wrong, in walk order: the facts the pages show. */
  facts: Fact[];
  mismatches: Mismatch[];
  /**
   * Facts the pages do not show (under a section the operation's `incomplete` lists, or a `required`
   * the IR marks unknown): not compared, neither right nor wrong. Model facts the IR lacks there are here too.
   */
  notShown: NotShownFact[];
  /**
   * Model members and operations the IR doesn't have, when the model may be newer than the docs
   * (`modelMayBeNewer`): listed, not counted. Otherwise they are `member` mismatches.
   */
  notInDocs: string[];
}

/** Options of {@link scoreService}. */
export interface ScoreOptions {
  /** The docs were written from an older model: members the docs lack are `notInDocs`, not mismatches. */
  modelMayBeNewer?: boolean;
  /**
   * Facts reached through a recursive reference the docs cut short are not shown (`belowRecursion`),
   * right or wrong, instead of compared (mismatches marked `throughRecursion`): what the conformance run counts.
   */
  recursionNotShown?: boolean;
}

const modelCache = new Map<string, BotocoreModel>();

/** Reads (once per path) a botocore `service-2.json`, or the gzipped `service-2.json.gz` botocore ≥ 1.3x installs. */
export function loadBotocoreModel(file: string): BotocoreModel {
  let model = modelCache.get(file);
  if (!model) {
    const bytes = readFileSync(file);
    model = JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as BotocoreModel;
    modelCache.set(file, model);
  }
  return model;
}

/** The IR's kind for a botocore shape, as the docs show it. */
export function kindOfBotocoreShape(shape: BotocoreShape): Shape['type'] {
  switch (shape.type) {
    case 'structure':
      if (shape.document) return 'document';
      // An event stream is a union of events (the IR's `eventStream` union), each event a member.
      if (shape.eventstream) return 'union';
      return shape.union ? 'union' : 'structure';
    case 'blob':
      return shape.streaming ? 'stream' : 'blob';
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
      return 'integer';
    case 'double':
    case 'float':
      return 'float';
    case 'list':
    case 'map':
    case 'string':
    case 'boolean':
    case 'timestamp':
      return shape.type;
    default:
      return 'document';
  }
}

/**
 * Which facts of an operation its page shows, from the sections its `incomplete` lists. boto3 shows
 * input members and types in the Request Syntax and the Parameters, `required` only in the Parameters
 * ([REQUIRED]), input enums only in the Request Syntax (`'A'|'B'`); output members and types in the
 * Response Syntax and Structure, output enums only in the Response Syntax; errors in the Exceptions.
 * A page that ends before its return type shows nothing after it (its output and errors), and one that
 * also lacks its Request Syntax broke off before the input.
 */
export function shownSections(op: Pick<Operation, 'incomplete'>): {
  input: boolean;
  inputEnums: boolean;
  inputEntries: boolean;
  required: boolean;
  output: boolean;
  outputEnums: boolean;
  outputEntries: boolean;
  errors: boolean;
  whole: boolean;
} {
  const gaps = new Set((op.incomplete ?? []).map((g) => g.section));
  const ended = gaps.has('Return type');
  const inputEntries = !gaps.has('Parameters') && !(gaps.has('Request Syntax') && ended);
  return {
    input: !(gaps.has('Request Syntax') && (gaps.has('Parameters') || ended)),
    inputEnums: !gaps.has('Request Syntax'),
    inputEntries,
    required: inputEntries,
    output: !ended && !(gaps.has('Response Syntax') && gaps.has('Response Structure')),
    outputEnums: !ended && !gaps.has('Response Syntax'),
    outputEntries: !ended && !gaps.has('Response Structure'),
    errors: !ended && !gaps.has('Exceptions'),
    whole: gaps.size === 0,
  };
}

type Shown = ReturnType<typeof shownSections>;
const ALL_SHOWN: Shown = { input: true, inputEnums: true, inputEntries: true, required: true, output: true, outputEnums: true, outputEntries: true, errors: true, whole: true };
/** Type kinds only the entries tell apart: the syntax shows a dict, the entry's tagged-union note says which. */
const DICT_KINDS = new Set(['structure', 'union']);

/** Walks one service's operations against the model, collecting facts and mismatches. */
class Scorer {
  readonly score: Score = { facts: [], mismatches: [], notInDocs: [], notShown: [] };
  /** What the current operation's page shows. */
  private shown: Shown = ALL_SHOWN;
  /** Whether the walk is in an operation's input (else its output). */
  private inInput = true;

  constructor(
    private readonly service: Service,
    private readonly model: BotocoreModel,
    private readonly options: ScoreOptions,
  ) {}

  /** IR shape ids on the way down, to tell when the walk follows a recursive reference. */
  private readonly irPath: string[] = [];
  /**
   * Model shape names on the way down: boto3's documenter cuts a shape short (`{'... recursive ...'}`)
   * exactly when it is already on this path, whatever shape the reader then referred the cut to.
   */
  private readonly modelPath: string[] = [];
  /** How many recursive references the current walk has followed. */
  private recursionDepth = 0;

  /**
   * Whether the current operation's page shows a fact of this kind where the walk is. A structure
   * taken for a union (or the reverse) is not shown where the entries are hidden: only their
   * tagged-union note tells the two apart.
   */
  private isShown(kind: FactKind, expected?: string, actual?: string): boolean {
    const s = this.shown;
    if (kind === 'operation') return true;
    if (kind === 'error') return s.errors;
    if (kind === 'required') return s.required;
    if (!(this.inInput ? s.input : s.output)) return false;
    if (kind === 'enum') return this.inInput ? s.inputEnums : s.outputEnums;
    if (kind === 'type' && expected !== actual && DICT_KINDS.has(expected!) && DICT_KINDS.has(actual!)) return this.inInput ? s.inputEntries : s.outputEntries;
    return true;
  }

  private fact(path: string, kind: FactKind, expected: string, actual: string): void {
    if (!this.isShown(kind, expected, actual)) {
      this.score.notShown.push({ path, kind });
      return;
    }
    if (this.recursionDepth > 0 && this.options.recursionNotShown) {
      this.score.notShown.push(expected === actual ? { path, kind, belowRecursion: true } : { path, kind, belowRecursion: true, expected, actual });
      return;
    }
    this.score.facts.push({ path, kind });
    if (expected !== actual) {
      this.score.mismatches.push(this.recursionDepth > 0 ? { path, kind, expected, actual, throughRecursion: true } : { path, kind, expected, actual });
    }
  }

  operations(): void {
    const documented = new Set<string>();
    for (const op of this.service.operations) {
      documented.add(op.name);
      const modelOp = this.model.operations[op.name];
      this.shown = ALL_SHOWN;
      this.fact(op.name, 'operation', modelOp ? op.name : '(absent)', op.name);
      if (!modelOp) continue;
      this.shown = op.incomplete ? shownSections(op) : ALL_SHOWN;
      this.errors(op.name, op.errors, (modelOp.errors ?? []).map((e) => e.shape));
      this.inInput = true;
      this.root(`${op.name}.input`, op.input, modelOp.input?.shape, true);
      this.inInput = false;
      this.root(`${op.name}.output`, op.output, modelOp.output?.shape, false);
    }
    this.shown = ALL_SHOWN;
    for (const name of Object.keys(this.model.operations)) if (!documented.has(name)) this.score.notInDocs.push(name);
  }

  private errors(path: string, actual: readonly string[], expected: readonly string[]): void {
    const have = new Set(actual);
    for (const e of expected) this.fact(`${path}.errors.${e}`, 'error', e, have.has(e) ? e : '(absent)');
    const want = new Set(expected);
    for (const e of actual) if (!want.has(e)) this.fact(`${path}.errors.${e}`, 'error', '(absent)', e);
  }

  /** An operation's input or output: a missing model shape is an empty structure. */
  private root(path: string, irId: string, modelName: string | undefined, input: boolean): void {
    if (modelName) return this.shape(path, irId, modelName, input, new Set());
    const shape = this.service.shapes[irId];
    const members = shape && (shape.type === 'structure' || shape.type === 'union') ? Object.keys(shape.members) : [];
    for (const m of members) this.fact(`${path}.${m}`, 'member', '(absent)', m);
  }

  /**
   * Compares one place of the tree; `seen` holds the pairs on the way down, to stop at recursion.
   * `showsEnum` is false for map keys: boto3 writes them as `'string'` whatever their enum.
   */
  private shape(path: string, irId: string, modelName: string, input: boolean, seen: Set<string>, showsEnum = true, refEnum?: string[]): void {
    const pair = `${irId}\u0000${modelName}`;
    if (seen.has(pair)) return;
    const recursive = this.irPath.includes(irId) || this.modelPath.includes(modelName);
    if (recursive) this.recursionDepth++;
    this.irPath.push(irId);
    this.modelPath.push(modelName);
    try {
      this.compare(path, irId, modelName, input, seen, showsEnum, refEnum, pair);
    } finally {
      this.irPath.pop();
      this.modelPath.pop();
      if (recursive) this.recursionDepth--;
    }
  }

  private compare(path: string, irId: string, modelName: string, input: boolean, seen: Set<string>, showsEnum: boolean, refEnum: string[] | undefined, pair: string): void {
    const ir = this.service.shapes[irId];
    const model = this.model.shapes[modelName];
    if (!ir || !model) {
      this.fact(path, 'type', model ? kindOfBotocoreShape(model) : `(no shape ${modelName})`, ir ? ir.type : `(no shape ${irId})`);
      return;
    }
    const kind = kindOfBotocoreShape(model);
    this.fact(path, 'type', kind, ir.type);
    if (kind !== ir.type) return;
    seen.add(pair);
    if ((ir.type === 'structure' || ir.type === 'union') && model.members) {
      const required = new Set(model.required ?? []);
      for (const [name, ref] of Object.entries(model.members)) {
        const member = ir.members[name];
        const memberPath = `${path}.${name}`;
        if (!member) {
          if (this.options.modelMayBeNewer && this.isShown('member')) this.score.notInDocs.push(memberPath);
          else this.fact(memberPath, 'member', name, '(absent)');
          continue;
        }
        this.fact(memberPath, 'member', name, name);
        if (input) {
          // boto3 leaves [REQUIRED] off a member it cuts short as recursive: the docs can't show it.
          const cut = this.irPath.includes(member.target) || this.modelPath.includes(ref.shape);
          if (cut) this.recursionDepth++;
          // A member whose entry the page does not show: whether it is required is not shown either.
          if (member.unknown?.includes('required')) this.score.notShown.push(this.shown.whole ? { path: memberPath, kind: 'required', onWholePage: true } : { path: memberPath, kind: 'required' });
          else this.fact(memberPath, 'required', String(required.has(name)), String(member.required ?? false));
          if (cut) this.recursionDepth--;
        }
        // A member whose type the page does not show (a placeholder, a type only named): nothing below it is shown.
        if ((member.unknown as readonly string[] | undefined)?.includes('type')) this.score.notShown.push({ path: memberPath, kind: 'type' });
        else this.shape(memberPath, member.target, ref.shape, input, seen, true, ref.enum);
      }
      for (const name of Object.keys(ir.members)) if (!(name in model.members)) this.fact(`${path}.${name}`, 'member', '(absent)', name);
    } else if (ir.type === 'list' && model.member) {
      this.shape(`${path}[]`, ir.member, model.member.shape, input, seen);
    } else if (ir.type === 'map' && model.key && model.value) {
      this.shape(`${path}{key}`, ir.key, model.key.shape, input, seen, false);
      this.shape(`${path}{}`, ir.value, model.value.shape, input, seen);
    } else if (ir.type === 'string' && showsEnum && (refEnum || model.enum || ir.enum)) {
      this.fact(path, 'enum', (refEnum ?? model.enum ?? []).join('|'), (ir.enum ?? []).join('|'));
    }
    seen.delete(pair);
  }
}

/** Scores an IR service against a botocore model: every fact compared and every mismatch. */
export function scoreService(service: Service, model: BotocoreModel, options: ScoreOptions = {}): Score {
  const scorer = new Scorer(service, model, options);
  scorer.operations();
  return scorer.score;
}

/** One line per mismatch, for test failure messages and reports. */
export function formatMismatches(mismatches: readonly Mismatch[]): string {
  return mismatches.map((m) => `${m.path}: ${m.kind} expected ${m.expected}, got ${m.actual}`).join('\n');
}
