import type { Executor } from '../db/database.js';
import { type CauseEffect, type LedgerMove, rankByTruth } from '../domain/post-mortem.js';
import { findEvidence } from '../repositories/evidence.js';
import { ledgerMovesBefore } from '../repositories/model.js';
import { resolutionHistory } from '../repositories/resolutions.js';
import type { ResolutionView } from '../schemas/resolutions.js';
import type { ForecastScore } from '../schemas/scores.js';
import type { TimelinePoint } from '../schemas/timeline.js';
import type { HypothesisView, QuestionView } from '../schemas/views.js';
import { type Replays, replaysAsOf } from './model.js';
import { asTimelineHypothesis, CHART_SPANS } from './question-page.js';
import { readHypothesisInQuestion } from './question-reads.js';
import { resolutionView } from './resolutions.js';
import { computeScores } from './scores.js';
import { causeTitles, modelSeries, readTimelines } from './timeline.js';

/** Causes a post-mortem names each way: the strongest moves toward and away from the truth. */
const POST_MORTEM_CAUSES = 25;

export interface RankedEvidence extends CauseEffect {
  title: string | null;
  /** The Admiralty grade of an evidence item ("B2"); null for an indicator set alone. */
  grade: string | null;
  occurred_on: string | null;
}

export interface EvidenceRanking {
  /** The strongest moves toward what happened, largest first. */
  toward: RankedEvidence[];
  /** The strongest moves away from it, largest first. */
  away: RankedEvidence[];
  /** How many causes moved the model each way in all. */
  counts: { toward: number; away: number };
  /** Their sum: the model's whole move from the prior to resolution, toward the truth. */
  net: number;
}

export interface PostMortem {
  question: QuestionView;
  hypothesis: HypothesisView;
  /** Newest first; the first stands. Empty while the hypothesis is open. */
  resolutions: ResolutionView[];
  timeline: TimelinePoint[];
  /** The forecasts scored on this hypothesis, one per forecaster, from the scores themselves. */
  scored: ForecastScore[];
  /** Undefined unless resolved true or false. */
  evidence: EvidenceRanking | undefined;
}

/** The hypothesis's model steps before resolution: the stored ledger, or the past's replay. */
async function movesBefore(
  ex: Executor,
  question: QuestionView,
  hypothesisId: string,
  before: Date,
  asOf: Date | undefined,
  replays: Replays,
): Promise<LedgerMove[]> {
  if (asOf === undefined) {
    const rows = await ledgerMovesBefore(ex, hypothesisId, before);
    return rows.map((r) => ({
      causeType: r.cause_type,
      causeId: r.cause_id,
      before: r.p_before,
      after: r.p_after,
      validAt: r.valid_at.getTime(),
    }));
  }
  const { points } = await modelSeries(ex, question, [hypothesisId], asOf, { replays });
  return points.map((p) => ({
    causeType: p.cause.type,
    causeId: p.cause.id,
    before: p.line.before,
    after: p.line.after,
    validAt: p.validAt.getTime(),
  }));
}

/** The evidence that moved the model on a resolved hypothesis, each way, strongest first. */
async function rankEvidence(
  ex: Executor,
  question: QuestionView,
  hypothesisId: string,
  resolution: ResolutionView,
  asOf: Date | undefined,
  replays: Replays,
): Promise<EvidenceRanking> {
  const resolvedAt = new Date(resolution.resolved_at);
  const moves = await movesBefore(ex, question, hypothesisId, resolvedAt, asOf, replays);
  const ranked = rankByTruth(moves, resolution.outcome === 'true' ? 1 : 0, resolvedAt.getTime());
  const toward = ranked.filter((r) => r.toward > 0);
  const away = ranked.filter((r) => r.toward < 0).reverse();
  const shown = [...toward.slice(0, POST_MORTEM_CAUSES), ...away.slice(0, POST_MORTEM_CAUSES)];
  const [titleOf, items] = await Promise.all([
    causeTitles(
      ex,
      shown.map((r) => ({ cause: { type: r.kind, id: r.causeId } })),
    ),
    findEvidence(
      ex,
      shown.filter((r) => r.kind === 'evidence').map((r) => r.causeId),
    ),
  ]);
  const itemOf = new Map(items.map((e) => [e.id, e]));
  const named = (r: CauseEffect): RankedEvidence => {
    const item = itemOf.get(r.causeId);
    return {
      ...r,
      title: titleOf({ cause: { type: r.kind, id: r.causeId } }),
      grade: item ? `${item.reliability}${item.credibility}` : null,
      occurred_on: item?.occurred_on ?? null,
    };
  };
  return {
    toward: toward.slice(0, POST_MORTEM_CAUSES).map(named),
    away: away.slice(0, POST_MORTEM_CAUSES).map(named),
    counts: { toward: toward.length, away: away.length },
    net: ranked.reduce((sum, r) => sum + r.toward, 0),
  };
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
    settled ? rankEvidence(ex, question, hypothesisId, settled, asOf, replays) : undefined,
    settled
      ? computeScores(ex, {
          hypothesis: [hypothesisId],
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
    scored: scores?.forecasts() ?? [],
    evidence,
  };
}
