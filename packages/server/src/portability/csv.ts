/**
 * CSV as RFC 4180 says it: CRLF line ends, fields with a comma, a quote or a line break are
 * quoted, quotes doubled. Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a
 * formula (OWASP "CSV injection"), so such text gets a leading apostrophe; numbers are written
 * as numbers, so a negative value stays a number.
 */

/** One cell: text, a number, a yes/no, or empty. */
export type CsvValue = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell as written: neutralised when it could run as a formula, quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A whole file: the header row, then one row per record, each line ended by CRLF.
 *
 * @example
 * toCsv(['a', 'b'], [['=1+1', 'x,y']]) // → 'a,b\r\n\'=1+1,"x,y"\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const line = (cells: readonly CsvValue[]) => cells.map(csvCell).join(',');
  return [header, ...rows].map((r) => `${line(r)}\r\n`).join('');
}
