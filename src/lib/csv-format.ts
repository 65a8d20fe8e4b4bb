/**
 * RFC 4180 CSV writing with spreadsheet formula injection guarded. Shared by the checker's export
 * and the log scanner's, and kept free of any other import so the log scanner does not load the
 * checker's wording with it.
 */

/** Byte order mark so Excel reads the file as UTF-8. */
export const BOM = '\uFEFF';

/** Prefixes a cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) with an apostrophe. */
export function guardCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * RFC 4180 text: CRLF line ends, fields with `"`, `,`, CR or LF quoted, inner quotes doubled.
 * The caller adds the BOM.
 * @example toCsv([['a', 'b,c']]) // 'a,"b,c"\r\n'
 */
export function toCsv(rows: string[][]): string {
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + (rows.length ? '\r\n' : '');
}
