/**
 * Running the third-party parsers (`restructured`, `remark-parse`) with a time bound. Both can
 * take time far beyond linear on hostile input (issue 8's fuzzing): `restructured` backtracks
 * exponentially on lists indented with a mix of tabs and spaces (a 7 KB page took 6 s), and
 * remark's time grows with the cube of list nesting (1,000 nested items, 1 MB: 45 s). A
 * synchronous parser can't be interrupted from its own thread, so the parse runs on a helper
 * thread while this one waits on a shared flag with a timeout (`Atomics.wait`): readers stay
 * synchronous, and a parse that misses its budget is abandoned (the thread terminated) and
 * reported by the reader, never waited out.
 *
 * For `restructured`, tabs are expanded to 8 columns first (reStructuredText's own rule, the one
 * `indent-tree.ts` applies): it keeps every line where it was and removes the commonest trigger.
 */
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Root } from 'mdast';
import type { RstNode } from 'restructured';

/** Time a parse may take: a fixed part, plus a part per megabyte (restructured reads ~4–6 MB/s). */
export const PARSE_BUDGET_MS = 2_000;
export const PARSE_BUDGET_MS_PER_MB = 1_000;

/** Heap limit of the parsing thread, in MB. */
export const PARSE_HEAP_MB = 3_072;

/** The outcome of a bounded parse: the tree, the parser's error, or the budget it overran. */
export type BoundedParse<T> = { doc: T } | { error: string } | { timedOut: number };

/** The parsers the helper thread runs (`rst-directives`: restructured, answering with {@link RstDirective}s only). */
type ParserKind = 'rst' | 'rst-directives' | 'markdown';

/**
 * A top-level `py:` directive as the parser found it (not inside another `py:` directive; sections
 * may hold it): its name, where it starts and ends in the parsed text, and its argument (the text
 * after `::`, e.g. the class a `py:class` names).
 */
export interface RstDirective {
  directive: string;
  start: { line: number; offset: number };
  end: { offset: number };
  argument: unknown;
}

/** Expands tabs to the next multiple of 8 columns on every line; line breaks are kept. */
export function expandRstTabs(text: string): string {
  if (!text.includes('\t')) return text;
  return text
    .split('\n')
    .map((line) => {
      if (!line.includes('\t')) return line;
      let out = '';
      for (const c of line) out += c === '\t' ? ' '.repeat(8 - (out.length % 8)) : c;
      return out;
    })
    .join('\n');
}

/** The parsing thread: CommonJS evaluated in place (no TypeScript loader needed); parsers load on first use. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const flag = new Int32Array(workerData.flag);
// Each parser is loaded when first asked for: an RST-only run never loads unified and remark.
const loaders = {
  rst: async () => {
    const rst = require(workerData.restructured);
    return (text) => (rst.default || rst).parse(text, { position: true });
  },
  // The boto3 reader needs only where the py: directives are: answering with those, not the whole
  // tree, spares cloning the tree to the reading thread and back (most of a parse's cost after the
  // parse itself, on per-method pages). A loop, not recursion: trees can nest thousands deep.
  'rst-directives': async () => {
    const parse = await loaders.rst();
    return (text) => {
      const found = [];
      const pending = [parse(text)];
      while (pending.length > 0) {
        const node = pending.pop();
        if (node.type === 'directive' && typeof node.directive === 'string' && node.directive.startsWith('py:') && node.position) {
          const { start, end } = node.position;
          const first = node.children && node.children[0];
          found.push({ directive: node.directive, start: { line: start.line, offset: start.offset }, end: { offset: end.offset }, argument: first ? first.value : undefined });
          continue;
        }
        if (node.children) for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]);
      }
      return found;
    };
  },
  markdown: async () => {
    const { unified } = await import(workerData.unified);
    const remarkParse = (await import(workerData.remarkParse)).default;
    return (text) => unified().use(remarkParse).parse(text);
  },
};
const parsers = {};
workerData.jobs.on('message', async ({ id, kind, text }) => {
  let answer;
  try {
    parsers[kind] = parsers[kind] || (await loaders[kind]());
    answer = { id, doc: parsers[kind](text) };
  } catch (e) {
    answer = { id, error: String((e && e.message) || e) };
  }
  try {
    workerData.answers.postMessage(answer);
  } catch (e) {
    // A tree nested thousands deep can't be cloned between threads (the clone recurses).
    workerData.answers.postMessage({ id, error: 'syntax tree too deep to pass back: ' + String((e && e.message) || e) });
  }
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

/** One parsing thread and the channels to it; replaced after a timeout. */
interface ParserThread {
  worker: Worker;
  jobs: MessagePort;
  answers: MessagePort;
  flag: Int32Array;
}

let thread: ParserThread | undefined;

function startThread(): ParserThread {
  const jobs = new MessageChannel();
  const answers = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    // Memory is bounded too: a parse that needs more dies (ERR_WORKER_OUT_OF_MEMORY) and is reported
    // like a timeout. A 50 MB page takes remark about 1 GB.
    resourceLimits: { maxOldGenerationSizeMb: PARSE_HEAP_MB },
    workerData: {
      restructured: createRequire(import.meta.url).resolve('restructured'),
      unified: import.meta.resolve('unified'),
      remarkParse: import.meta.resolve('remark-parse'),
      flag: flag.buffer,
      jobs: jobs.port2,
      answers: answers.port2,
    },
    transferList: [jobs.port2, answers.port2],
  });
  // The thread must not keep a finished program alive, nor its failure end the program.
  worker.unref();
  worker.on('error', () => {
    if (thread?.worker === worker) thread = undefined;
  });
  jobs.port1.unref();
  answers.port1.unref();
  return { worker, jobs: jobs.port1, answers: answers.port1, flag };
}

/** A fixed budget in place of the computed one (tests that are about something else than time). */
let budgetOverride: number | undefined;

/**
 * The budget for a text of `length` characters (2 s + 1 s per MB), or the one set by
 * {@link overrideParseBudget}.
 */
export function parseBudget(length: number): number {
  return budgetOverride ?? PARSE_BUDGET_MS + Math.ceil((length / (1 << 20)) * PARSE_BUDGET_MS_PER_MB);
}

/**
 * Sets every parse's budget to `ms` (undefined: back to the computed one). For tests of what a
 * parse gives, so that how loaded the machine is cannot change the outcome; never set in production.
 */
export function overrideParseBudget(ms: number | undefined): void {
  budgetOverride = ms;
}

/** Numbers jobs, so an answer is only ever taken for the job that asked for it. */
let lastJob = 0;

/** Ends a thread that can't be trusted any more (over budget, or its answers out of step). */
function abandon(current: ParserThread): void {
  if (thread === current) thread = undefined;
  void current.worker.terminate();
}

/** A flag nobody sets: waiting on it is a sleep. */
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Runs one parse on the helper thread, giving up after `budgetMs`. */
function parseBounded<T>(kind: ParserKind, text: string, budgetMs: number): BoundedParse<T> {
  thread ??= startThread();
  const current = thread;
  const id = ++lastJob;
  Atomics.store(current.flag, 0, 0);
  current.jobs.postMessage({ id, kind, text });
  if (Atomics.wait(current.flag, 0, 0, budgetMs) === 'timed-out') {
    abandon(current);
    return { timedOut: budgetMs };
  }
  // The answer is posted before the flag is set, but may show on this side a moment later. Taking
  // "the next message" instead of this job's answer once let every later page get the syntax tree
  // of the page before it (found by a 100,000-input fuzz run): answers are matched by id.
  const giveUp = performance.now() + 1_000;
  for (;;) {
    let received: { message: unknown } | undefined;
    try {
      received = receiveMessageOnPort(current.answers);
    } catch (e) {
      // Deserialising a very deep tree recurses too.
      abandon(current);
      return { error: `syntax tree too deep to pass back: ${(e as Error).message}` };
    }
    const message = received?.message as (BoundedParse<T> & { id: number }) | undefined;
    if (message?.id === id) {
      const { id: _id, ...answer } = message;
      return answer as BoundedParse<T>;
    }
    if (message) continue; // an answer to an abandoned job
    if (performance.now() > giveUp) {
      abandon(current);
      return { error: 'the parsing thread gave no answer' };
    }
    Atomics.wait(sleeper, 0, 0, 1);
  }
}

/**
 * Parses reStructuredText (tabs expanded) with positions, giving up after `budgetMs`. Positions
 * are those of the expanded text: lines are the same, offsets are not.
 */
export function parseRstBounded(text: string, budgetMs = parseBudget(text.length)): BoundedParse<RstNode> {
  return parseBounded('rst', text, budgetMs);
}

/**
 * Parses reStructuredText (tabs expanded) and answers with its top-level `py:` directives in
 * document order, giving up after `budgetMs`. Positions are those of the expanded text.
 */
export function parseRstDirectivesBounded(text: string, budgetMs = parseBudget(text.length)): BoundedParse<RstDirective[]> {
  return parseBounded('rst-directives', text, budgetMs);
}

/** Parses Markdown into remark's syntax tree, giving up after `budgetMs`. */
export function parseMarkdownBounded(text: string, budgetMs = parseBudget(text.length)): BoundedParse<Root> {
  return parseBounded('markdown', text, budgetMs);
}
