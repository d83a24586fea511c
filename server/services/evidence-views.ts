import type { Executor } from '../db/database.js';
import {
  CREDIBILITY_LABELS,
  type Credibility,
  gradeOf,
  gradeWeight,
  RELIABILITY_LABELS,
} from '../domain/grading.js';
import { groupBy } from '../domain/group-by.js';
import { wordsFor } from '../domain/words.js';
import { findEvidence, findRatings, findRetractions } from '../repositories/evidence.js';
import { observationsOfEvidence } from '../repositories/indicators.js';
import { findSources } from '../repositories/sources.js';
import type { EvidenceView } from '../schemas/evidence.js';

/** Evidence items as the API shows them, in the order of `ids`, as known at `asOf`. */
export async function readEvidenceViews(
  ex: Executor,
  ids: readonly string[],
  asOf?: Date,
): Promise<EvidenceView[]> {
  const [rows, ratings, observations, retractions] = await Promise.all([
    findEvidence(ex, ids, asOf),
    findRatings(ex, ids),
    observationsOfEvidence(ex, ids),
    findRetractions(ex, ids, asOf),
  ]);
  const sourceIds = [...new Set(rows.flatMap((r) => (r.source_id ? [r.source_id] : [])))];
  const sources = new Map((await findSources(ex, sourceIds)).map((s) => [s.id, s]));
  const retracted = new Map(retractions.map((r) => [r.evidence_id, r]));
  const ratingsOf = groupBy(ratings, (r) => r.evidence_id);
  const observationsOf = groupBy(observations, (o) => o.evidence_id);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const e = byId.get(id);
    if (!e) return [];
    const credibility = e.credibility as Credibility;
    const source = e.source_id ? sources.get(e.source_id) : undefined;
    const retraction = retracted.get(id);
    return [
      {
        id: e.id,
        question_id: e.question_id,
        title: e.title,
        summary: e.summary,
        occurred_on: e.occurred_on,
        source: source ? { id: source.id, title: source.title, url: source.url } : null,
        reliability: e.reliability,
        credibility,
        grade: gradeOf(e.reliability, credibility),
        grade_labels: {
          reliability: RELIABILITY_LABELS[e.reliability],
          credibility: CREDIBILITY_LABELS[credibility],
        },
        weight: gradeWeight(e.reliability, credibility),
        relevance: e.relevance,
        ratings: Object.fromEntries(
          (ratingsOf.get(id) ?? []).map((r) => [
            r.hypothesis_id,
            { rating: r.rating, likelihood_ratio: r.likelihood_ratio },
          ]),
        ),
        observations: (observationsOf.get(id) ?? []).map((o) => ({
          id: o.id,
          indicator_id: o.indicator_id,
          status: o.status,
          note: o.note,
        })),
        retraction: retraction
          ? {
              reason: retraction.reason,
              recorded_at: retraction.recorded_at.toISOString(),
              recorded_by: retraction.recorded_by,
            }
          : null,
        recorded_at: e.recorded_at.toISOString(),
        recorded_by: e.recorded_by,
      },
    ];
  });
}

/** The current model before and after a write, hypothesis by hypothesis, with the words. */
export function currentChanges(
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
) {
  return Object.keys(after).map((id) => {
    const was = before[id] ?? (after[id] as number);
    const now = after[id] as number;
    return {
      hypothesis_id: id,
      before: was,
      after: now,
      before_words: wordsFor(was),
      after_words: wordsFor(now),
    };
  });
}
