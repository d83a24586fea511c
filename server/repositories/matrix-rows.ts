import type { Executor } from '../db/database.js';
import type { Credibility, Relevance } from '../domain/grading.js';
import type { Rating } from '../domain/ratings.js';

/**
 * What the ACH matrix reads of the present without replaying a question: tallies of the
 * standing ratings for the scores, and the rows of one page.
 */

/** Standing (not retracted) ratings counted by hypothesis, rating, credibility and relevance. */
export async function ratingTallies(ex: Executor, questionId: string) {
  const rows = await ex
    .selectFrom('evidence_ratings as r')
    .innerJoin('evidence as e', 'e.id', 'r.evidence_id')
    .leftJoin('evidence_retractions as x', 'x.evidence_id', 'e.id')
    .select((eb) => [
      'r.hypothesis_id',
      'r.rating',
      'e.credibility',
      'e.relevance',
      eb.fn.countAll<number>().as('count'),
    ])
    .where('r.question_id', '=', questionId)
    .where('x.evidence_id', 'is', null)
    .groupBy(['r.hypothesis_id', 'r.rating', 'e.credibility', 'e.relevance'])
    .execute();
  return rows.map((r) => ({
    hypothesisId: r.hypothesis_id,
    rating: r.rating as Rating,
    credibility: r.credibility as Credibility,
    relevance: r.relevance as Relevance,
    // count(*) is a bigint: a string from pg, a number from PGlite.
    count: Number(r.count),
  }));
}

export type StandingOrder = 'valid_time' | 'newest' | 'grade';

/** A page of a question's standing evidence, and how many items stand and are retracted. */
export async function standingEvidence(
  ex: Executor,
  questionId: string,
  { order, limit }: { order: StandingOrder; limit: number },
) {
  const base = ex
    .selectFrom('evidence as e')
    .leftJoin('evidence_retractions as x', 'x.evidence_id', 'e.id')
    .where('e.question_id', '=', questionId);
  const [rows, counts] = await Promise.all([
    base
      .select([
        'e.id',
        'e.title',
        'e.occurred_on',
        'e.recorded_at',
        'e.reliability',
        'e.credibility',
        'e.relevance',
      ])
      .where('x.evidence_id', 'is', null)
      .$if(order === 'valid_time', (q) =>
        q.orderBy('e.occurred_on').orderBy('e.recorded_at').orderBy('e.id'),
      )
      .$if(order === 'newest', (q) =>
        q.orderBy('e.occurred_on', 'desc').orderBy('e.recorded_at').orderBy('e.id'),
      )
      .$if(order === 'grade', (q) =>
        q
          .orderBy('e.reliability')
          .orderBy('e.credibility')
          .orderBy('e.occurred_on')
          .orderBy('e.recorded_at'),
      )
      .limit(limit)
      .execute(),
    base
      .select((eb) => [
        eb.fn.countAll<number>().as('all'),
        eb.fn.count<number>('x.evidence_id').as('retracted'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    rows,
    standing: Number(counts.all) - Number(counts.retracted),
    retracted: Number(counts.retracted),
  };
}
