import type { Executor } from '../db/database.js';
import { type CauseEffect, rankByTruth } from '../domain/post-mortem.js';
import { findEvidence } from '../repositories/evidence.js';
import { resolutionHistory } from '../repositories/resolutions.js';
import type { ResolutionView } from '../schemas/resolutions.js';
import type { ForecastScore } from '../schemas/scores.js';
import type { TimelinePoint } from '../schemas/timeline.js';
import type { HypothesisView, QuestionView } from '../schemas/views.js';
import { replaysAsOf } from './model.js';
import { asTimelineHypothesis, CHART_SPANS } from './question-page.js';
import { readHypothesisInQuestion } from './question-reads.js';
import { resolutionView } from './resolutions.js';
import { computeScores } from './scores.js';
import { causeTitles, modelSeries, readTimelines } from './timeline.js';

export interface RankedEvidence extends CauseEffect {
  title: string | null;
  /** The Admiralty grade of an evidence item ("B2"); null for an indicator set alone. */
  grade: string | null;
  occurred_on: string | null;
}

export interface PostMortem {
  question: QuestionView;
  hypothesis: HypothesisView;
  /** Newest first; the first stands. Empty while the hypothesis is open. */
  resolutions: ResolutionView[];
  timeline: TimelinePoint[];
  /** The forecasts scored on this hypothesis, one per forecaster, from the scores themselves. */
  scored: ForecastScore[];
  /** Causes by their net move toward the truth, largest first (empty unless true or false). */
  evidence: RankedEvidence[];
}

/** The evidence that moved the model on a resolved hypothesis, toward the truth first. */
async function rankedEvidence(
  ex: Executor,
  question: QuestionView,
  hypothesisId: string,
  resolution: ResolutionView,
  asOf: Date | undefined,
  replays: ReturnType<typeof replaysAsOf>,
): Promise<RankedEvidence[]> {
  const { points } = await modelSeries(ex, question, [hypothesisId], asOf, { replays });
  const ranked = rankByTruth(
    points.map((p) => ({
      causeType: p.cause.type,
      causeId: p.cause.id,
      before: p.line.before,
      after: p.line.after,
      validAt: p.validAt.getTime(),
    })),
    resolution.outcome === 'true' ? 1 : 0,
    Date.parse(resolution.resolved_at),
  );
  // A retraction's line names the item it retracts: the item's own line gives its title.
  const firstOf = new Map(
    points.filter((p) => p.cause.type !== 'retraction').map((p) => [p.cause.id, p]),
  );
  const [titleOf, items] = await Promise.all([
    causeTitles(ex, [...firstOf.values()]),
    findEvidence(
      ex,
      ranked.filter((r) => r.kind === 'evidence').map((r) => r.causeId),
    ),
  ]);
  const itemOf = new Map(items.map((e) => [e.id, e]));
  return ranked.map((r) => {
    const item = itemOf.get(r.causeId);
    const point = firstOf.get(r.causeId);
    return {
      ...r,
      title: point ? titleOf(point) : null,
      grade: item ? `${item.reliability}${item.credibility}` : null,
      occurred_on: item?.occurred_on ?? null,
    };
  });
}

/**
 * A hypothesis's post-mortem as known at `asOf`: its resolutions, its timeline, the forecasts
 * that were scored (the same computation as /api/scores) and the evidence ranked by how it moved
 * the model toward or away from what happened.
 */
export async function readPostMortem(
  ex: Executor,
  hypothesisId: string,
  asOf: Date | undefined,
): Promise<PostMortem> {
  const replays = replaysAsOf(ex, asOf);
  const { question, hypothesis } = await readHypothesisInQuestion(ex, hypothesisId, asOf, replays);
  const resolutions = (await resolutionHistory(ex, hypothesisId, asOf)).map(resolutionView);
  const standing = resolutions[0];
  const settled = standing && standing.outcome !== 'annulled' ? standing : undefined;
  const [timelines, evidence, scores] = await Promise.all([
    readTimelines(ex, question, [asTimelineHypothesis(hypothesis)], asOf, {
      spans: CHART_SPANS,
      replays,
    }),
    settled ? rankedEvidence(ex, question, hypothesisId, settled, asOf, replays) : [],
    settled
      ? computeScores(ex, {
          question: [question.id],
          horizon: 0,
          reference: 'constant',
          as_of: asOf?.toISOString(),
        })
      : undefined,
  ]);
  return {
    question,
    hypothesis,
    resolutions,
    timeline: timelines.get(hypothesisId) ?? [],
    scored: scores?.forecasts.filter((f) => f.hypothesis_id === hypothesisId) ?? [],
    evidence,
  };
}
