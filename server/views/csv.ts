/**
 * RFC 4180 CSV: every text cell quoted when it needs to be, CRLF line ends. Text that a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 *
 * @example toCsv(['a', 'b'], [{ a: 1, b: 'x,y' }]) // 'a,b\r\n1,"x,y"\r\n'
 */
export function toCsv<K extends string>(
  columns: readonly K[],
  rows: readonly Record<K, string | number | null>[],
): string {
  const cell = (value: string | number | null) => {
    if (value === null) return '';
    if (typeof value === 'number') return String(value);
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
