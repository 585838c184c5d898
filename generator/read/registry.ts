/**
 * The reader registry: every document format docsdk reads, how each is recognised by content —
 * never by file name or extension — and which reading wins when several renderings document one
 * operation. The first reader that recognises a document reads it. A new format is a reader module
 * plus one entry here.
 */
import { DiagnosticSink } from '../diagnostics.ts';
import type { ReaderContext, ReadPage } from '../ir/input.ts';
import type { DocumentFormat } from './format.ts';
import { isBoto3Rst, readBoto3Rst } from './boto3-rst.ts';
import { isBoto3Html, readBoto3Html } from './boto3-html.ts';
import { isBoto3CompactText, readBoto3CompactText } from './boto3-compact-text.ts';
import { isBoto3BulletText, readBoto3BulletText } from './boto3-bullet-text.ts';
import { isBaiduText, readBaiduText } from './baidu-text.ts';
import { isBaiduMarkdown, readBaiduMarkdown } from './baidu-markdown.ts';
import { isBaiduApiText, readBaiduApiText } from './baidu-api-text.ts';

/** A reader: the format it reads, how it recognises it, and how it reads it. */
export interface Reader {
  format: DocumentFormat;
  /** One line for `--help` and for "no reader recognises" errors. */
  description: string;
  /**
   * Which reading to prefer when several pages document one operation, lowest first: a source
   * (RST, Markdown) over its renderings, and the rendering that keeps more structure (HTML keeps
   * all of it, as elements; bullets keep depth; compact text flattens it) over one that keeps less.
   */
  rank: number;
  detect(text: string): boolean;
  /** Reads a document; `context` carries the service folder's settings for readers that need facts. */
  read(text: string, file: string, context?: ReaderContext): ReadPage;
}

/** Every reader, most specific first. Readers for more formats register here. */
export const readers: Reader[] = [
  { format: 'boto3-rst', rank: 0, description: 'boto3 client page, reStructuredText source (.. py:method::)', detect: isBoto3Rst, read: readBoto3Rst },
  // HTML is what Sphinx renders from the RST: every structure of the source is still there as an
  // element, but inline markup and some spacing are gone, so it ranks after its source and before
  // the text extracted from it, which has lost the elements too.
  { format: 'boto3-html', rank: 1, description: 'boto3 client page as Sphinx HTML (<dl class="py method">, any theme)', detect: isBoto3Html, read: readBoto3Html },
  { format: 'boto3-compact-text', rank: 3, description: 'boto3 page as text from the HTML site whose headings keep their ¶ permalink (any copy or dump: flattened or indented entries)', detect: isBoto3CompactText, read: readBoto3CompactText },
  { format: 'boto3-bullet-text', rank: 2, description: 'boto3 page as text from the HTML site without ¶ permalinks (browser copy, w3m, lynx, html2text, pandoc; # permalinks, any list glyphs)', detect: isBoto3BulletText, read: readBoto3BulletText },
  { format: 'baidu-markdown', rank: 4, description: 'Baidu AI Cloud SDK page, Markdown source (fenced @required/def blocks)', detect: isBaiduMarkdown, read: readBaiduMarkdown },
  { format: 'baidu-text', rank: 5, description: 'Baidu AI Cloud SDK page (Python, Java, Go, PHP) as text from the site, any rendering (Python def / Java public declarations; line-numbered or raw code)', detect: isBaiduText, read: readBaiduText },
  // An API-reference page describes the request itself (wire names, types, required, where each
  // parameter travels); an SDK page describes one language's call over it. So it ranks before any
  // SDK page of the operation (Markdown source or rendering) — while the operation takes its
  // method from the SDK page, which names one (generator/ir/align.ts). Ranks only order readings
  // of one operation, so 2.5 need only sit below the Baidu SDK formats'.
  { format: 'baidu-api-text', rank: 2.5, description: 'Baidu AI Cloud API-reference page as text from the site, any rendering ("Request structure", parameter tables with their location; general pages)', detect: isBaiduApiText, read: readBaiduApiText },
];

const RANKS = new Map<string, number>(readers.map((r) => [r.format, r.rank]));

/** The rank of a reading's format ({@link Reader.rank}); formats no reader has come last. */
export function formatRank(format: string): number {
  return RANKS.get(format) ?? Number.MAX_SAFE_INTEGER;
}

/** The reader that recognises `text`, if any. */
export function detectReader(text: string): Reader | undefined {
  return readers.find((r) => r.detect(text));
}

/** Reads a document with the reader its content calls for; unrecognised text is an error page. */
export function readDocument(text: string, file: string, context?: ReaderContext): ReadPage {
  const reader = detectReader(text);
  if (reader) return reader.read(text, file, context);
  const sink = new DiagnosticSink(file);
  sink.error(1, `no reader recognises this document; expected one of: ${readers.map((r) => `${r.format} (${r.description})`).join('; ')}`);
  return { file, format: 'boto3-rst', service: { provider: 'aws' }, operations: [], skipped: [], diagnostics: sink.items };
}
