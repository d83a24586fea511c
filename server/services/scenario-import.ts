import type { Actor } from '../actor.js';
import type { Db, Executor } from '../db/database.js';
import { type FieldProblem, invalid } from '../errors.js';
import { newId } from '../ids.js';
import { insertAssessments } from '../repositories/assessments.js';
import { type AuditEntry, created, recordAudit } from '../repositories/audit.js';
import { insertCitations, listCitations } from '../repositories/citations.js';
import { insertHypotheses } from '../repositories/hypotheses.js';
import {
  currentExpectations,
  insertExpectations,
  insertIndicators,
} from '../repositories/indicators.js';
import { listMembers } from '../repositories/question-members.js';
import { findQuestions, insertQuestions, lockQuestion } from '../repositories/questions.js';
import { insertScenarioImport } from '../repositories/scenario-imports.js';
import { findSources, insertSources } from '../repositories/sources.js';
import type { ScenarioFile } from '../schemas/scenario-file.js';
import { refreshModel } from './model.js';
import {
  ids,
  planScenarioImport,
  type ScenarioPlan,
  type StoredDefinitions,
} from './scenario-plan.js';

const COUNTED = [
  'sources',
  'questions',
  'hypotheses',
  'indicators',
  'expectations',
  'citations',
  'forecasts',
] as const;
export type ImportCounts = Record<(typeof COUNTED)[number], number>;

export interface ImportReport {
  name: string;
  /** Null when the file added nothing (it was already imported): nothing was written. */
  importId: string | null;
  added: ImportCounts;
  kept: FieldProblem[];
}

async function loadStored(ex: Executor, file: ScenarioFile): Promise<StoredDefinitions> {
  const questionIds = file.questions.map((q) => ids.question(q.key));
  const [sources, questions, hypotheses, indicators] = await Promise.all([
    findSources(
      ex,
      file.sources.map((s) => ids.source(s.key)),
    ),
    findQuestions(ex, { ids: questionIds }),
    listMembers(ex, 'hypotheses', questionIds),
    listMembers(ex, 'indicators', questionIds),
  ]);
  const hypothesisIds = file.questions.flatMap((q) =>
    q.hypotheses.map((h) => ids.hypothesis(q.key, h.key)),
  );
  const indicatorIds = file.questions.flatMap((q) =>
    q.indicators.map((x) => ids.indicator(q.key, x.key)),
  );
  const [expectations, citations] = await Promise.all([
    currentExpectations(
      ex,
      indicators.map((i) => i.id),
    ),
    listCitations(ex, { hypothesisIds, indicatorIds }),
  ]);
  return {
    sources,
    questions,
    hypotheses,
    indicators,
    expectations,
    citationIds: new Set(citations.map((c) => c.id)),
  };
}

function auditEntries(plan: ScenarioPlan): AuditEntry[] {
  const all = (type: string, rows: readonly { id: string }[]) =>
    rows.map((row) => created(type, row));
  return [
    ...all('source', plan.sources),
    ...all('question', plan.questions),
    ...all('hypothesis', plan.hypotheses),
    ...all('indicator', plan.indicators),
    ...all('indicator_expectation', plan.expectations),
    ...all('citation', plan.citations),
    ...all('assessment', plan.forecasts),
  ];
}

/**
 * Imports a validated scenario file in one transaction: everything it adds, or nothing. Stored
 * definitions are never overwritten; differences are reported as kept.
 */
export async function importScenarioSet(
  db: Db,
  actor: Actor,
  file: ScenarioFile,
  meta: { name: string; sha256: string },
): Promise<ImportReport> {
  return db.transaction().execute(async (trx) => {
    const plan = planScenarioImport(file, await loadStored(trx, file), actor, new Date());
    if (plan.problems.length > 0) {
      throw invalid(plan.problems, `${meta.name} refused: ${plan.problems.length} problem(s)`);
    }
    const added = Object.fromEntries(COUNTED.map((k) => [k, plan[k].length])) as ImportCounts;
    if (Object.values(added).every((n) => n === 0)) {
      return { name: meta.name, importId: null, added, kept: plan.kept };
    }
    await insertSources(trx, plan.sources);
    await insertQuestions(trx, plan.questions);
    await insertHypotheses(trx, plan.hypotheses);
    await insertIndicators(trx, plan.indicators);
    await insertExpectations(trx, plan.expectations);
    await insertCitations(trx, plan.citations);
    await insertAssessments(trx, plan.forecasts);
    // A stored question that gains hypotheses has its model rebuilt over the new set.
    for (const id of new Set(plan.hypotheses.map((h) => h.question_id))) {
      const question = await lockQuestion(trx, id);
      if (question) await refreshModel(trx, question);
    }
    const importId = newId('imp');
    await insertScenarioImport(trx, {
      id: importId,
      name: meta.name,
      sha256: meta.sha256,
      counts: JSON.stringify(added),
      recorded_by: actor.userId,
    });
    await recordAudit(trx, { ...actor, requestId: actor.requestId ?? importId }, [
      {
        action: 'scenario.import',
        entity_type: 'scenario_import',
        entity_id: importId,
        after: { ...meta, added },
      },
      ...auditEntries(plan),
    ]);
    return { name: meta.name, importId, added, kept: plan.kept };
  });
}
