/** One row of the benchmark's table. */
export interface Measure {
  name: string;
  value: string;
  ceiling?: string;
  /** The measure ÷ its ceiling (rates), or ÷ its baseline (latencies). */
  ratio?: number;
  target: string;
  /** Undefined where there is no target. */
  met: boolean | undefined;
}

/** Prints the measures as one aligned table on stdout. */
export function printTable(measures: readonly Measure[]) {
  const rows = [
    ['measure', 'result', 'ceiling', 'ratio', 'target', 'met'],
    ...measures.map((m) => [
      m.name,
      m.value,
      m.ceiling ?? '',
      m.ratio === undefined ? '' : m.ratio.toFixed(2),
      m.target,
      m.met === undefined ? '' : m.met ? 'yes' : 'NO',
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const row of rows) {
    console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | '));
  }
}
