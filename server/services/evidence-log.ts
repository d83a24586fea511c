import type { Executor } from '../db/database.js';
import { invalid, notFound } from '../errors.js';
import { ID_PATTERN } from '../ids.js';
import { evidenceLogPage } from '../repositories/evidence.js';
import { listMembers } from '../repositories/question-members.js';
import { findQuestions } from '../repositories/questions.js';
import { NOT_A_HYPOTHESIS, NOT_AN_INDICATOR } from '../schemas/definitions.js';
import type { EvidenceLogQuery } from '../schemas/evidence.js';
import { readEvidenceViews } from './evidence-views.js';

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A UTC time to the microsecond that exists (no 30 February): what the log's cursors carry. */
function isCursorTime(value: unknown): value is string {
  if (typeof value !== 'string' || !CURSOR_TIME.test(value)) return false;
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 23) === value.slice(0, 23);
}

/** An opaque cursor: the last item's exact recorded time and id. */
function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

function decodeCursor(cursor: string): { recordedAt: string; id: string } {
  try {
    const [recordedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isCursorTime(recordedAt) && typeof id === 'string' && ID_PATTERN.test(id)) {
      return { recordedAt, id };
    }
  } catch {
    // reported below
  }
  throw invalid([{ path: 'query.cursor', message: 'is not a cursor this log returned' }]);
}

const split = (list: string | undefined) => list?.split(',');

/** A page of a question's evidence log, newest recorded first, as known at `asOf`. */
export async function readEvidenceLog(
  ex: Executor,
  questionId: string,
  query: EvidenceLogQuery,
  asOf?: Date,
) {
  const [question] = await findQuestions(ex, { ids: [questionId], asOf });
  if (!question) throw notFound('question', questionId);
  const [hypotheses, indicators] = await Promise.all([
    listMembers(ex, 'hypotheses', [questionId]),
    listMembers(ex, 'indicators', [questionId]),
  ]);
  const problems = [
    ...(query.hypothesis && !hypotheses.some((h) => h.id === query.hypothesis)
      ? [{ path: 'query.hypothesis', message: NOT_A_HYPOTHESIS }]
      : []),
    ...(query.indicator && !indicators.some((i) => i.id === query.indicator)
      ? [{ path: 'query.indicator', message: NOT_AN_INDICATOR }]
      : []),
    ...(query.rating && !query.hypothesis
      ? [{ path: 'query.rating', message: 'needs hypothesis: the ratings of which hypothesis?' }]
      : []),
    ...(query.from && query.to && query.from > query.to
      ? [{ path: 'query.from', message: 'must not be after to' }]
      : []),
  ];
  if (problems.length > 0) throw invalid(problems);
  const rows = await evidenceLogPage(ex, {
    questionId,
    asOf,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit,
    hypothesisId: query.hypothesis,
    ratings: split(query.rating),
    indicatorId: query.indicator,
    reliabilities: split(query.reliability),
    credibilities: split(query.credibility)?.map(Number),
    from: query.from,
    to: query.to,
    text: query.q,
    retracted: query.retracted,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await readEvidenceViews(
      ex,
      page.map((r) => r.id),
      asOf,
    ),
    next_cursor: rows.length > query.limit && last ? encodeCursor(last.cursor_at, last.id) : null,
    as_of: asOf?.toISOString() ?? null,
  };
}
