import type { Executor } from '../db/database.js';
import type { LedgerLine, ModelEvent } from '../domain/updating.js';
import { wordsFor } from '../domain/words.js';
import { notFound } from '../errors.js';
import { forecastsOfHypothesis } from '../repositories/assessments.js';
import { evidenceTitles } from '../repositories/evidence.js';
import { findHypothesis } from '../repositories/hypotheses.js';
import { observationTitles } from '../repositories/indicators.js';
import { ledgerOfHypothesis } from '../repositories/model.js';
import { findQuestions } from '../repositories/questions.js';
import type { TimelinePoint } from '../schemas/timeline.js';
import { type ModelQuestion, modelPriors, replayQuestion, validAtOf } from './model.js';

/** A model step on one hypothesis, from the stored ledger or from a replay. */
interface ModelPoint {
  cause: { type: ModelEvent['type']; id: string };
  validAt: Date;
  recordedAt: Date;
  line: Omit<LedgerLine, 'hypothesisId'>;
}

/**
 * A hypothesis's prior and model steps: from the stored ledger for the present, from a replay
 * of what was recorded by `asOf` for the past.
 */
async function modelSeries(
  ex: Executor,
  question: ModelQuestion,
  hypothesisId: string,
  asOf: Date | undefined,
): Promise<{ prior: number; points: ModelPoint[] }> {
  if (asOf === undefined) {
    const [priors, rows] = await Promise.all([
      modelPriors(ex, question),
      ledgerOfHypothesis(ex, hypothesisId),
    ]);
    const points = rows.map((r) => ({
      cause: { type: r.cause_type, id: r.cause_id },
      validAt: r.valid_at,
      recordedAt: r.cause_recorded_at,
      line: {
        before: r.p_before,
        after: r.p_after,
        rating: r.rating,
        weight: r.weight,
        factor: r.factor,
        parts: r.parts,
      },
    }));
    return { prior: priors[hypothesisId] as number, points };
  }
  const { priors, steps } = await replayQuestion(ex, question, asOf);
  const points = steps.flatMap((step) => {
    const line = step.lines.find((l) => l.hypothesisId === hypothesisId);
    return line
      ? [
          {
            cause: { type: step.event.type, id: step.event.id },
            validAt: validAtOf(step.event),
            recordedAt: step.event.recordedAt,
            line,
          },
        ]
      : [];
  });
  return { prior: priors[hypothesisId] as number, points };
}

async function causeTitles(ex: Executor, points: ModelPoint[]) {
  const evidenceIds = points.filter((p) => p.cause.type !== 'observation').map((p) => p.cause.id);
  const observationIds = points
    .filter((p) => p.cause.type === 'observation')
    .map((p) => p.cause.id);
  const [evidence, observations] = await Promise.all([
    evidenceTitles(ex, [...new Set(evidenceIds)]),
    observationTitles(ex, observationIds),
  ]);
  const titles = new Map(evidence.map((e) => [e.id, e.title]));
  for (const o of observations) titles.set(o.id, `${o.title}: ${o.status}`);
  return (p: ModelPoint) => {
    const title = titles.get(p.cause.id) ?? null;
    return p.cause.type === 'retraction' && title ? `Retracted: ${title}` : title;
  };
}

/**
 * A hypothesis's three series as known at `asOf`: the model (from its prior, each step with the
 * ledger line that made it), the analysts' judgments and the cited sources' forecasts. Each
 * series keeps its own order: the model's is the order its steps were applied in.
 */
export async function readTimeline(ex: Executor, hypothesisId: string, asOf?: Date) {
  const hypothesis = await findHypothesis(ex, hypothesisId);
  if (!hypothesis || (asOf && hypothesis.recorded_at > asOf))
    throw notFound('hypothesis', hypothesisId);
  const [question] = await findQuestions(ex, { ids: [hypothesis.question_id] });
  if (!question) throw notFound('question', hypothesis.question_id);
  const [{ prior, points: steps }, forecasts] = await Promise.all([
    modelSeries(ex, question, hypothesisId, asOf),
    forecastsOfHypothesis(ex, hypothesisId, asOf),
  ]);
  const titleOf = await causeTitles(ex, steps);
  const points: TimelinePoint[] = [
    {
      series: 'model',
      probability: prior,
      words: wordsFor(prior),
      valid_at: hypothesis.opened_at.toISOString(),
      recorded_at: hypothesis.recorded_at.toISOString(),
      cause: { type: 'prior', id: hypothesisId, title: 'Prior' },
      forecaster: null,
      rationale: hypothesis.rationale,
      ledger: null,
    },
    ...steps.map((p) => ({
      series: 'model' as const,
      probability: p.line.after,
      words: wordsFor(p.line.after),
      valid_at: p.validAt.toISOString(),
      recorded_at: p.recordedAt.toISOString(),
      cause: { ...p.cause, title: titleOf(p) },
      forecaster: null,
      rationale: null,
      ledger: {
        before: p.line.before,
        rating: p.line.rating,
        weight: p.line.weight,
        factor: p.line.factor,
        parts: p.line.parts as unknown as Record<string, unknown>[],
      },
    })),
    ...forecasts.map((f) => {
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
  return {
    hypothesis_id: hypothesisId,
    question_id: question.id,
    points,
    as_of: asOf?.toISOString() ?? null,
    method: 'signpost-v1' as const,
  };
}
