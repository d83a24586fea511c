import type { Actor } from '../actor.js';
import type { Executor } from '../db/database.js';
import { AppError } from '../errors.js';
import type { StandingOrder } from '../repositories/matrix-rows.js';
import { type LedgerRow, ledgerOfEvidence } from '../repositories/model.js';
import type { EvidenceLogQuery, EvidenceView } from '../schemas/evidence.js';
import type { Matrix, MatrixSort } from '../schemas/matrix.js';
import type { TimelinePoint } from '../schemas/timeline.js';
import type { HypothesisView, QuestionView } from '../schemas/views.js';
import { judgmentsHidden } from './blind-mode.js';
import { readEvidenceLog } from './evidence-log.js';
import { readEvidenceViews } from './evidence-views.js';
import { readMatrix, readMatrixTop } from './matrix.js';
import { type Replays, replaysAsOf } from './model.js';
import { readHypothesisInQuestion, readQuestion } from './question-reads.js';
import { readLedgerPage, readTimelines } from './timeline.js';

export interface EvidenceEffects {
  evidence: EvidenceView;
  /** Its ledger lines: what it did to each hypothesis, where it stands in valid time. */
  lines: LedgerRow[];
}

export interface QuestionPage {
  question: QuestionView;
  timelines: Map<string, TimelinePoint[]>;
  matrix: Matrix;
  log: Awaited<ReturnType<typeof readEvidenceLog>> | { problems: AppError };
  /** The evidence just logged, with what it moved. */
  logged: EvidenceEffects | undefined;
}

/** Spans of valid time a chart's model series is thinned to (min-max): enough for a page width. */
export const CHART_SPANS = 100;

export const asTimelineHypothesis = (h: HypothesisView) => ({
  id: h.id,
  opened_at: new Date(h.opened_at),
  recorded_at: new Date(h.recorded_at),
  rationale: h.rationale,
});

/** Rows of the matrix a question page shows unless all are asked for. */
export const MATRIX_ROWS = 50;

// The orders the stored rows can be read in directly; the others need every row's figures.
const STORED_ORDERS: Partial<Record<MatrixSort, StandingOrder>> = {
  order: 'valid_time',
  date: 'newest',
  grade: 'grade',
};

/**
 * The page's matrix: in the present, for an order the rows can be read in, only the rows shown
 * (readMatrixTop); otherwise every row (readMatrix), for the page to sort.
 */
function readPageMatrix(
  ex: Executor,
  question: QuestionView,
  asOf: Date | undefined,
  { sort, all }: { sort: MatrixSort; all: boolean },
  replays: Replays,
) {
  const order = STORED_ORDERS[sort];
  return asOf === undefined && order && !all
    ? readMatrixTop(ex, question, { order, limit: MATRIX_ROWS })
    : readMatrix(ex, question.id, asOf, replays);
}

/** What an evidence item did, from the ledger (the current model's record of it). */
async function readEvidenceEffects(
  ex: Executor,
  evidenceId: string,
): Promise<EvidenceEffects | undefined> {
  const [[evidence], lines] = await Promise.all([
    readEvidenceViews(ex, [evidenceId]),
    ledgerOfEvidence(ex, [evidenceId]),
  ]);
  return evidence && { evidence, lines };
}

/**
 * Everything the question page shows, as known at `asOf`: the question, every hypothesis's
 * timeline, the ACH matrix and a page of the evidence log. A bad log filter leaves the rest of
 * the page standing and is reported beside the filters.
 */
export async function readQuestionPage(
  ex: Executor,
  id: string,
  options: {
    asOf: Date | undefined;
    log: EvidenceLogQuery;
    logged: string | undefined;
    matrix: { sort: MatrixSort; all: boolean };
    reader?: Actor;
  },
): Promise<QuestionPage> {
  const { asOf, log, logged, reader } = options;
  const replays = replaysAsOf(ex, asOf);
  const question = await readQuestion(ex, id, asOf, replays, reader);
  const [timelines, matrix, evidenceLog, effects] = await Promise.all([
    readTimelines(ex, question, question.hypotheses.map(asTimelineHypothesis), asOf, {
      spans: CHART_SPANS,
      replays,
      hideJudgments: judgmentsHidden(question),
    }),
    readPageMatrix(ex, question, asOf, options.matrix, replays),
    readEvidenceLog(ex, id, log, asOf).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'invalid_request') return { problems: error };
      throw error;
    }),
    logged && asOf === undefined ? readEvidenceEffects(ex, logged) : undefined,
  ]);
  return {
    question,
    timelines,
    matrix,
    log: evidenceLog,
    logged: effects?.evidence.question_id === id ? effects : undefined,
  };
}

/** Steps of the ledger a hypothesis page lists at a time. */
export const LEDGER_PAGE = 200;

/**
 * A hypothesis with its question, its timeline for the chart, as known at `asOf`, and one page
 * of its ledger (newest first, with every part); as of a past time the ledger is the replay's.
 */
export async function readHypothesisPage(
  ex: Executor,
  id: string,
  { asOf, page, reader }: { asOf: Date | undefined; page: number; reader?: Actor },
): Promise<{
  question: QuestionView;
  hypothesis: HypothesisView;
  timeline: TimelinePoint[];
  ledger: { points: TimelinePoint[]; total: number };
}> {
  const replays = replaysAsOf(ex, asOf);
  const { question, hypothesis } = await readHypothesisInQuestion(ex, id, asOf, replays, reader);
  const [timelines, ledger] = await Promise.all([
    readTimelines(ex, question, [asTimelineHypothesis(hypothesis)], asOf, {
      spans: CHART_SPANS,
      replays,
      hideJudgments: judgmentsHidden(question),
    }),
    readLedgerPage(ex, question, hypothesis.id, asOf, {
      offset: page * LEDGER_PAGE,
      limit: LEDGER_PAGE,
      replays,
    }),
  ]);
  return { question, hypothesis, timeline: timelines.get(hypothesis.id) ?? [], ledger };
}
