/**
 * The layout pass (`layout.ts`): marked lines printed by Prettier's document printer, helper-written
 * comments indented, multi-line choices by their first line, Markdown tables aligned. Given/want tables.
 */
import { describe, expect, test } from 'vitest';
import { alignMarkdownTable, firstCodeLineFits, layoutLine, layoutLines, MARK } from '../../generator/emit/layout.ts';

const { groupOpen: G, groupClose: g, indentOpen: I, indentClose: i, line: L, softline: S, trailingComma: T } = MARK;
const args = (...xs: string[]) => `${G}(${I}${S}${xs.join(`,${L}`)}${i}${T}${S})${g}`;

describe('layoutLine', () => {
  const cases: { name: string; given: string; width: number; want: string }[] = [
    { name: 'fits: printed flat, markers gone', given: `  p = $add${args('p', "'Name'", "'required'")};`, width: 110, want: "  p = $add(p, 'Name', 'required');" },
    {
      name: 'too long: arguments one per line, trailing comma, indented from the line',
      given: `    p = $add${args('p', "'Name'", "'required'")};`,
      width: 20,
      want: "    p = $add(\n      p,\n      'Name',\n      'required',\n    );",
    },
    {
      name: 'fluid assignment: breaks after `=` only when the call cannot start on the line',
      given: `  const r =${MARK.fluidBreak}$LongCheckerName${args('x', 'out')};`,
      width: 24,
      want: '  const r =\n    $LongCheckerName(\n      x,\n      out,\n    );',
    },
    {
      name: 'fluid assignment: stays on the line when the call head fits',
      given: `  const r =${MARK.fluidBreak}$Check${args('x', 'out')};`,
      width: 20,
      want: '  const r = $Check(\n    x,\n    out,\n  );',
    },
    {
      name: 'ifBreak text: parentheses only when broken',
      given: `  return ${G}${MARK.breakOnlyOpen}(${MARK.breakOnlyClose}${I}${S}value['x'] !== undefined${i}${S}${MARK.breakOnlyOpen})${MARK.breakOnlyClose}${g};`,
      width: 30,
      want: "  return (\n    value['x'] !== undefined\n  );",
    },
    {
      name: 'leading pipe of a broken union',
      given: `  Key?:${G}${I}${L}${G}${MARK.leadingPipe}LongEnumName${L}| (string & {})${g}${i}${g};`,
      width: 20,
      want: '  Key?:\n    | LongEnumName\n    | (string & {});',
    },
  ];
  test.each(cases)('$name', ({ given, width, want }) => {
    expect(layoutLine(given, width)).toBe(want);
  });

  test('unbalanced markers are an emitter bug, named as such', () => {
    expect(() => layoutLine(`  f${G}(x`, 2)).toThrow(/emitter bug: unclosed layout markers/);
    expect(() => layoutLine(`  f(x)${g}`, 2)).toThrow(/emitter bug: unbalanced layout markers/);
    expect(() => layoutLine(`  f(x)${MARK.breakOnlyClose}`, 2)).toThrow(/emitter bug: a stray layout marker U\+E00A/);
  });
});

describe('layoutLines', () => {
  test('a helper-written TSDoc comment and the line after it take the indentation of its opening line', () => {
    const given = '  /**\n * The name.\n *\n * Second paragraph.\n */\nName?: string;\n  other: number;';
    expect(layoutLines(given)).toBe('  /**\n   * The name.\n   *\n   * Second paragraph.\n   */\n  Name?: string;\n  other: number;');
  });

  test('a template-written indented comment is left as written', () => {
    const given = '  /**\n   * Region.\n   */\n  constructor() {}';
    expect(layoutLines(given)).toBe(given);
  });

  test('unmarked lines pass through, wide or not', () => {
    const wide = `export type ${'X'.repeat(130)} = string;`;
    expect(layoutLines(`a\n${wide}\n`)).toBe(`a\n${wide}\n`);
  });
});

describe('firstCodeLineFits', () => {
  test('judges the first laid-out line of code, comments skipped', () => {
    expect(firstCodeLineFits('/**\n * a very long comment line\n */\nexport const X = {', 20)).toBe(true);
    expect(firstCodeLineFits('export const LongerName = {', 20)).toBe(false);
    // A marked line whose head fits once its group breaks.
    expect(firstCodeLineFits(`f${args('aaaaaaaaaa', 'bbbbbbbbbb')} {`, 20)).toBe(true);
  });
});

describe('alignMarkdownTable', () => {
  test('pads every column to its widest cell and the delimiter row to match', () => {
    const given = '| Class | Operations |\n| --- | --- |\n| `AccessDeniedException` | GetConnection, ListThings |\n| `E` | A |\n';
    expect(alignMarkdownTable(given)).toBe(
      '| Class                   | Operations                |\n' +
        '| ----------------------- | ------------------------- |\n' +
        '| `AccessDeniedException` | GetConnection, ListThings |\n' +
        '| `E`                     | A                         |\n',
    );
  });

  test('wide characters count two columns, as in Prettier', () => {
    expect(alignMarkdownTable('| a | b |\n| --- | --- |\n| 中文 | x |\n')).toBe('| a    | b   |\n| ---- | --- |\n| 中文 | x   |\n');
  });
});
