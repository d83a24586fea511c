import type { Actor } from '../actor.js';
import type { Executor } from '../db/database.js';
import { thinSeries } from '../domain/downsample.js';
import { groupBy } from '../domain/group-by.js';
import type { LedgerLine, ModelEvent } from '../domain/updating.js';
import { wordsFor } from '../domain/words.js';
import { notFound } from '../errors.js';
import { forecastsOfHypotheses } from '../repositories/assessments.js';
import { evidenceTitles } from '../repositories/evidence.js';
import { findHypothesis } from '../repositories/hypotheses.js';
import { observationTitles } from '../repositories/indicators.js';
import {
  type LedgerRow,
  ledgerOfHypotheses,
  ledgerOutline,
  ledgerPage,
  type OutlineRow,
} from '../repositories/model.js';
import { findQuestions } from '../repositories/questions.js';
import { resolutionTitles } from '../repositories/resolutions.js';
import type { TimelinePoint } from '../schemas/timeline.js';
import { questionsBlindFor } from './blind-mode.js';
import {
  type ModelQuestion,
  modelPriors,
  type Replay,
  type Replays,
  replaysAsOf,
  validAtOf,
} from './model.js';

/** A model step on one hypothesis, from the stored ledger or from a replay. */
export interface ModelPoint {
  hypothesisId: string;
  cause: { type: ModelEvent['type']; id: string };
  validAt: Date;
  recordedAt: Date;
  line: Omit<LedgerLine, 'hypothesisId'>;
}

/** What a timeline starts from: the hypothesis as recorded. */
export interface TimelineHypothesis {
  id: string;
  opened_at: Date;
  recorded_at: Date;
  rationale: string | null;
}

const fromLedger = (r: OutlineRow & { parts?: LedgerRow['parts'] }): ModelPoint => ({
  hypothesisId: r.hypothesis_id,
  cause: { type: r.cause_type, id: r.cause_id },
  validAt: r.valid_at,
  recordedAt: r.cause_recorded_at,
  line: {
    before: r.p_before,
    after: r.p_after,
    rating: r.rating,
    weight: r.weight,
    factor: r.factor,
    parts: r.parts ?? [],
  },
});

/** A replay's steps on some hypotheses, in the order they were applied. */
function replayedPoints(replay: Replay, hypothesisIds: readonly string[]): ModelPoint[] {
  const wanted = new Set(hypothesisIds);
  return replay.steps.flatMap((step) =>
    step.lines
      .filter((line) => wanted.has(line.hypothesisId))
      .map((line) => ({
        hypothesisId: line.hypothesisId,
        cause: { type: step.event.type, id: step.event.id },
        validAt: validAtOf(step.event),
        recordedAt: step.event.recordedAt,
        line,
      })),
  );
}

/**
 * Hypotheses' priors and model steps: from the stored ledger for the present, from one replay
 * of what was recorded by `asOf` for the past. With `spans`, thinned for drawing (min-max over
 * that many spans of valid time); the present's thinned steps come without their parts.
 */
export async function modelSeries(
  ex: Executor,
  question: ModelQuestion,
  hypothesisIds: readonly string[],
  asOf: Date | undefined,
  { spans, replays }: { spans?: number | undefined; replays?: Replays | undefined },
): Promise<{ priors: Record<string, number>; points: ModelPoint[] }> {
  if (asOf === undefined) {
    const [priors, rows] = await Promise.all([
      modelPriors(ex, question),
      spans === undefined
        ? ledgerOfHypotheses(ex, hypothesisIds)
        : ledgerOutline(ex, hypothesisIds, spans),
    ]);
    return { priors, points: rows.map(fromLedger) };
  }
  const replay = await (replays ?? replaysAsOf(ex, asOf))(question);
  const points = replayedPoints(replay, hypothesisIds);
  const { priors } = replay;
  if (spans === undefined) return { priors, points };
  const thinned = [...groupBy(points, (p) => p.hypothesisId).values()].flatMap((series) =>
    thinSeries(
      series.map((p) => ({ x: p.validAt.getTime(), y: p.line.after, p })),
      4 * spans,
    ).map((t) => t.p),
  );
  return { priors, points: thinned };
}

/** Names the causes of model steps: an item's title, an observation's indicator and status. */
export async function causeTitles(ex: Executor, points: readonly Pick<ModelPoint, 'cause'>[]) {
  const idsOf = (wanted: (type: ModelPoint['cause']['type']) => boolean) => [
    ...new Set(points.filter((p) => wanted(p.cause.type)).map((p) => p.cause.id)),
  ];
  const [evidence, observations, resolutions] = await Promise.all([
    evidenceTitles(
      ex,
      idsOf((t) => t === 'evidence' || t === 'retraction'),
    ),
    observationTitles(
      ex,
      idsOf((t) => t === 'observation'),
    ),
    resolutionTitles(
      ex,
      idsOf((t) => t === 'resolution'),
    ),
  ]);
  const titles = new Map([...evidence, ...resolutions].map((e) => [e.id, e.title]));
  for (const o of observations) titles.set(o.id, `${o.title}: ${o.status}`);
  return (p: Pick<ModelPoint, 'cause'>) => {
    const title = titles.get(p.cause.id) ?? null;
    return p.cause.type === 'retraction' && title ? `Retracted: ${title}` : title;
  };
}

function modelTimelinePoint(p: ModelPoint, title: string | null): TimelinePoint {
  return {
    series: 'model',
    probability: p.line.after,
    words: wordsFor(p.line.after),
    valid_at: p.validAt.toISOString(),
    recorded_at: p.recordedAt.toISOString(),
    cause: { ...p.cause, title },
    forecaster: null,
    rationale: null,
    ledger: {
      before: p.line.before,
      rating: p.line.rating,
      weight: p.line.weight,
      factor: p.line.factor,
      parts: p.line.parts as unknown as Record<string, unknown>[],
    },
  };
}

/**
 * One page of a hypothesis's model steps, newest first, each with its whole ledger line and
 * named by its cause, and how many there are: from the stored ledger for the present, from the
 * replay of what was recorded by `asOf` for the past. Only the page's causes are looked up.
 */
export async function readLedgerPage(
  ex: Executor,
  question: ModelQuestion,
  hypothesisId: string,
  asOf: Date | undefined,
  { offset, limit, replays }: { offset: number; limit: number; replays?: Replays },
): Promise<{ points: TimelinePoint[]; total: number }> {
  let page: ModelPoint[];
  let total: number;
  if (asOf === undefined) {
    const stored = await ledgerPage(ex, hypothesisId, { offset, limit });
    page = stored.rows.map(fromLedger);
    total = stored.total;
  } else {
    const replay = await (replays ?? replaysAsOf(ex, asOf))(question);
    const steps = replayedPoints(replay, [hypothesisId]).reverse();
    page = steps.slice(offset, offset + limit);
    total = steps.length;
  }
  const titleOf = await causeTitles(ex, page);
  return { points: page.map((p) => modelTimelinePoint(p, titleOf(p))), total };
}

/**
 * Each hypothesis's three series as known at `asOf`: the model (from its prior, each step with
 * the ledger line that made it), the analysts' judgments and the cited sources' forecasts. Each
 * series keeps its own order: the model's is the order its steps were applied in. One replay
 * (or one ledger read) serves every hypothesis of the question. With `spans`, the model series
 * is thinned for a chart (see modelSeries).
 */
export async function readTimelines(
  ex: Executor,
  question: ModelQuestion,
  hypotheses: readonly TimelineHypothesis[],
  asOf: Date | undefined,
  options: { spans?: number; replays?: Replays; hideJudgments?: boolean } = {},
): Promise<Map<string, TimelinePoint[]>> {
  const ids = hypotheses.map((h) => h.id);
  const [{ priors, points: steps }, allForecasts] = await Promise.all([
    modelSeries(ex, question, ids, asOf, options),
    forecastsOfHypotheses(ex, ids, asOf),
  ]);
  // In blind mode a reader who has not judged sees no analyst's series (see blind-mode.ts).
  const forecasts = options.hideJudgments
    ? allForecasts.filter((f) => f.forecaster_kind !== 'analyst')
    : allForecasts;
  const titleOf = await causeTitles(ex, steps);
  const stepsOf = groupBy(steps, (s) => s.hypothesisId);
  const forecastsOf = groupBy(forecasts, (f) => f.hypothesis_id);
  return new Map(
    hypotheses.map((hypothesis) => {
      const prior = priors[hypothesis.id] as number;
      const points: TimelinePoint[] = [
        {
          series: 'model',
          probability: prior,
          words: wordsFor(prior),
          valid_at: hypothesis.opened_at.toISOString(),
          recorded_at: hypothesis.recorded_at.toISOString(),
          cause: { type: 'prior', id: hypothesis.id, title: 'Prior' },
          forecaster: null,
          rationale: hypothesis.rationale,
          ledger: null,
        },
        ...(stepsOf.get(hypothesis.id) ?? []).map((p) => modelTimelinePoint(p, titleOf(p))),
        ...(forecastsOf.get(hypothesis.id) ?? []).map((f) => {
          const fromSource = f.forecaster_kind === 'source';
          return {
            series: fromSource ? ('source' as const) : ('analyst' as const),
            probability: f.probability,
            words: wordsFor(f.probability),
            valid_at: f.valid_at.toISOString(),
            recorded_at: f.recorded_at.toISOString(),
            cause: fromSource
              ? { type: 'citation' as const, id: f.citation_id as string, title: f.source_title }
              : { type: 'judgment' as const, id: f.id, title: null },
            forecaster: fromSource ? (f.source_author ?? f.source_title) : f.analyst_id,
            rationale: fromSource ? f.citation_words : f.rationale,
            ledger: null,
          };
        }),
      ];
      return [hypothesis.id, points];
    }),
  );
}

/**
 * One hypothesis's timeline as known at `asOf` (see readTimelines); with `maxPoints`, its model
 * series thinned to about that many points (four a span: first, last, lowest, highest).
 */
export async function readTimeline(
  ex: Executor,
  hypothesisId: string,
  asOf?: Date,
  reader?: Actor,
  maxPoints?: number,
) {
  const hypothesis = await findHypothesis(ex, hypothesisId);
  if (!hypothesis || (asOf && hypothesis.recorded_at > asOf))
    throw notFound('hypothesis', hypothesisId);
  const [question] = await findQuestions(ex, { ids: [hypothesis.question_id] });
  if (!question) throw notFound('question', hypothesis.question_id);
  const blind = await questionsBlindFor(ex, [question], reader, asOf);
  const timelines = await readTimelines(ex, question, [hypothesis], asOf, {
    hideJudgments: blind.size > 0,
    ...(maxPoints === undefined ? {} : { spans: Math.max(1, Math.floor(maxPoints / 4)) }),
  });
  return {
    hypothesis_id: hypothesisId,
    question_id: question.id,
    points: timelines.get(hypothesisId) ?? [],
    as_of: asOf?.toISOString() ?? null,
    method: 'signpost-v1' as const,
  };
}
