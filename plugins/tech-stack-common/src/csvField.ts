/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line
 * break, quotes doubled; a text starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is prefixed with `'` so spreadsheets do not run it as a
 * formula (CSV injection). Numbers are written as they are.
 *
 * @public
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV text: fields by {@link csvField}, every line ended by CRLF.
 *
 * @public
 */
export function csvText(rows: Array<Array<string | number>>): string {
  return rows.map(row => `${row.map(csvField).join(',')}\r\n`).join('');
}
