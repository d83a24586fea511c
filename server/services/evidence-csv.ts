import type { Actor } from '../actor.js';
import type { Db, Executor } from '../db/database.js';
import { type FieldProblem, invalid, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { created, recordAudit } from '../repositories/audit.js';
import { findEvidence, insertEvidence, insertRatings } from '../repositories/evidence.js';
import { exportTable } from '../repositories/export-tables.js';
import { currentStatuses, insertObservations } from '../repositories/indicators.js';
import { listMembers } from '../repositories/question-members.js';
import { findQuestions } from '../repositories/questions.js';
import { findOrAddSource, type SourceRow } from '../repositories/sources.js';
import { parseCsv } from '../schemas/csv.js';
import type { EvidenceInput } from '../schemas/evidence.js';
import {
  ITEM_COLUMNS,
  OBSERVATION,
  type ParsedRow,
  RATING,
  RECORD_COLUMNS,
  readHeader,
  readRows,
  refOf,
} from '../schemas/evidence-csv.js';
import type { ImportReport } from '../schemas/export-document.js';
import { toCsv } from '../views/csv.js';
import { authorize } from './authorize.js';
import { evidenceParts } from './evidence.js';
import type { ImportProgress } from './export-document.js';
import { recomputeModel } from './model.js';
import { lockedQuestion } from './question-lock.js';

/**
 * A question's evidence log as CSV (the columns of schemas/evidence-csv.ts), and a CSV of the
 * same columns imported for a bulk backfill.
 */

/** Items written per statement, and between progress reports. */
const CHUNK = 1000;
/** Bad rows listed in one refusal; the count says how many there were. */
const MAX_PROBLEMS = 100;

/** The question's evidence, oldest valid time first, with its ratings, observations and retraction. */
export async function evidenceCsv(ex: Executor, questionId: string): Promise<string> {
  const [question] = await findQuestions(ex, { ids: [questionId] });
  if (!question) throw notFound('question', questionId);
  const [hypotheses, indicators, evidence, ratings, observations, retractions, sources] =
    await Promise.all([
      listMembers(ex, 'hypotheses', [questionId]),
      listMembers(ex, 'indicators', [questionId]),
      exportTable(ex, 'evidence', questionId),
      exportTable(ex, 'evidence_ratings', questionId),
      exportTable(ex, 'indicator_observations', questionId),
      exportTable(ex, 'evidence_retractions', questionId),
      exportTable(ex, 'sources', questionId),
    ]);
  const cellsOf = new Map<string, Record<string, string>>();
  const cells = (evidenceId: unknown) => {
    const id = String(evidenceId);
    const existing = cellsOf.get(id) ?? {};
    cellsOf.set(id, existing);
    return existing;
  };
  const hypothesisRef = new Map(hypotheses.map((h) => [h.id, `${RATING}${refOf(h)}`]));
  const indicatorRef = new Map(indicators.map((i) => [i.id, `${OBSERVATION}${refOf(i)}`]));
  for (const r of ratings) {
    const column = hypothesisRef.get(String(r.hypothesis_id)) as string;
    cells(r.evidence_id)[column] =
      r.likelihood_ratio === null ? String(r.rating) : `${r.rating}:${r.likelihood_ratio}`;
  }
  for (const o of observations) {
    if (o.evidence_id !== null) {
      cells(o.evidence_id)[indicatorRef.get(String(o.indicator_id)) as string] = String(o.status);
    }
  }
  for (const r of retractions) {
    Object.assign(cells(r.evidence_id), {
      retracted_at: String(r.recorded_at),
      retraction_reason: String(r.reason),
    });
  }
  const sourceOf = new Map(sources.map((s) => [s.id, s]));
  const columns = [
    ...ITEM_COLUMNS,
    ...hypothesisRef.values(),
    ...indicatorRef.values(),
    ...RECORD_COLUMNS,
  ];
  const rows = [...evidence]
    .sort(
      (a, b) =>
        String(a.occurred_on).localeCompare(String(b.occurred_on)) ||
        String(a.recorded_at).localeCompare(String(b.recorded_at)),
    )
    .map((e) => {
      const source = sourceOf.get(e.source_id);
      return Object.fromEntries(
        columns.map((c) => {
          const own = cells(e.id)[c];
          if (own !== undefined) return [c, own];
          if (c === 'source_title') return [c, source?.title ?? null];
          if (c === 'source_url') return [c, source?.url ?? null];
          const value = e[c];
          return [c, value === undefined || value === null ? null : (value as string | number)];
        }),
      ) as Record<string, string | number | null>;
    });
  return toCsv(columns, rows);
}

/** The source each row names, found by URL or added once per distinct source of the file. */
async function sourcesOf(ex: Executor, actor: Actor, rows: ParsedRow[]) {
  const found = new Map<string, SourceRow>();
  for (const { input } of rows) {
    if (!input.source) continue;
    const key = input.source.url ?? `title:${input.source.title}`;
    if (!found.has(key)) {
      found.set(
        key,
        await findOrAddSource(ex, input.source, { id: newId('src'), recorded_by: actor.userId }),
      );
    }
  }
  return (input: EvidenceInput) =>
    input.source ? found.get(input.source.url ?? `title:${input.source.title}`) : undefined;
}

function refused(problems: FieldProblem[], rows: number): never {
  // Paths are body.line.<n>.<column>.
  const cells = problems.map((p) => {
    const [, , line, ...column] = p.path.split('.');
    return { line, column: column.join('.'), message: p.message };
  });
  const first = cells.slice(0, 3).map((c) => `line ${c.line}, ${c.column}: ${c.message}`);
  throw invalid(
    problems.slice(0, MAX_PROBLEMS),
    `${new Set(cells.map((c) => c.line)).size} of ${rows} rows cannot be imported; nothing was written. ${first.join('; ')}`,
  );
}

/**
 * Imports evidence from CSV into a question in one transaction, as logging each item would:
 * ratings, observations, sources and an audit entry per item, with its valid time as given
 * (backdated items are the point). Every row is checked first; one bad row refuses the file,
 * naming each bad cell by line and column. A row whose id is already stored is left as stored.
 */
export async function importEvidenceCsv(
  db: Db,
  actor: Actor,
  questionId: string,
  text: string,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  authorize(actor, 'evidence.write');
  const [head, ...records] = parseCsv(text);
  if (!head) throw invalid([{ path: 'body', message: 'is empty: a header line is required' }]);
  return db.transaction().execute(async (trx) => {
    const question = await lockedQuestion(trx, questionId);
    const [hypotheses, indicators] = await Promise.all([
      listMembers(trx, 'hypotheses', [questionId]),
      listMembers(trx, 'indicators', [questionId]),
    ]);
    const { headers, problems } = readHeader(head.cells, hypotheses, indicators);
    if (problems.length > 0) refused(problems, records.length);
    const statuses = new Map(
      (
        await currentStatuses(
          trx,
          indicators.map((i) => i.id),
        )
      ).map((s) => [s.indicator_id, s.status as string]),
    );
    const read = readRows(records, headers, head.cells, statuses);
    const stored = await findEvidence(
      trx,
      read.rows.flatMap((r) => (r.id ? [r.id] : [])),
    );
    for (const e of stored.filter((e) => e.question_id !== questionId)) {
      const row = read.rows.find((r) => r.id === e.id) as ParsedRow;
      read.problems.push({
        path: `body.line.${row.line}.id`,
        message: `is already an item of another question (${e.question_id})`,
      });
    }
    if (read.problems.length > 0) refused(read.problems, records.length);
    const storedIds = new Set(stored.map((e) => e.id));
    const rows = read.rows.filter((r) => !r.id || !storedIds.has(r.id));
    const sourceOf = await sourcesOf(trx, actor, rows);
    const added = { evidence: 0, evidence_ratings: 0, indicator_observations: 0 };
    for (let done = 0; done < rows.length; done += CHUNK) {
      const chunk = rows.slice(done, done + CHUNK);
      const items = await insertEvidence(
        trx,
        chunk.map(({ id, input }) => ({
          id: id ?? newId('ev'),
          question_id: questionId,
          title: input.title,
          summary: input.summary,
          occurred_on: input.occurred_on,
          source_id: sourceOf(input)?.id ?? null,
          reliability: input.reliability,
          credibility: input.credibility,
          relevance: input.relevance,
          recorded_by: actor.userId,
        })),
      );
      const parts = items.map((item, i) =>
        evidenceParts(item, (chunk[i] as ParsedRow).input, actor),
      );
      const ratings = parts.flatMap((p) => p.ratings);
      const observations = parts.flatMap((p) => p.observations);
      await insertRatings(trx, ratings);
      await insertObservations(trx, observations);
      await recordAudit(
        trx,
        actor,
        items.map((item, i) =>
          created('evidence', item, {
            ...item,
            ratings: (chunk[i] as ParsedRow).input.ratings,
            observations: (chunk[i] as ParsedRow).input.observations,
            imported_from_line: (chunk[i] as ParsedRow).line,
          }),
        ),
      );
      added.evidence += items.length;
      added.evidence_ratings += ratings.length;
      added.indicator_observations += observations.length;
      onProgress?.({ table: 'evidence', done: done + chunk.length, total: rows.length });
    }
    if (rows.length > 0) await recomputeModel(trx, question);
    return {
      added,
      present: { evidence: read.rows.length - rows.length },
      recomputed: rows.length > 0 ? [questionId] : [],
      method: 'signpost-v1' as const,
    };
  });
}
