import { invalid } from '../errors.js';

/**
 * RFC 4180 CSV, read: quoted cells may hold commas, quotes ("") and line breaks. Each record
 * keeps the line of the file it starts on, so a bad row is reported where an editor shows it.
 * A leading apostrophe that `toCsv` put before a formula-like cell is taken off again.
 *
 * @example parseCsv('a,b\r\n1,"x,y"\r\n') // [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1', 'x,y'] }]
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endCell = () => {
    cells.push(/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    if (cells.length > 1 || cells[0] !== '') records.push({ line: start, cells });
    cells = [];
  };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted) {
    throw invalid([{ path: `body.line.${start}`, message: 'a quoted cell is never closed' }]);
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}
