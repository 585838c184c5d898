/**
 * Lines of a text by character offset: where each line starts, and which line an offset is on. Shared
 * by the readers (page positions) and the settings loader (`service.json` key positions), which may
 * not import each other.
 *
 * @packageDocumentation
 */

/** Offsets at which each line of `text` starts (index 0 = line 1). */
export function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line holding `offset`, given {@link lineOffsets}; a binary search. */
export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
