import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { END_OF_TIME } from './as-of.js';

export interface EvidenceCounts {
  question_id: string;
  total: number;
  retracted: number;
}

/** Evidence logged per question by `asOf`, and how much of it had been retracted by then. */
export async function countEvidence(
  ex: Executor,
  questionIds: readonly string[],
  asOf?: Date,
): Promise<EvidenceCounts[]> {
  if (questionIds.length === 0) return [];
  return ex
    .selectFrom('evidence as e')
    .leftJoin('evidence_retractions as r', (join) =>
      join.onRef('r.evidence_id', '=', 'e.id').on('r.recorded_at', '<=', asOf ?? END_OF_TIME),
    )
    .select([
      'e.question_id',
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(r.evidence_id)::int`.as('retracted'),
    ])
    .where('e.question_id', 'in', questionIds)
    .$if(asOf !== undefined, (q) => q.where('e.recorded_at', '<=', asOf as Date))
    .groupBy('e.question_id')
    .execute();
}
