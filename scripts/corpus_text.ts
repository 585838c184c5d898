/**
 * Text renderings of the boto3 1.43 HTML sample (scripts/corpus-html) by five independent extractors,
 * for readers of text copied or dumped from HTML (issue 14): `<out>/<theme>/<extractor>/<page>.txt`.
 *
 * - chromium: Debian's headless chromium, driven by playwright-core (launched by executablePath: no
 *   browser download), the `innerText` of the page's main content (`[role="main"]`, the article in
 *   both furo and alabaster), as a browser's copy of the article gives. Only file:// URLs load; every
 *   other request is aborted.
 * - w3m (`-dump`), lynx (`-dump -nolist`), html2text (Debian's C++ 1.3.2a, `-nobs`), pandoc
 *   (`-t plain`): each gets the whole page file as Sphinx wrote it, theme chrome (sidebar,
 *   navigation, footer) included, since none of them can select an element; all at 80 columns.
 *
 * Usage: node --import tsx scripts/corpus_text.ts HTML_DIR OUT_DIR
 * Writes OUT_DIR/manifest.json: tool versions, files, bytes and seconds per theme and extractor.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

const run = promisify(execFile);

/** Columns for the dumping tools (their own defaults are 72 to 80): one width for all. */
const WIDTH = 80;
/** The machine's 2 cores are shared: at most two extractions at a time. */
const CONCURRENCY = 2;
const CHROMIUM = '/usr/bin/chromium';

/** The HTML sample's manifest (written by scripts/corpus_html.py), the fields used here. */
interface HtmlManifest {
  pages: Record<string, string>;
  themes: Record<string, unknown>;
}

/** One command-line extractor: its argv for a page file (stdout is the text). */
interface Tool {
  name: string;
  argv: (file: string) => [string, ...string[]];
  version: [string, ...string[]];
}

const TOOLS: Tool[] = [
  {
    name: 'w3m',
    argv: (f) => ['w3m', '-dump', '-T', 'text/html', '-I', 'UTF-8', '-O', 'UTF-8', '-cols', String(WIDTH), f],
    version: ['w3m', '-version'],
  },
  {
    name: 'lynx',
    argv: (f) => ['lynx', '-dump', '-nolist', `-width=${WIDTH}`, '-assume_charset=UTF-8', '-display_charset=UTF-8', f],
    version: ['lynx', '-version'],
  },
  {
    name: 'html2text',
    argv: (f) => ['html2text', '-nobs', '-utf8', '-width', String(WIDTH), f],
    version: ['html2text', '-version'],
  },
  {
    name: 'pandoc',
    argv: (f) => ['pandoc', '-f', 'html', '-t', 'plain', `--columns=${WIDTH}`, f],
    version: ['pandoc', '--version'],
  },
];

/** Runs `work` over `items`, at most CONCURRENCY at a time; `lane` tells which of them runs it. */
async function pool<T>(items: T[], work: (item: T, lane: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(CONCURRENCY, items.length) }, async (_, lane) => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item, lane);
    }
  });
  await Promise.all(lanes);
}

/** Files, bytes and wall seconds of one extractor over one theme. */
interface Counts {
  files: number;
  bytes: number;
  seconds: number;
  /**
   * Renderings that lack a section their HTML has (see KEPT): reported, not fatal, since an
   * extractor may really lose content (html2text 1.3.2a drops a whole <dl> holding a <p> in a <p>).
   */
  missing: number;
  /** Renderings with no text at all: a broken run, fatal. */
  empty: number;
}

/**
 * What every rendering of a page should keep when its HTML has it (boto3's content arrived): the HTML
 * mark and the text, compared without case (furo's CSS upper-cases field names, and innerText follows).
 */
const KEPT: [html: string, text: string][] = [
  ['<h3>Request Syntax</h3>', 'request syntax'],
  ['Parameters<span class="colon">', 'parameters'],
  ['<h3>Response Structure</h3>', 'response structure'],
];

function write(file: string, text: string, html: string, counts: Counts): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  counts.files += 1;
  counts.bytes += Buffer.byteLength(text);
  const lower = text.toLowerCase();
  if (KEPT.some(([mark, kept]) => html.includes(mark) && !lower.includes(kept))) counts.missing += 1;
  if (text.trim() === '') counts.empty += 1;
}

async function main(): Promise<void> {
  const [htmlDir, outDir] = process.argv.slice(2);
  if (!htmlDir || !outDir) throw new Error('usage: corpus_text.ts HTML_DIR OUT_DIR');
  const manifest = JSON.parse(readFileSync(path.join(htmlDir, 'manifest.json'), 'utf8')) as HtmlManifest;
  const pages = Object.keys(manifest.pages).sort();
  const themes = Object.keys(manifest.themes).sort();
  // A clean HOME, locale and terminal: no user rc file (~/.w3m, ~/.lynxrc, ~/.html2textrc) changes the dumps.
  const home = mkdtempSync(path.join(tmpdir(), 'corpus-text-home-'));
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TERM: 'dumb' };
  const result: Record<string, unknown> = { pages: pages.length, width: WIDTH, tools: {}, themes: {} };
  const versions = result.tools as Record<string, string>;
  for (const tool of TOOLS) {
    const { stdout } = await run(tool.version[0], tool.version.slice(1), { env });
    versions[tool.name] = stdout.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  }

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // As root, Chromium's sandbox cannot start; the pages are the corpus's own files.
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  versions.chromium = `Chromium ${browser.version()}`;
  const driver = JSON.parse(readFileSync('node_modules/playwright-core/package.json', 'utf8')) as { version: string };
  versions['playwright-core'] = driver.version;
  const context = await browser.newContext({ viewport: { width: 1280, height: 1024 }, offline: true });
  // Only the corpus's files load: anything else (none is expected) is aborted, never fetched.
  await context.route(/^(?!file:)/, (route) => route.abort());

  for (const theme of themes) {
    const perTool: Record<string, Counts> = {};
    (result.themes as Record<string, unknown>)[theme] = perTool;
    const counts: Counts = { files: 0, bytes: 0, seconds: 0, missing: 0, empty: 0 };
    perTool.chromium = counts;
    let started = performance.now();
    // One tab per lane, reused page after page (a new tab per page costs more than the page).
    const tabs = await Promise.all(Array.from({ length: CONCURRENCY }, () => context.newPage()));
    await pool(pages, async (page, lane) => {
      const tab = tabs[lane]!;
      const file = path.resolve(htmlDir, theme, `${page}.html`);
      await tab.goto(pathToFileURL(file).href);
      const text = await tab.locator('[role="main"]').innerText({ timeout: 10_000 });
      write(path.join(outDir, theme, 'chromium', `${page}.txt`), text.endsWith('\n') ? text : `${text}\n`, readFileSync(file, 'utf8'), counts);
    });
    await Promise.all(tabs.map((tab) => tab.close()));
    counts.seconds = Math.round(performance.now() - started) / 1000;
    for (const tool of TOOLS) {
      const c: Counts = { files: 0, bytes: 0, seconds: 0, missing: 0, empty: 0 };
      perTool[tool.name] = c;
      started = performance.now();
      await pool(pages, async (page) => {
        const file = path.resolve(htmlDir, theme, `${page}.html`);
        const [cmd, ...args] = tool.argv(file);
        const { stdout } = await run(cmd, args, { env, maxBuffer: 1 << 28 });
        write(path.join(outDir, theme, tool.name, `${page}.txt`), stdout, readFileSync(file, 'utf8'), c);
      });
      c.seconds = Math.round(performance.now() - started) / 1000;
    }
    for (const [name, c] of Object.entries(perTool)) {
      process.stdout.write(
        `${theme}/${name}: ${c.files} files, ${(c.bytes / 1e6).toFixed(1)} MB in ${c.seconds.toFixed(1)} s${c.missing ? ` (${c.missing} lack a section their HTML has)` : ''}${c.empty ? ` (${c.empty} empty)` : ''}\n`,
      );
    }
  }
  await browser.close();
  rmSync(home, { recursive: true, force: true });
  writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(result, null, 2)}\n`);
  const empty = Object.values(result.themes as Record<string, Record<string, Counts>>)
    .flatMap((t) => Object.values(t))
    .reduce((n, c) => n + c.empty, 0);
  if (empty) throw new Error(`${empty} renderings are empty`);
}

await main();