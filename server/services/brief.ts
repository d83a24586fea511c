import type { Actor } from '../actor.js';
import type { Executor } from '../db/database.js';
import { AppError } from '../errors.js';
import type { TimelinePoint } from '../schemas/timeline.js';
import type { IndicatorView, QuestionView } from '../schemas/views.js';
import { judgmentsHidden } from './blind-mode.js';
import { replaysAsOf, validAtOf } from './model.js';
import { asTimelineHypothesis, CHART_SPANS } from './question-page.js';
import { readQuestion } from './question-reads.js';
import { causeTitles, readTimelines } from './timeline.js';

/**
 * The one-page brief of a question as known at `asOf`: its assessments and how they changed
 * since `since` (both recorded times: what we believed then against what we believe now), the
 * events recorded since then that moved the model most, the indicators that fired or expired,
 * and the indicators still worth collecting on.
 */

/** Events listed as having moved the model most. */
const MOVES = 8;
/** Indicators listed as still to watch. */
const WATCH = 6;

export interface BriefMove {
  type: 'evidence' | 'observation' | 'retraction' | 'resolution';
  id: string;
  title: string | null;
  validAt: Date;
  recordedAt: Date;
  /** Each hypothesis's before and after, largest move first. */
  lines: { hypothesisId: string; before: number; after: number }[];
  largest: number;
}

export interface IndicatorChange {
  indicator: IndicatorView;
  status: string;
  observedAt: Date;
  recordedAt: Date;
  evidenceId: string | null;
}

export interface Brief {
  question: QuestionView;
  /** The question as recorded by `since`, or null when it was recorded later. */
  previous: QuestionView | null;
  since: Date;
  asOf: Date | undefined;
  timelines: Map<string, TimelinePoint[]>;
  moves: BriefMove[];
  indicatorChanges: IndicatorChange[];
  watch: IndicatorView[];
}

/** Statuses a brief reports as news: an indicator firing, starting to, fading or expiring. */
const NEWS = new Set(['OBSERVED', 'EMERGING', 'RECEDING', 'EXPIRED']);
/** Statuses after which an indicator has nothing left to collect. */
const SETTLED = new Set(['OBSERVED', 'EXPIRED']);

async function previousQuestion(ex: Executor, id: string, since: Date, reader?: Actor) {
  try {
    return await readQuestion(ex, id, since, replaysAsOf(ex, since), reader);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

export async function readBrief(
  ex: Executor,
  id: string,
  { since, asOf, reader }: { since: Date; asOf: Date | undefined; reader?: Actor },
): Promise<Brief> {
  const replays = replaysAsOf(ex, asOf);
  const question = await readQuestion(ex, id, asOf, replays, reader);
  const [previous, timelines, replay] = await Promise.all([
    previousQuestion(ex, id, since, reader),
    readTimelines(ex, question, question.hypotheses.map(asTimelineHypothesis), asOf, {
      spans: CHART_SPANS,
      replays,
      hideJudgments: judgmentsHidden(question),
    }),
    replays(question),
  ]);
  const recent = replay.steps
    .filter((s) => s.event.recordedAt > since)
    .map((s) => {
      const lines = s.lines
        .map((l) => ({ hypothesisId: l.hypothesisId, before: l.before, after: l.after }))
        .filter((l) => l.after !== l.before)
        .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before));
      const largest = Math.abs((lines[0]?.after ?? 0) - (lines[0]?.before ?? 0));
      return { step: s, lines, largest };
    })
    .filter((m) => m.largest > 0)
    .sort((a, b) => b.largest - a.largest)
    .slice(0, MOVES);
  const titleOf = await causeTitles(
    ex,
    recent.map((m) => ({ cause: { type: m.step.event.type, id: m.step.event.id } })),
  );
  const moves: BriefMove[] = recent.map(({ step, lines, largest }) => ({
    type: step.event.type,
    id: step.event.id,
    title: titleOf({ cause: { type: step.event.type, id: step.event.id } }),
    validAt: validAtOf(step.event),
    recordedAt: step.event.recordedAt,
    lines,
    largest,
  }));
  const indicators = new Map(question.indicators.map((i) => [i.id, i]));
  const indicatorChanges = replay.facts.observations
    .filter((o) => o.recorded_at > since && NEWS.has(o.status) && indicators.has(o.indicator_id))
    .sort((a, b) => b.observed_at.getTime() - a.observed_at.getTime())
    .map((o) => ({
      indicator: indicators.get(o.indicator_id) as IndicatorView,
      status: o.status,
      observedAt: o.observed_at,
      recordedAt: o.recorded_at,
      evidenceId: o.evidence_id,
    }));
  const watch = question.indicators
    .filter((i) => !SETTLED.has(i.status) && i.diagnosticity.class !== 'non_diagnostic')
    .sort(
      (a, b) =>
        b.diagnosticity.spread - a.diagnosticity.spread ||
        (a.expected_by ?? '9999').localeCompare(b.expected_by ?? '9999'),
    )
    .slice(0, WATCH);
  return { question, previous, since, asOf, timelines, moves, indicatorChanges, watch };
}
