import { colorAt } from '../../../web/charts/colors.js';
import type { Matrix, MatrixSort } from '../../schemas/matrix.js';
import { MATRIX_ROWS } from '../../services/question-page.js';
import { DataTable, hypothesisColumns } from '../data-table.js';
import { pct, points } from '../format.js';

type Row = Matrix['rows'][number];

const largestShift = (row: Row) =>
  Math.max(0, ...Object.values(row.sensitivity.model_shift).map(Math.abs));

const COMPARE: Record<MatrixSort, ((a: Row, b: Row) => number) | undefined> = {
  order: undefined,
  diagnosticity: (a, b) => b.diagnosticity - a.diagnosticity,
  sensitivity: (a, b) =>
    Number(b.sensitivity.changes_top) - Number(a.sensitivity.changes_top) ||
    largestShift(b) - largestShift(a),
  date: (a, b) => b.occurred_on.localeCompare(a.occurred_on),
  grade: (a, b) => a.grade.localeCompare(b.grade),
};

/** The matrix's rows in the chosen order (stable: ties keep valid-time order). */
export function sortMatrixRows(rows: readonly Row[], sort: MatrixSort): Row[] {
  const compare = COMPARE[sort];
  return compare ? [...rows].sort(compare) : [...rows];
}

const SORT_LABELS: Record<MatrixSort, string> = {
  order: 'Valid-time order',
  diagnosticity: 'Most diagnostic first',
  sensitivity: 'Most influential first',
  date: 'Newest first',
  grade: 'Best grade first',
};

interface MatrixProps {
  matrix: Matrix;
  sort: MatrixSort;
  all: boolean;
  /** Builds a link to this page with other matrix settings. */
  link: (changes: Record<string, string | undefined>) => string;
}

/** The ACH matrix: scores per hypothesis, then each standing evidence row's ratings. */
export function MatrixTable({ matrix, sort, all, link }: MatrixProps) {
  const rows = sortMatrixRows(matrix.rows, sort);
  const shown = all ? rows : rows.slice(0, MATRIX_ROWS);
  const top = new Set(matrix.top);
  return (
    <>
      <DataTable
        label="ACH scores"
        columns={[
          { label: 'Hypothesis' },
          { label: 'IS', num: true },
          { label: 'WIS', num: true },
          { label: 'Rank', num: true },
          { label: 'Model', num: true },
        ]}
        caption={
          <>
            IS = Σ v(r), v(I) = 1, v(II) = 2; WIS weights each by credibility and relevance (√2, 1,
            1/√2). Lower is stronger; rank 1 is the least inconsistent. METHODS §2.
          </>
        }
      >
        {matrix.hypotheses.map((h, i) => (
          <tr>
            <th scope="row">
              <span class="swatch" style={`background:${colorAt(i)}`} />H{i + 1} {h.title}
              {top.has(h.id) ? <span class="badge"> top</span> : null}
            </th>
            <td class="num">{h.inconsistency}</td>
            <td class="num">{h.weighted_inconsistency.toFixed(2)}</td>
            <td class="num">{h.rank}</td>
            <td class="num">{pct(h.model)}</td>
          </tr>
        ))}
      </DataTable>
      <nav class="toolbar" aria-label="Order the matrix rows">
        {matrix.standing_rows} standing rows
        {matrix.retracted_excluded ? `, ${matrix.retracted_excluded} retracted left out` : ''}.
        Order:{' '}
        {Object.entries(SORT_LABELS).map(([key, label]) =>
          key === sort ? (
            <strong aria-current="true">{label}</strong>
          ) : (
            <a href={link({ matrix_sort: key === 'order' ? undefined : key })}>{label}</a>
          ),
        )}
      </nav>
      {matrix.rows.length === 0 ? (
        <p class="meta">No standing evidence.</p>
      ) : (
        <DataTable
          label="ACH matrix"
          columns={[
            { label: 'Evidence' },
            { label: 'Grade' },
            { label: 'Diag.', num: true },
            ...hypothesisColumns(matrix.hypotheses),
            { label: 'Without it' },
          ]}
          wide
        >
          {shown.map((row) => (
            <tr>
              <th scope="row">
                <a href={`#evidence-${row.evidence_id}`}>{row.title}</a>
                <span class="meta">
                  <br />
                  {row.occurred_on}
                </span>
              </th>
              <td>
                {row.grade} <span class="meta">{row.relevance}</span>
              </td>
              <td class="num">{row.diagnosticity}</td>
              {matrix.hypotheses.map((h) => {
                const rating = row.ratings[h.id];
                return (
                  <td>
                    {rating ? (
                      <span class={`rating rating-${rating}`}>{rating}</span>
                    ) : (
                      <span class="meta">—</span>
                    )}
                  </td>
                );
              })}
              <td>
                {row.sensitivity.changes_top ? <strong>changes the top</strong> : 'same top'}
                <span class="meta">
                  <br />
                  model moves up to {points(largestShift(row)).replace(/^[+−]/, '')}
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {!all && matrix.standing_rows > MATRIX_ROWS ? (
        <p>
          Showing {MATRIX_ROWS} of {matrix.standing_rows} rows.{' '}
          <a href={link({ matrix_rows: 'all' })}>Show all rows</a>
        </p>
      ) : null}
    </>
  );
}
