import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database.js';
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

export async function saveModelState(ex: Executor, row: Insertable<ModelStatesTable>) {
  const { question_id: _, ...rest } = row;
  await ex
    .insertInto('model_states')
    .values(row)
    .onConflict((oc) => oc.column('question_id').doUpdateSet({ ...rest, computed_at: new Date() }))
    .execute();
}

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

/** A hypothesis's model series, in the order the events were applied. */
export async function ledgerOfHypothesis(ex: Executor, hypothesisId: string): Promise<LedgerRow[]> {
  return ex
    .selectFrom('model_ledger')
    .selectAll()
    .where('hypothesis_id', '=', hypothesisId)
    .orderBy('seq')
    .execute();
}
