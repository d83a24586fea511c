import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { Write } from '../db/one-statement.js';
import type { ModelLedgerTable, ModelStatesTable } from '../db/tables/model.js';

export type ModelStateRow = Selectable<ModelStatesTable>;
export type LedgerRow = Selectable<ModelLedgerTable>;
export type NewLedgerRow = Insertable<ModelLedgerTable>;

// 13 parameters a row: well inside PostgreSQL's 65,535 bind parameters per statement.
const LEDGER_CHUNK = 2000;

export async function findModelStates(
  ex: Executor,
  questionIds: readonly string[],
): Promise<ModelStateRow[]> {
  if (questionIds.length === 0) return [];
  return ex
    .selectFrom('model_states')
    .selectAll()
    .where('question_id', 'in', questionIds)
    .execute();
}

/** The upsert of a question's state, to run alone or with other writes (see writeTogether). */
export function modelStateSave(ex: Executor, row: Insertable<ModelStatesTable>): Write {
  const { question_id: _, ...rest } = row;
  return ex
    .insertInto('model_states')
    .values(row)
    .onConflict((oc) => oc.column('question_id').doUpdateSet({ ...rest, computed_at: new Date() }));
}

export async function saveModelState(ex: Executor, row: Insertable<ModelStatesTable>) {
  await modelStateSave(ex, row).execute();
}

/** The insert of a few ledger lines (one event's), to run with other writes (see writeTogether). */
export const ledgerInsert = (ex: Executor, rows: readonly NewLedgerRow[]): Write =>
  ex.insertInto('model_ledger').values([...rows]);

export async function appendLedger(ex: Executor, rows: readonly NewLedgerRow[]) {
  for (let i = 0; i < rows.length; i += LEDGER_CHUNK) {
    await ex
      .insertInto('model_ledger')
      .values(rows.slice(i, i + LEDGER_CHUNK))
      .execute();
  }
}

/** Drops a question's derived ledger before it is rebuilt from the facts. */
export async function clearLedger(ex: Executor, questionId: string) {
  await ex.deleteFrom('model_ledger').where('question_id', '=', questionId).execute();
}

/**
 * Hypotheses' model probabilities before a time each (their resolution), one per valid time: the
 * last step at that instant, the only one that stands for any length of time. What scoring reads.
 */
export async function modelStepsBefore(
  ex: Executor,
  bounds: readonly { hypothesisId: string; before: Date }[],
) {
  if (bounds.length === 0) return [];
  // LATERAL: each hypothesis's steps through its own index lookup. A plain join let the planner
  // hash the whole ledger when a few long histories made every hypothesis look long.
  const { rows } = await sql<{ hypothesis_id: string; valid_at: Date; p_after: number }>`
    select b.hypothesis_id, s.valid_at, s.p_after
    from unnest(
      ${bounds.map((b) => b.hypothesisId)}::text[],
      ${bounds.map((b) => b.before.toISOString())}::timestamptz[]
    ) as b(hypothesis_id, before)
    cross join lateral (
      select distinct on (l.valid_at) l.valid_at, l.p_after
      from model_ledger l
      where l.hypothesis_id = b.hypothesis_id and l.valid_at < b.before
      order by l.valid_at, l.seq desc
    ) s`.execute(ex);
  return rows;
}

/** A hypothesis's model steps before a time, with their causes and without the parts. */
export async function ledgerMovesBefore(ex: Executor, hypothesisId: string, before: Date) {
  return ex
    .selectFrom('model_ledger')
    .select(['cause_type', 'cause_id', 'p_before', 'p_after', 'valid_at'])
    .where('hypothesis_id', '=', hypothesisId)
    .where('valid_at', '<', before)
    .orderBy('seq')
    .execute();
}

/** Hypotheses' model series, each in the order the events were applied. */
export async function ledgerOfHypotheses(
  ex: Executor,
  hypothesisIds: readonly string[],
): Promise<LedgerRow[]> {
  if (hypothesisIds.length === 0) return [];
  return ex
    .selectFrom('model_ledger')
    .selectAll()
    .where('hypothesis_id', 'in', hypothesisIds)
    .orderBy('seq')
    .execute();
}

/**
 * What evidence items did to each hypothesis of their question, as stored in the ledger (their
 * own steps; a retraction's lines name the same item but are its undoing).
 */
export async function ledgerOfEvidence(
  ex: Executor,
  evidenceIds: readonly string[],
): Promise<LedgerRow[]> {
  if (evidenceIds.length === 0) return [];
  return ex
    .selectFrom('model_ledger')
    .selectAll()
    .where('cause_type', '=', 'evidence')
    .where('cause_id', 'in', evidenceIds)
    .execute();
}

export type OutlineRow = Omit<LedgerRow, 'parts'>;

/**
 * Hypotheses' model series thinned for drawing: per hypothesis, in each of `spans` equal spans
 * of its valid time, the first, the lowest, the highest and the last step (a min-max
 * decimation). It is chosen where the rows are, with plain aggregates, so a long history is
 * never read whole; the steps come without their parts.
 */
export async function ledgerOutline(
  ex: Executor,
  hypothesisIds: readonly string[],
  spans: number,
): Promise<OutlineRow[]> {
  if (hypothesisIds.length === 0) return [];
  const ids = sql.join(hypothesisIds);
  // min/max over (probability in millionths, seq) packed in one bigint find the lowest and
  // highest step of a span without sorting: seq is the key's last nine digits.
  const { rows: picks } = await sql<{
    hypothesis_id: string;
    first_seq: number;
    last_seq: number;
    low_key: number | string;
    high_key: number | string;
  }>`
    select l.hypothesis_id, min(l.seq) as first_seq, max(l.seq) as last_seq,
           min(round(l.p_after * 1e6)::bigint * 1000000000 + l.seq) as low_key,
           max(round(l.p_after * 1e6)::bigint * 1000000000 + l.seq) as high_key
    from model_ledger l
    join (
      select hypothesis_id,
             extract(epoch from min(valid_at)) as first_at,
             extract(epoch from max(valid_at)) + 1 as last_at
      from model_ledger where hypothesis_id in (${ids}) group by hypothesis_id
    ) b using (hypothesis_id)
    where l.hypothesis_id in (${ids})
    group by l.hypothesis_id, width_bucket(extract(epoch from l.valid_at), b.first_at, b.last_at, ${spans})`.execute(
    ex,
  );
  // A pick's key ends in its step's seq (nine digits); a small set per hypothesis dedupes.
  const seqOf = (key: number | string) => Number(BigInt(key) % 1_000_000_000n);
  const pairs = picks.flatMap((p) =>
    [...new Set([p.first_seq, p.last_seq, seqOf(p.low_key), seqOf(p.high_key)])].map(
      (seq) => [p.hypothesis_id, seq] as const,
    ),
  );
  if (pairs.length === 0) return [];
  // Two array parameters, not a parameter per pair: a long history picks thousands.
  const { rows } = await sql<OutlineRow>`
    select question_id, seq, hypothesis_id, cause_type, cause_id, valid_at, cause_recorded_at,
           rating, weight, factor, p_before, p_after
    from model_ledger
    where (hypothesis_id, seq) in (
      select * from unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::int[])
    )
    order by hypothesis_id, seq`.execute(ex);
  return rows;
}

/** A page of a hypothesis's ledger, newest step first, with the count of all its steps. */
export async function ledgerPage(
  ex: Executor,
  hypothesisId: string,
  { offset, limit }: { offset: number; limit: number },
): Promise<{ rows: LedgerRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    ex
      .selectFrom('model_ledger')
      .selectAll()
      .where('hypothesis_id', '=', hypothesisId)
      .orderBy('seq', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),
    ex
      .selectFrom('model_ledger')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('hypothesis_id', '=', hypothesisId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Each hypothesis's model probability standing at `at` (valid time): its last step by then. */
export async function ledgerStandingAt(
  ex: Executor,
  hypothesisIds: readonly string[],
  at: Date,
): Promise<{ hypothesis_id: string; p_after: number }[]> {
  if (hypothesisIds.length === 0) return [];
  // Per hypothesis, its steps backwards from the latest (the ledger's index): a recent `at`
  // stops after the few steps since, however long the history.
  const { rows } = await sql<{ hypothesis_id: string; p_after: number }>`
    select h.id as hypothesis_id, l.p_after
    from unnest(${[...hypothesisIds]}::text[]) as h(id)
    cross join lateral (
      select p_after from model_ledger
      where hypothesis_id = h.id and valid_at <= ${at}
      order by seq desc limit 1
    ) l`.execute(ex);
  return rows;
}

/** The current ledger's steps of these questions, in order: what the model said, when and why. */
export async function ledgerSteps(ex: Executor, questionIds: readonly string[]) {
  if (questionIds.length === 0) return [];
  return ex
    .selectFrom('model_ledger')
    .select([
      'question_id',
      'seq',
      'hypothesis_id',
      'cause_type',
      'cause_id',
      'valid_at',
      'p_after',
    ])
    .select(
      sql<string>`to_char(cause_recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'cause_recorded_at',
      ),
    )
    .where('question_id', 'in', questionIds)
    .orderBy('question_id')
    .orderBy('seq')
    .orderBy('hypothesis_id')
    .execute();
}
