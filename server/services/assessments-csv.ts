import type { Executor } from '../db/database.js';
import { wordsFor } from '../domain/words.js';
import { notFound } from '../errors.js';
import { exportTable } from '../repositories/export-tables.js';
import { ledgerSteps } from '../repositories/model.js';
import { listMembers } from '../repositories/question-members.js';
import { findQuestions } from '../repositories/questions.js';
import { toCsv } from '../views/csv.js';
import { priorsOf } from './model.js';

const COLUMNS = [
  'question_id',
  'hypothesis_id',
  'hypothesis',
  'series',
  'forecaster',
  'probability',
  'words',
  'valid_at',
  'recorded_at',
  'recorded_by',
  'cause_type',
  'cause_id',
  'rationale',
  'retracted_at',
  'retraction_reason',
] as const;
type Row = Record<(typeof COLUMNS)[number], string | number | null>;

/**
 * Probabilities over time as CSV, one row per forecast: analysts' judgments and cited authors'
 * forecasts as recorded (retracted ones marked), and the model's prior and every step of its
 * current ledger with the event that caused it. Ordered by question, hypothesis, valid time.
 */
export async function assessmentsCsv(ex: Executor, questionId?: string): Promise<string> {
  const questions = await findQuestions(ex, questionId === undefined ? {} : { ids: [questionId] });
  if (questionId !== undefined && questions.length === 0) throw notFound('question', questionId);
  const ids = questions.map((q) => q.id);
  const scope = questionId ?? null;
  const [hypotheses, assessments, retractions, users, citations, sources, steps] =
    await Promise.all([
      listMembers(ex, 'hypotheses', ids),
      exportTable(ex, 'assessments', scope),
      exportTable(ex, 'assessment_retractions', scope),
      exportTable(ex, 'users', scope),
      exportTable(ex, 'citations', scope),
      exportTable(ex, 'sources', scope),
      ledgerSteps(ex, ids),
    ]);
  const hypothesis = new Map(hypotheses.map((h) => [h.id, h]));
  const username = new Map(users.map((u) => [u.id, String(u.username)]));
  const sourceTitle = new Map(sources.map((s) => [s.id, String(s.author ?? s.title)]));
  const citationSource = new Map(citations.map((c) => [c.id, sourceTitle.get(c.source_id)]));
  const retraction = new Map(retractions.map((r) => [r.assessment_id, r]));
  const row = (hypothesisId: string, fields: Partial<Row>): Row => {
    const h = hypothesis.get(hypothesisId);
    const p = fields.probability as number;
    return {
      ...(Object.fromEntries(COLUMNS.map((c) => [c, null])) as Row),
      question_id: h?.question_id ?? null,
      hypothesis_id: hypothesisId,
      hypothesis: h?.title ?? null,
      words: wordsFor(p),
      ...fields,
    };
  };
  const judged = assessments.map((a) => {
    const retracted = retraction.get(a.id);
    return row(String(a.hypothesis_id), {
      series: String(a.forecaster_kind),
      forecaster:
        a.forecaster_kind === 'analyst'
          ? (username.get(a.analyst_id) ?? String(a.analyst_id))
          : (citationSource.get(a.citation_id) ?? null),
      probability: a.probability as number,
      valid_at: String(a.valid_at),
      recorded_at: String(a.recorded_at),
      recorded_by: username.get(a.recorded_by) ?? String(a.recorded_by),
      cause_type: a.forecaster_kind === 'source' ? 'citation' : 'judgment',
      cause_id: String(a.citation_id ?? a.id),
      rationale: String(a.rationale),
      retracted_at: retracted ? String(retracted.recorded_at) : null,
      retraction_reason: retracted ? String(retracted.reason) : null,
    });
  });
  const priors = questions.flatMap((q) => {
    const own = hypotheses.filter((h) => h.question_id === q.id);
    const start = priorsOf(q.kind, own);
    return own.map((h) =>
      row(h.id, {
        series: 'model',
        forecaster: 'model',
        probability: start[h.id] as number,
        valid_at: h.opened_at.toISOString(),
        cause_type: 'prior',
        cause_id: h.id,
      }),
    );
  });
  const moved = steps.map((s) =>
    row(s.hypothesis_id, {
      series: 'model',
      forecaster: 'model',
      probability: s.p_after,
      valid_at: s.valid_at.toISOString(),
      recorded_at: s.cause_recorded_at,
      cause_type: s.cause_type,
      cause_id: s.cause_id,
    }),
  );
  // Within a hypothesis: valid time, then the model's prior and steps in ledger order.
  const position = (r: Row) => hypothesis.get(String(r.hypothesis_id))?.position ?? 0;
  const rows = [...priors, ...moved, ...judged].sort(
    (a, b) =>
      String(a.question_id).localeCompare(String(b.question_id)) ||
      position(a) - position(b) ||
      String(a.valid_at).localeCompare(String(b.valid_at)),
  );
  return toCsv(COLUMNS, rows);
}
