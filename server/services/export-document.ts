import type { Actor } from '../actor.js';
import type { Db, Executor } from '../db/database.js';
import { AppError, invalid, notFound, zodProblems } from '../errors.js';
import { newId } from '../ids.js';
import { recordAudit } from '../repositories/audit.js';
import { exportTable, insertMissing, questionsReferenced } from '../repositories/export-tables.js';
import { findQuestions } from '../repositories/questions.js';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportDocument,
  ExportDocumentSchema,
  type ExportTables,
  type ImportReport,
  TABLE_NAMES,
  type TableName,
} from '../schemas/export-document.js';
import { authorize } from './authorize.js';
import { recomputeModel } from './model.js';
import { lockedQuestion } from './question-lock.js';

/** Rows per insert statement: large enough to be quick, small enough to report progress. */
const CHUNK = 2000;

export interface ImportProgress {
  table: TableName;
  done: number;
  total: number;
}

/**
 * The whole database, or one question with what it refers to, as the portable document. Read in
 * one repeatable-read transaction, so the tables agree with each other.
 */
export async function exportDocument(db: Db, questionId?: string): Promise<ExportDocument> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      if (questionId !== undefined) {
        const [question] = await findQuestions(trx, { ids: [questionId] });
        if (!question) throw notFound('question', questionId);
      }
      const tables = {} as ExportTables;
      for (const table of TABLE_NAMES) {
        tables[table] = await exportTable(trx, table, questionId ?? null);
      }
      return {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        method: 'signpost-v1',
        question: questionId ?? null,
        tables,
      } as ExportDocument;
    });
}

/** A document read from a file, checked as the API checks its body. */
export function parseExportDocument(input: unknown): ExportDocument {
  const parsed = ExportDocumentSchema.safeParse(input);
  if (!parsed.success) throw invalid(zodProblems(parsed.error, 'body'));
  return parsed.data;
}

/**
 * A database refusal of an imported table (an integrity error, class 23) as the problem it is,
 * naming the table; any other error as it was.
 */
function tableProblem(table: TableName, error: unknown): unknown {
  const { code, constraint, detail, message } = error as Record<string, string | undefined>;
  if (!code?.startsWith('23')) return error;
  const reason = `${detail ?? message ?? 'refused'}${constraint ? ` (${constraint})` : ''}`;
  return new AppError(
    code === '23514' || code === '23502' ? 'invalid_request' : 'conflict',
    `tables.${table}: ${reason}`,
    [{ path: `body.tables.${table}`, message: reason }],
  );
}

/** The questions whose model an import may have moved. */
async function touchedQuestions(ex: Executor, tables: ExportTables): Promise<string[]> {
  // Rows that name their question, then those known only by what they refer to.
  const own = [
    tables.questions.map((r) => r.id),
    ...(
      [
        'hypotheses',
        'indicators',
        'indicator_expectations',
        'evidence',
        'evidence_ratings',
      ] as const
    ).map((t) => tables[t].map((r) => r.question_id)),
  ].flat() as string[];
  const referenced = await questionsReferenced(ex, {
    hypothesisIds: [...tables.assessments, ...tables.resolutions].map(
      (r) => r.hypothesis_id as string,
    ),
    evidenceIds: tables.evidence_retractions.map((r) => r.evidence_id as string),
    indicatorIds: tables.indicator_observations.map((r) => r.indicator_id as string),
  });
  return [...new Set([...own, ...referenced])].sort();
}

/**
 * Imports a portable document in one transaction: every row whose key is not stored yet is
 * written with its own ids and times, rows already stored are left as they are (so importing the
 * same document twice adds nothing), and the model of each question it touched is rebuilt from
 * its facts. Anything the database refuses rolls the whole import back.
 */
export async function importDocument(
  db: Db,
  actor: Actor,
  document: ExportDocument,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  authorize(actor, 'data.import');
  const { tables } = document;
  return db.transaction().execute(async (trx) => {
    const added = {} as Record<TableName, number>;
    const present = {} as Record<TableName, number>;
    for (const table of TABLE_NAMES) {
      const rows = tables[table];
      added[table] = 0;
      for (let done = 0; done < rows.length; done += CHUNK) {
        const chunk = rows.slice(done, done + CHUNK);
        added[table] += await insertMissing(trx, table, chunk).catch((error: unknown) => {
          throw tableProblem(table, error);
        });
        onProgress?.({ table, done: done + chunk.length, total: rows.length });
      }
      present[table] = rows.length - added[table];
    }
    const wrote = Object.values(added).some((n) => n > 0);
    const recomputed = wrote ? await touchedQuestions(trx, tables) : [];
    // Locked in id order, as every other writer takes one question at a time.
    for (const id of recomputed) await recomputeModel(trx, await lockedQuestion(trx, id));
    if (wrote) {
      await recordAudit(trx, actor, [
        {
          action: 'data.import',
          entity_type: 'import',
          entity_id: newId('imp'),
          after: { question: document.question, added, present },
        },
      ]);
    }
    return { added, present, recomputed, method: 'signpost-v1' as const };
  });
}
