import { type Selectable, sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { EvidenceTable } from '../db/tables/evidence.js';
import type { EvidenceRatingsTable } from '../db/tables/evidence-ratings.js';
import type { IndicatorObservationsTable } from '../db/tables/indicator-observations.js';
import type { Rating } from '../domain/ratings.js';
import { END_OF_TIME } from './as-of.js';
import { currentExpectations, type ExpectationRow } from './indicators.js';
import { type ResolutionRow, standingResolutions } from './resolutions.js';

/** Everything that moves a question's model, as recorded by `asOf`. */
export interface ModelFacts {
  evidence: Pick<
    Selectable<EvidenceTable>,
    'id' | 'title' | 'occurred_on' | 'recorded_at' | 'reliability' | 'credibility' | 'relevance'
  >[];
  ratings: Pick<
    Selectable<EvidenceRatingsTable>,
    'evidence_id' | 'hypothesis_id' | 'rating' | 'likelihood_ratio'
  >[];
  observations: Pick<
    Selectable<IndicatorObservationsTable>,
    'id' | 'indicator_id' | 'evidence_id' | 'status' | 'observed_at' | 'recorded_at'
  >[];
  retractions: { evidence_id: string; recorded_at: Date }[];
  expectations: ExpectationRow[];
  /** Each hypothesis's standing resolution (the latest recorded by then). */
  resolutions: Pick<
    ResolutionRow,
    'id' | 'hypothesis_id' | 'outcome' | 'resolved_at' | 'recorded_at'
  >[];
}

export async function loadModelFacts(
  ex: Executor,
  questionId: string,
  asOf?: Date,
): Promise<ModelFacts> {
  const until = asOf ?? END_OF_TIME;
  const [evidence, ratings, observations, retractions, indicators, resolutions] = await Promise.all(
    [
      ex
        .selectFrom('evidence')
        .select([
          'id',
          'title',
          'occurred_on',
          'recorded_at',
          'reliability',
          'credibility',
          'relevance',
        ])
        .where('question_id', '=', questionId)
        .where('recorded_at', '<=', until)
        .execute(),
      // One row per item, its ratings as JSON: rows, not bytes, are what a long history costs
      // to read (most of all from PGlite), and an item has a rating per hypothesis.
      ex
        .selectFrom('evidence_ratings as r')
        .innerJoin('evidence as e', 'e.id', 'r.evidence_id')
        .select((eb) => [
          'r.evidence_id',
          eb.fn
            .agg<[string, Rating, number | null][]>('json_agg', [
              sql`json_build_array(r.hypothesis_id, r.rating, r.likelihood_ratio)`,
            ])
            .as('ratings'),
        ])
        .where('r.question_id', '=', questionId)
        .where('e.recorded_at', '<=', until)
        .groupBy('r.evidence_id')
        .execute(),
      ex
        .selectFrom('indicator_observations as o')
        .innerJoin('indicators as i', 'i.id', 'o.indicator_id')
        .select([
          'o.id',
          'o.indicator_id',
          'o.evidence_id',
          'o.status',
          'o.observed_at',
          'o.recorded_at',
        ])
        .where('i.question_id', '=', questionId)
        .where('o.recorded_at', '<=', until)
        .execute(),
      ex
        .selectFrom('evidence_retractions as r')
        .innerJoin('evidence as e', 'e.id', 'r.evidence_id')
        .select(['r.evidence_id', 'r.recorded_at'])
        .where('e.question_id', '=', questionId)
        .where('r.recorded_at', '<=', until)
        .execute(),
      ex.selectFrom('indicators').select('id').where('question_id', '=', questionId).execute(),
      ex
        .selectFrom(standingResolutions(ex, asOf).as('r'))
        .innerJoin('hypotheses as h', 'h.id', 'r.hypothesis_id')
        .select(['r.id', 'r.hypothesis_id', 'r.outcome', 'r.resolved_at', 'r.recorded_at'])
        .where('h.question_id', '=', questionId)
        .execute(),
    ],
  );
  const expectations = await currentExpectations(
    ex,
    indicators.map((i) => i.id),
    asOf,
  );
  return {
    evidence,
    ratings: ratings.flatMap((item) =>
      item.ratings.map(([hypothesis_id, rating, likelihood_ratio]) => ({
        evidence_id: item.evidence_id,
        hypothesis_id,
        rating,
        likelihood_ratio,
      })),
    ),
    observations,
    retractions,
    expectations,
    resolutions,
  };
}
