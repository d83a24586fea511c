import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { type ExportRow, TABLES, type TableName } from '../schemas/export-document.js';

/**
 * Rows of the record tables as the portable document holds them, and back. Times travel as text
 * to the microsecond (a JavaScript Date keeps milliseconds), so what is imported sorts and
 * compares exactly as it did where it was exported.
 */

const columnsOf = (table: TableName) => Object.entries(TABLES[table].columns);

function selectList(table: TableName) {
  return sql.join(
    columnsOf(table).map(([name, kind]) =>
      kind.startsWith('timestamp')
        ? sql`to_char(${sql.ref(name)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as ${sql.ref(name)}`
        : sql.ref(name),
    ),
  );
}

const hypothesesOf = (q: string) => sql`(select id from hypotheses where question_id = ${q})`;
const indicatorsOf = (q: string) => sql`(select id from indicators where question_id = ${q})`;
const evidenceOf = (q: string) => sql`(select id from evidence where question_id = ${q})`;
const citationsOf = (q: string) =>
  sql`(select id from citations where hypothesis_id in ${hypothesesOf(q)} or indicator_id in ${indicatorsOf(q)})`;

/**
 * What a one-question document holds of each table: the question's own rows and the sources and
 * users they refer to. Provenance of scenario files spans questions, so it is left out.
 */
const QUESTION_SCOPE: Record<TableName, ((q: string) => RawBuilder<unknown>) | null> = {
  users: () => sql`true`,
  sources: (q) =>
    sql`id in (select source_id from citations where id in ${citationsOf(q)})
      or id in (select source_id from evidence where question_id = ${q})`,
  questions: (q) => sql`id = ${q}`,
  hypotheses: (q) => sql`question_id = ${q}`,
  indicators: (q) => sql`question_id = ${q}`,
  indicator_expectations: (q) => sql`question_id = ${q}`,
  citations: (q) => sql`id in ${citationsOf(q)}`,
  evidence: (q) => sql`question_id = ${q}`,
  evidence_ratings: (q) => sql`question_id = ${q}`,
  evidence_retractions: (q) => sql`evidence_id in ${evidenceOf(q)}`,
  indicator_observations: (q) => sql`indicator_id in ${indicatorsOf(q)}`,
  assessments: (q) => sql`hypothesis_id in ${hypothesesOf(q)}`,
  assessment_retractions: (q) =>
    sql`assessment_id in (select id from assessments where hypothesis_id in ${hypothesesOf(q)})`,
  resolutions: (q) => sql`hypothesis_id in ${hypothesesOf(q)}`,
  scenario_imports: null,
};

/**
 * One table's rows, whole or for one question, in the document's order. The rows are put
 * together as one JSON value in the database: one value crosses the wire, not one per row.
 */
export async function exportTable(
  ex: Executor,
  table: TableName,
  questionId: string | null,
): Promise<ExportRow[]> {
  const scope = questionId === null ? sql`true` : QUESTION_SCOPE[table]?.(questionId);
  if (!scope) return [];
  const { rows } = await sql<{ rows: ExportRow[] }>`
    select coalesce(json_agg(t order by ${sql.raw(TABLES[table].order)}), '[]'::json) as rows
    from (select ${selectList(table)} from ${sql.table(table)} where ${scope}) t`.execute(ex);
  return rows[0]?.rows ?? [];
}

/**
 * Inserts rows the table does not hold yet (by primary key) and returns how many it wrote. A row
 * whose key is stored stays as stored; any other conflict (a natural key taken by another row, a
 * missing referent, a failed check) is the database's error, for the caller to name.
 */
export async function insertMissing(
  ex: Executor,
  table: TableName,
  rows: readonly ExportRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = sql.join(columnsOf(table).map(([name]) => sql.ref(name)));
  const key = sql.join(TABLES[table].key.map((k) => sql.ref(k)));
  const { rows: counted } = await sql<{ n: number }>`
    with added as (
      insert into ${sql.table(table)} (${columns})
      select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)
      on conflict (${key}) do nothing
      returning 1
    )
    select count(*)::int as n from added`.execute(ex);
  return counted[0]?.n ?? 0;
}

/** The questions rows of an import belong to, through whichever reference each row carries. */
export async function questionsReferenced(
  ex: Executor,
  refs: { hypothesisIds: string[]; evidenceIds: string[]; indicatorIds: string[] },
): Promise<string[]> {
  const { rows } = await sql<{ question_id: string }>`
    select question_id from hypotheses where id = any(${refs.hypothesisIds}::text[])
    union select question_id from evidence where id = any(${refs.evidenceIds}::text[])
    union select question_id from indicators where id = any(${refs.indicatorIds}::text[])`.execute(
    ex,
  );
  return rows.map((r) => r.question_id);
}
