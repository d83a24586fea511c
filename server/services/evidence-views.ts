import type { Executor } from '../db/database.js';
import {
  CREDIBILITY_LABELS,
  type Credibility,
  gradeOf,
  gradeWeight,
  RELIABILITY_LABELS,
} from '../domain/grading.js';
import { groupBy } from '../domain/group-by.js';
import type { IndicatorStatus } from '../domain/indicators.js';
import type { Rating } from '../domain/ratings.js';
import { wordsFor } from '../domain/words.js';
import {
  type EvidenceRow,
  findEvidence,
  findRatings,
  findRetractions,
} from '../repositories/evidence.js';
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
    return [
      evidenceView(e, {
        source: e.source_id ? sources.get(e.source_id) : undefined,
        ratings: ratingsOf.get(id) ?? [],
        observations: observationsOf.get(id) ?? [],
        retraction: retracted.get(id),
      }),
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

/** What an item is shown with besides its row. */
export interface EvidenceParts {
  source: { id: string; title: string; url: string | null } | undefined;
  ratings: readonly { hypothesis_id: string; rating: Rating; likelihood_ratio: number | null }[];
  observations: readonly {
    id: string;
    indicator_id: string;
    status: IndicatorStatus;
    note: string;
  }[];
  retraction: { reason: string; recorded_at: Date; recorded_by: string } | undefined;
}

/** One item as the API shows it, from its row and parts (read, or just written). */
export function evidenceView(e: EvidenceRow, parts: EvidenceParts): EvidenceView {
  const credibility = e.credibility as Credibility;
  return {
    id: e.id,
    question_id: e.question_id,
    title: e.title,
    summary: e.summary,
    occurred_on: e.occurred_on,
    source: parts.source
      ? { id: parts.source.id, title: parts.source.title, url: parts.source.url }
      : null,
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
      parts.ratings.map((r) => [
        r.hypothesis_id,
        { rating: r.rating, likelihood_ratio: r.likelihood_ratio },
      ]),
    ),
    observations: parts.observations.map((o) => ({
      id: o.id,
      indicator_id: o.indicator_id,
      status: o.status,
      note: o.note,
    })),
    retraction: parts.retraction
      ? {
          reason: parts.retraction.reason,
          recorded_at: parts.retraction.recorded_at.toISOString(),
          recorded_by: parts.retraction.recorded_by,
        }
      : null,
    recorded_at: e.recorded_at.toISOString(),
    recorded_by: e.recorded_by,
  };
}
