/**
 * The parameter tables of Baidu's API-reference pages. Columns are known by their header
 * (`Parameter name | Types | Whether required | Parameter location | Description` now,
 * `Parameter name | Type | Required or not | Parameter position | Description` in the older
 * renderings; the response table without the required and location columns). A flattened row
 * (older renderings: cells joined by spaces) is split by what each column holds — a name, a type
 * without spaces, `Yes`/`No`, one of the location phrases — not by counting spaces, since
 * `URL parameter` and descriptions hold spaces too. A row the page ends in keeps the cells that
 * are whole; a partial cell is unknown.
 */
import type { TypeNode } from '../../ir/input.ts';
import type { SiteBlock, SiteTableRow } from './site-text.ts';

type Table = Extract<SiteBlock, { kind: 'table' }>;

/** Where the table says a parameter travels. `url`: in the URL, the template says path or query. */
export type TableLocation = 'url' | 'path' | 'query' | 'body' | 'header';

/** One row of a parameter table. */
export interface ParameterRow {
  name: string;
  /** The type cell as written (links included), or undefined when cut off. */
  typeCell?: string;
  /** The type cell was cut inside a link's target: its visible name is whole, the rest of the cell is not. */
  typeCellCut?: boolean;
  required?: boolean;
  location?: TableLocation;
  /** The location cell as written, when it is whole. */
  locationCell?: string;
  description?: string;
  line: number;
  /** The page ends inside this row. */
  cut: boolean;
}

/** A problem with a row, located. */
export interface RowProblem {
  message: string;
  line: number;
}

const LOCATIONS: readonly [string[], TableLocation][] = [
  [['request', 'body', 'parameters'], 'body'],
  [['request', 'body', 'parameter'], 'body'],
  [['requestbody', 'parameters'], 'body'],
  [['requestbody', 'parameter'], 'body'],
  [['url', 'parameters'], 'url'],
  [['url', 'parameter'], 'url'],
  [['query', 'parameters'], 'query'],
  [['query', 'parameter'], 'query'],
  [['header', 'parameter'], 'header'],
  [['path', 'parameter'], 'path'],
  [['requestbody'], 'body'],
  [['body'], 'body'],
  [['query'], 'query'],
  [['url'], 'url'],
  [['path'], 'path'],
  [['header'], 'header'],
];

/** Which column holds what, by header name; -1 when the table has no such column. */
export interface ColumnMap {
  name: number;
  type: number;
  required: number;
  location: number;
  description: number;
}

/** Columns of a parameter table, when its header is one (it has a name and a type column). */
export function parameterColumns(table: Table): ColumnMap | undefined {
  const find = (re: RegExp) => table.columns.findIndex((c) => re.test(c.trim()));
  const map: ColumnMap = {
    name: find(/^parameter\s+name$/i),
    type: find(/^types?$/i),
    required: find(/^(whether required|required or not|required)$/i),
    location: find(/^parameter\s+(location|position)$/i),
    description: find(/^description$/i),
  };
  return map.name >= 0 && map.type >= 0 ? map : undefined;
}

/** The rows of a parameter table, each with the cells it shows whole. */
export function parameterRows(table: Table, columns: ColumnMap): { rows: ParameterRow[]; problems: RowProblem[] } {
  const rows: ParameterRow[] = [];
  const problems: RowProblem[] = [];
  for (const row of table.rows) {
    const cells = table.style === 'flattened' ? splitFlattened(row, columns) : pipeCells(row, table.columns.length);
    if (!cells) {
      problems.push({ message: `this row of the ${table.columns.join(' / ')} table does not split into its columns`, line: row.line });
      continue;
    }
    const cell = (i: number) => (i >= 0 && i < cells.values.length && i !== cells.partial ? cells.values[i] : undefined);
    const name = cell(columns.name)?.replace(/\\_/g, '_');
    if (!name) {
      if (!row.cut) problems.push({ message: 'a table row without a parameter name', line: row.line });
      continue;
    }
    if (!/^[A-Za-z_$][\w$-]*$/.test(name)) {
      problems.push({ message: `"${name}" is not a parameter name`, line: row.line });
      continue;
    }
    const out: ParameterRow = { name, line: row.line, cut: row.cut };
    const typeText = cell(columns.type);
    if (typeText !== undefined) out.typeCell = typeText;
    else if (cells.partial === columns.type) {
      // Cut inside a link's target: the link text before it is whole (`[DnsStatus](` shows DnsStatus).
      const partial = cells.values[columns.type] ?? '';
      if (/\[[^\]]+\]\(/.test(partial)) {
        out.typeCell = partial;
        out.typeCellCut = true;
      }
    }
    const required = cell(columns.required);
    if (required !== undefined) {
      if (/^yes$/i.test(required)) out.required = true;
      else if (/^no$/i.test(required)) out.required = false;
      else problems.push({ message: `"${required}" in the required column: expected Yes or No`, line: row.line });
    }
    const location = cell(columns.location);
    if (location !== undefined) {
      const known = locationOf(location);
      if (known) {
        out.location = known;
        out.locationCell = location;
      } else problems.push({ message: `"${location}" in the location column: expected URL parameter, Query or RequestBody`, line: row.line });
    }
    const description = cell(columns.description);
    if (description !== undefined) out.description = description;
    rows.push(out);
  }
  return { rows, problems };
}

/** A location phrase of the tables (`URL parameter`, `Query`, `RequestBody`, `Request Body parameters`). */
export function locationOf(cell: string): TableLocation | undefined {
  const words = cell.trim().toLowerCase().split(/\s+/);
  return LOCATIONS.find(([phrase]) => phrase.length === words.length && phrase.every((w, i) => w === words[i]))?.[1];
}

/** The cells of a pipe row, which cell is partial (the last, when the page ends in the row). */
function pipeCells(row: SiteTableRow, width: number): { values: string[]; partial: number } {
  const values = row.cells.slice(0, Math.max(width, row.cells.length));
  return { values, partial: row.cut ? values.length - 1 : -1 };
}

/**
 * Splits a flattened row by what its columns hold: the name and the type are single words, the
 * required cell `Yes`/`No`, the location one of the known phrases, the description the rest. On
 * a row the page ends in, the last word may be partial: the cell holding it is unknown.
 */
function splitFlattened(row: SiteTableRow, columns: ColumnMap): { values: string[]; partial: number } | undefined {
  const words = (row.cells[0] ?? '').split(/\s+/).filter(Boolean);
  const order = (['name', 'type', 'required', 'location', 'description'] as const).filter((k) => columns[k] >= 0).sort((a, b) => columns[a] - columns[b]);
  const values: string[] = [];
  let partial = -1;
  let w = 0;
  for (const key of order) {
    const index = columns[key];
    if (w >= words.length) break;
    let take = 1;
    if (key === 'description') take = words.length - w;
    else if (key === 'location') {
      const match = LOCATIONS.filter(([phrase]) => phrase.every((p, k) => words[w + k]?.toLowerCase() === p)).sort((a, b) => b[0].length - a[0].length)[0];
      if (match) take = match[0].length;
      else if (!(row.cut && w + 1 >= words.length)) return undefined;
    } else if (key === 'required' && !/^(yes|no)$/i.test(words[w]!) && !(row.cut && w + 1 >= words.length)) return undefined;
    values[index] = words.slice(w, w + take).join(' ');
    w += take;
    if (row.cut && w >= words.length) partial = index;
  }
  return { values, partial };
}

/** What a type cell names, links reduced to their text: `List<[PeerConn](…)>` → `List<PeerConn>`. */
export function typeText(cell: string, cut = false): string {
  let text = cell.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (cut) text = text.replace(/\[([^\]]*)\]\([^)]*$/, '$1');
  if (cut) {
    const open = (text.match(/</g) ?? []).length - (text.match(/>/g) ?? []).length;
    text += '>'.repeat(Math.max(0, open));
  }
  return text.replace(/\s+/g, '');
}

const SCALARS: Record<string, TypeNode['kind']> = {
  string: 'string',
  str: 'string',
  integer: 'integer',
  int: 'integer',
  long: 'integer',
  short: 'integer',
  boolean: 'boolean',
  bool: 'boolean',
  float: 'float',
  double: 'float',
  number: 'float',
  date: 'timestamp',
  datetime: 'timestamp',
  timestamp: 'timestamp',
  object: 'document',
};

/**
 * The type a type name gives: a scalar (`String`, `Integer`/`int`, `Boolean`/`boolean`, …), a
 * list (`List<X>`; a bare `List` of unknown items), or a type the page names without defining it
 * (`Billing`, `PeerConnStatus`). `known` is false when some part of it is not shown.
 */
export function typeOfName(name: string): { type: TypeNode; known: boolean } {
  const list = /^(?:List|Array|Set)(?:<(.*)>)?$/i.exec(name) ?? /^(.*)\[\]$/.exec(name);
  if (list) {
    if (!list[1]) return { type: { kind: 'list', member: { kind: 'document' } }, known: false };
    const member = typeOfName(list[1]);
    return { type: { kind: 'list', member: member.type }, known: member.known };
  }
  const scalar = SCALARS[name.toLowerCase()];
  if (scalar) return { type: { kind: scalar } as TypeNode, known: true };
  if (/^[A-Za-z_]\w*$/.test(name)) return { type: { kind: 'document', shapeName: name, pageNamed: true }, known: false };
  return { type: { kind: 'document' }, known: false };
}
