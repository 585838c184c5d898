/**
 * Deterministic pseudo-random pages for "never throws" tests: lines of a real page shuffled with
 * pieces that start sections, entries and literals, so readers meet cut and disordered input.
 */

/** `count` pages of 30 lines each, drawn from `pieces` by a fixed linear congruential sequence. */
export function shuffledPages(pieces: readonly string[], prefix: string, count = 300, seed = 7): string[] {
  const pages: string[] = [];
  let state = seed;
  for (let i = 0; i < count; i++) {
    const picked: string[] = [];
    for (let j = 0; j < 30; j++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      picked.push(pieces[state % pieces.length]!);
    }
    pages.push(`${prefix}\n${picked.join('\n')}`);
  }
  return pages;
}
