/**
 * The word-level before/after of a documentation change, as `docsdk diff` shows it: jsdiff's word
 * diff (`diff` on npm) of the two texts, with runs of white space read as one space, cut to a few
 * words of context around each change so a long page's one-word fix stays one short line.
 *
 * @packageDocumentation
 */
import { diffWords } from 'diff';

/** A run of words: unchanged, removed (only before) or added (only after). */
export interface WordPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Words of context kept on each side of a change. */
export const CONTEXT_WORDS = 6;

/**
 * Past this many edits (tokens added or removed) the texts are shown as replaced whole: jsdiff's
 * search grows with the square of the edit count (at 2,000 a rewritten text took 0.4 s), and a
 * rewritten page says nothing word by word.
 */
export const MAX_EDITS = 400;

const space = (text: string) => text.replace(/\s+/g, ' ');

// A report is rendered more than once (the whole one, the cut one): each pair of texts is diffed once.
const cache = new Map<string, WordPart[]>();

/** The word diff of `before` and `after` (white space collapsed), unchanged runs cut to their context. */
export function wordDiff(before: string, after: string, context = CONTEXT_WORDS): WordPart[] {
  const key = `${context}\0${before}\0${after}`;
  let parts = cache.get(key);
  if (!parts) {
    parts = diffOnce(before, after, context);
    // Bounded: a long-running process diffing many reports keeps only the latest texts.
    if (cache.size >= 10_000) cache.clear();
    cache.set(key, parts);
  }
  return parts;
}

function diffOnce(before: string, after: string, context: number): WordPart[] {
  const a = space(before).trim();
  const b = space(after).trim();
  const changes = diffWords(a, b, { maxEditLength: MAX_EDITS });
  const parts: WordPart[] = changes
    ? changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }))
    : [
        { kind: 'removed', text: a },
        { kind: 'added', text: b },
      ];
  return parts
    .filter((p) => p.text !== '')
    .map((p, i, all) => (p.kind === 'same' ? { kind: 'same', text: cut(p.text, i > 0, i < all.length - 1, context) } : p));
}

/**
 * An unchanged run with `context` words kept where it touches a change (`afterChange`: its start;
 * `beforeChange`: its end) and `…` for what is left out.
 */
function cut(text: string, afterChange: boolean, beforeChange: boolean, context: number): string {
  const words = text.trim().split(' ');
  const keep = (afterChange ? context : 0) + (beforeChange ? context : 0);
  // Leaving out a single word saves nothing.
  if (words.length <= keep + 1) return text;
  const lead = text.startsWith(' ') ? ' ' : '';
  const trail = text.endsWith(' ') ? ' ' : '';
  const head = afterChange ? `${lead}${words.slice(0, context).join(' ')} ` : '';
  const tail = beforeChange ? ` ${words.slice(-context).join(' ')}${trail}` : '';
  return `${head}…${tail}`;
}

/** Text safe in Markdown and inline HTML: entities for `& < >`, backslashes before Markdown's marks. */
function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#]/g, (c) => `\\${c}`);
}

/**
 * The diff as one line of GitHub Markdown: removed words in `<del>`, added ones in `<ins>` (HTML
 * rather than `~~`/`**`, which do not open or close next to a space or a punctuation mark).
 */
export function wordDiffMarkdown(parts: readonly WordPart[]): string {
  return parts
    .map((p) => {
      if (p.kind === 'same') return escape(p.text);
      // The spaces around a changed run stay outside the tags, so nothing reads glued together.
      const m = /^(\s*)(.*?)(\s*)$/s.exec(p.text)!;
      const tag = p.kind === 'removed' ? 'del' : 'ins';
      return `${m[1]}<${tag}>${escape(m[2]!)}</${tag}>${m[3]}`;
    })
    .join('')
    .trim();
}
