import type { Context } from 'hono';

/** Headers that make a browser save a response under `filename` rather than show it. */
export function attachment(filename: string) {
  return { 'Content-Disposition': `attachment; filename="${filename}"` };
}

/** A CSV body (RFC 4180, UTF-8) to save as `filename`. */
export function sendCsv(c: Context, text: string, filename: string) {
  return c.body(text, 200, { 'Content-Type': 'text/csv; charset=utf-8', ...attachment(filename) });
}
