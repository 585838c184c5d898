/**
 * Cutting an SDK page of Baidu's site, in any of its renderings (`site-text.ts`), into the blocks
 * the SDK reader works on (`blocks.ts`). The renderings mark no headings: a heading is a short
 * line on its own — no final full stop, no colon, comma or URL — that opens something (a
 * paragraph, bullets, code, an operation's `Function declaration`). Lines that look like headings
 * but are not: the fixed labels of an operation's layout (`Function declaration`, `Parameter
 * meaning`, `Response value`, `Operation succeeded:`…), what directly follows such a label, and
 * the bare step lines after a sentence ending in a colon ("…through the following steps:"), which
 * are list items.
 */
import type { Block } from './blocks.ts';
import { readSitePage, type SiteBlock, type SitePage, type SiteRendering } from './site-text.ts';

/**
 * The fixed labels of an SDK page's operation layout (Python: `Operation succeeded:`; Java writes
 * `- Operation succeeded` as a bullet) and of its setup (`Note:`).
 */
export const LAYOUT_LABEL =
  /^(?:function declaration|parameter meaning|response value|operation succeeded:?|operation failed:?|code example|example code|note:?)$/i;

/** The one-line note that an operation answers nothing particular. */
const NONE_NOTE = /^there (?:are|is) no special response parameters?\.?$/i;

/** An SDK page of the site in blocks, and how the page ends. */
export interface SiteSdkPage {
  blocks: Block[];
  site: SitePage;
  /** The page ends the way a cut one does (mid-line; an older-unindented page without its footer). */
  endsCut: boolean;
}

/** Reads an SDK page of the site into blocks. */
export function siteSdkBlocks(text: string): SiteSdkPage {
  const site = readSitePage(text);
  const source = site.blocks;
  // The last line of a page that ends mid-line is a piece of something: not a heading.
  const cutLine = site.endsMidLine ? site.lastLine : -1;
  const candidate = source.map((b) => b.kind === 'text' && b.line !== cutLine && isHeadingCandidate(b.text));
  const heading = new Array<boolean>(source.length).fill(false);
  const step = new Array<boolean>(source.length).fill(false);
  // A run of candidate lines: after a sentence ending in a colon, all but a last one that opens
  // something are steps; otherwise every one is a heading (`Initialization`, `Confirm Endpoint`).
  for (let i = 0; i < source.length; ) {
    if (!candidate[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < source.length && candidate[j + 1]) j++;
    const before = source[i - 1];
    const afterLabel = before?.kind === 'text' && LAYOUT_LABEL.test(before.text.trim());
    const afterColon = before?.kind === 'text' && /:\s*$/.test(before.text) && !afterLabel;
    const opensSomething = j + 1 < source.length;
    for (let k = i; k <= j; k++) {
      if (k === i && afterLabel) continue; // the label's own content
      if (afterColon && !(k === j && opensSomething)) step[k] = true;
      else heading[k] = true;
    }
    i = j + 1;
  }
  const blocks: Block[] = [];
  if (site.title) blocks.push({ kind: 'paragraph', text: site.title.text, line: site.title.line });
  source.forEach((b, i) => {
    const block = toBlock(b, heading[i]!, step[i]!);
    if (block) blocks.push(block);
  });
  return { blocks, site, endsCut: endsCut(site.rendering, site) };
}

/** A site block as an SDK-reader block (tables carry nothing an SDK operation needs: left out). */
function toBlock(b: SiteBlock, heading: boolean, step: boolean): Block | undefined {
  switch (b.kind) {
    case 'text':
      if (heading) return { kind: 'heading', text: b.text, line: b.line };
      return step ? { kind: 'item', text: b.text, line: b.line } : { kind: 'paragraph', text: b.text, line: b.line };
    case 'item':
      return { kind: 'item', text: b.text, line: b.line };
    case 'code':
      return { kind: 'code', ...(b.label ? { label: b.label } : {}), lines: b.lines.map((l) => ({ ...l })), line: b.line };
    default:
      return undefined;
  }
}

/** Whether a prose line could be a heading: short, unpunctuated, no URL, not a label or a note. */
function isHeadingCandidate(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.length > 80 || LAYOUT_LABEL.test(t) || NONE_NOTE.test(t)) return false;
  if (/[.:;,!?。：；，]$/.test(t) || /[:;,，：]/.test(t) || /https?:\/\//.test(t) || /\.\s/.test(t)) return false;
  return /^[\p{L}\p{N}]/u.test(t);
}

/** Whether a page ends the way a cut one does. */
function endsCut(rendering: SiteRendering, site: SitePage): boolean {
  if (site.endsMidLine && rendering !== 'older-compact' && rendering !== 'older-unindented') return true;
  return rendering === 'older-unindented' && site.footer === undefined;
}

/**
 * Whether text is an SDK page of the site in one of its renderings: an operation's `Function
 * declaration`, or the setup every SDK page opens with (`Confirm Endpoint` / `Retrieve Endpoint`
 * and the key, or a client built from `BceClientConfiguration`, `DefaultBceCredentials`,
 * `bce-sdk-go`, a PHP credentials array).
 */
export function isBaiduSdkSitePage(text: string): boolean {
  const head = text.slice(0, 1 << 20);
  if (/^\s*Function declaration\s*$/m.test(head) && /^\s*\d*\s*(?:def\s+\w+\s*\(self|public\s+\w[\w<>]*\s+\w+\s*\()/m.test(head)) return true;
  const setup = /^\s*(?:Confirm Endpoint|Retrieve Endpoint)\s*$/m.test(head) && /^\s*(?:Retrieve access key|Retrieve AK\/SK|Get the [Kk]ey)\s*$/m.test(head);
  const client = /\bBceClientConfiguration\b|\bDefaultBceCredentials\b|github\.com\/baidubce\/bce-sdk-go\/services\/|'credentials'\s*=>\s*array\(/.test(head);
  return setup || (client && /^\s*(?:Initialization|Confirm Endpoint|Retrieve Endpoint)\s*$/m.test(head));
}
