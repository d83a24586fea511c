import type { Actor } from '../actor.js';
import type { Executor } from '../db/database.js';
import { groupBy } from '../domain/group-by.js';
import { changeSince, type Step } from '../domain/series.js';
import { forecastsOfHypotheses } from '../repositories/assessments.js';
import { latestEvidence } from '../repositories/evidence.js';
import { latestObservations } from '../repositories/indicators.js';
import { ledgerOutline, ledgerStandingAt } from '../repositories/model.js';
import { allTags } from '../repositories/questions.js';
import type { QuestionView } from '../schemas/views.js';
import { readQuestions } from './question-reads.js';

const DAY_MS = 86_400_000;
/** "Recent" on the dashboard: the last 30 days. */
export const RECENT_DAYS = 30;
/** Spans of valid time a sparkline is thinned to. */
const SPARK_SPANS = 30;
const LATEST = 8;

export interface HypothesisTrend {
  /** The model's change over the recent window, in probability. */
  model: number;
  /** The analysts' change; undefined when there was no judgment at both ends. */
  analyst: number | undefined;
  /** The model series for a sparkline, thinned, from the prior to now. */
  spark: Step[];
}

export type DashboardSort = 'order' | 'move';

export interface Dashboard {
  questions: QuestionView[];
  tags: string[];
  trends: Map<string, HypothesisTrend>;
  latestEvidence: Awaited<ReturnType<typeof latestEvidence>>;
  latestIndicatorChanges: Awaited<ReturnType<typeof latestObservations>>;
}

/** The largest recent move among a question's hypotheses, either series. */
function largestMove(question: QuestionView, trends: Map<string, HypothesisTrend>): number {
  return Math.max(
    0,
    ...question.hypotheses.flatMap((h) => {
      const t = trends.get(h.id);
      return t ? [Math.abs(t.model), Math.abs(t.analyst ?? 0)] : [];
    }),
  );
}

/**
 * Every question (optionally one tag's) with each hypothesis's recent change and sparkline, and
 * the latest evidence and indicator changes across questions.
 */
export async function readDashboard(
  ex: Executor,
  {
    tag,
    sort,
    now = new Date(),
    reader,
  }: { tag?: string | undefined; sort: DashboardSort; now?: Date; reader?: Actor },
): Promise<Dashboard> {
  const questions = await readQuestions(ex, { tag }, undefined, reader);
  const hypotheses = questions.flatMap((q) => q.hypotheses);
  const ids = hypotheses.map((h) => h.id);
  const end = now.getTime();
  const since = new Date(end - RECENT_DAYS * DAY_MS);
  const [outline, standing, forecasts, evidence, indicatorChanges, tags] = await Promise.all([
    ledgerOutline(ex, ids, SPARK_SPANS),
    ledgerStandingAt(ex, ids, since),
    forecastsOfHypotheses(ex, ids),
    latestEvidence(ex, LATEST),
    latestObservations(ex, LATEST),
    allTags(ex),
  ]);
  const steps = groupBy(outline, (l) => l.hypothesis_id);
  const then = new Map(standing.map((s) => [s.hypothesis_id, s.p_after]));
  const judgments = groupBy(
    forecasts.filter((f) => f.forecaster_kind === 'analyst'),
    (f) => f.hypothesis_id,
  );
  const trends = new Map<string, HypothesisTrend>(
    hypotheses.map((h) => {
      const analyst = (judgments.get(h.id) ?? []).map((j) => ({
        x: j.valid_at.getTime(),
        y: j.probability,
      }));
      const spark: Step[] = [
        { x: Date.parse(h.opened_at), y: h.prior },
        ...(steps.get(h.id) ?? []).map((l) => ({ x: l.valid_at.getTime(), y: l.p_after })),
        { x: end, y: h.current.model },
      ];
      return [
        h.id,
        {
          // Before its first step a hypothesis stood at its prior.
          model: h.current.model - (then.get(h.id) ?? h.prior),
          analyst: h.current.hidden_by_blind_mode
            ? undefined
            : changeSince(analyst, since.getTime(), end, { fromStart: false }),
          spark,
        },
      ];
    }),
  );
  if (sort === 'move') {
    questions.sort((a, b) => largestMove(b, trends) - largestMove(a, trends));
  }
  return {
    questions,
    tags,
    trends,
    latestEvidence: evidence,
    latestIndicatorChanges: indicatorChanges,
  };
}
