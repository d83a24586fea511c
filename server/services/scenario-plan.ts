import type { Insertable } from 'kysely';
import type { Actor } from '../actor.js';
import type { AssessmentsTable } from '../db/tables/assessments.js';
import type { CitationsTable } from '../db/tables/citations.js';
import type { HypothesesTable } from '../db/tables/hypotheses.js';
import type { IndicatorExpectationsTable } from '../db/tables/indicator-expectations.js';
import type { IndicatorsTable } from '../db/tables/indicators.js';
import type { QuestionsTable } from '../db/tables/questions.js';
import type { SourcesTable } from '../db/tables/sources.js';
import { readingOf } from '../domain/words.js';
import type { FieldProblem } from '../errors.js';
import { keyedId } from '../ids.js';
import type { HypothesisRow } from '../repositories/hypotheses.js';
import type { ExpectationRow, IndicatorRow } from '../repositories/indicators.js';
import type { QuestionRow } from '../repositories/questions.js';
import type { SourceRow } from '../repositories/sources.js';
import { startOf } from '../schemas/common.js';
import type { ScenarioCitation, ScenarioFile } from '../schemas/scenario-file.js';
import {
  expectationRows,
  horizonProblem,
  hypothesisRow,
  indicatorRow,
  positionAfter,
  priorProblem,
  questionRow,
} from './definition-rows.js';

/** What is already stored under the ids a scenario file's keys map to. */
export interface StoredDefinitions {
  sources: SourceRow[];
  questions: QuestionRow[];
  hypotheses: HypothesisRow[];
  indicators: IndicatorRow[];
  expectations: ExpectationRow[];
  citationIds: Set<string>;
}

export interface ScenarioPlan {
  sources: Insertable<SourcesTable>[];
  questions: Insertable<QuestionsTable>[];
  hypotheses: Insertable<HypothesesTable>[];
  indicators: Insertable<IndicatorsTable>[];
  expectations: Insertable<IndicatorExpectationsTable>[];
  citations: Insertable<CitationsTable>[];
  /** The cited authors' stated likelihoods, as forecasts dated at publication. */
  forecasts: Insertable<AssessmentsTable>[];
  /** Reasons to refuse the whole file. */
  problems: FieldProblem[];
  /** Definitions that differ from what is stored: import never overwrites, so they are kept. */
  kept: FieldProblem[];
}

export const ids = {
  source: (key: string) => keyedId('src', key),
  question: (key: string) => keyedId('q', key),
  hypothesis: (q: string, h: string) => keyedId('h', `${q}/${h}`),
  indicator: (q: string, i: string) => keyedId('i', `${q}/${i}`),
  citation: (ownerId: string, c: ScenarioCitation) =>
    keyedId('cit', `${ownerId}\n${c.source}\n${c.quote}`),
};

const KEPT = 'differs from what is stored; kept as stored (an import never overwrites)';

function compare(
  kept: FieldProblem[],
  path: string,
  stored: Record<string, unknown>,
  wanted: Record<string, unknown>,
) {
  for (const [field, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    if (JSON.stringify(stored[field]) !== JSON.stringify(value)) {
      kept.push({ path: `${path}.${field}`, message: KEPT });
    }
  }
}

type ScenarioQuestion = ScenarioFile['questions'][number];

function emptyPlan(): ScenarioPlan {
  return {
    sources: [],
    questions: [],
    hypotheses: [],
    indicators: [],
    expectations: [],
    citations: [],
    forecasts: [],
    problems: [],
    kept: [],
  };
}

function planSources(
  plan: ScenarioPlan,
  file: ScenarioFile,
  stored: StoredDefinitions,
  actor: Actor,
) {
  const storedSources = new Map(stored.sources.map((s) => [s.id, s]));
  for (const [si, s] of file.sources.entries()) {
    const id = ids.source(s.key);
    const fields = {
      title: s.title,
      author: s.author ?? null,
      publisher: s.publisher ?? null,
      url: s.url ?? null,
      document: s.document ?? null,
      published_on: s.published_on ?? null,
      date_note: s.date_note ?? null,
    };
    const existing = storedSources.get(id);
    if (existing) compare(plan.kept, `sources.${si}`, existing, fields);
    else plan.sources.push({ id, key: s.key, ...fields, recorded_by: actor.userId });
  }
}

/**
 * Adds an owner's new citations; a hypothesis's citation with a likelihood reading is also the
 * cited author's forecast, dated at publication.
 */
function planCitations(
  plan: ScenarioPlan,
  context: { file: ScenarioFile; stored: StoredDefinitions; actor: Actor; now: Date },
  owner: { hypothesis_id: string | null; indicator_id: string | null },
  citations: readonly ScenarioCitation[],
) {
  const { file, stored, actor, now } = context;
  const ownerId = (owner.hypothesis_id ?? owner.indicator_id) as string;
  for (const [position, c] of citations.entries()) {
    const id = ids.citation(ownerId, c);
    if (stored.citationIds.has(id)) continue;
    const probability = c.probability ?? (c.reading ? readingOf(c.reading) : undefined) ?? null;
    plan.citations.push({
      id,
      source_id: ids.source(c.source),
      ...owner,
      position,
      quote: c.quote,
      words: c.words ?? null,
      reading: c.reading ?? null,
      probability,
      probability_reason: c.probability_reason ?? null,
      stance: c.stance,
      recorded_by: actor.userId,
    });
    if (owner.hypothesis_id && probability !== null) {
      const published = file.sources.find((s) => s.key === c.source)?.published_on;
      plan.forecasts.push({
        id: keyedId('as', id),
        hypothesis_id: owner.hypothesis_id,
        forecaster_kind: 'source',
        citation_id: id,
        probability,
        rationale: c.words ?? '',
        valid_at: published ? startOf(published) : now,
        recorded_by: actor.userId,
      });
    }
  }
}

interface QuestionContext {
  file: ScenarioFile;
  stored: StoredDefinitions;
  actor: Actor;
  now: Date;
  question: ScenarioQuestion;
  questionId: string;
  path: string;
}

function planHypotheses(plan: ScenarioPlan, ctx: QuestionContext) {
  const { question: q, questionId, path, stored, actor, now } = ctx;
  const storedHypotheses = stored.hypotheses.filter((h) => h.question_id === questionId);
  const byId = new Map(storedHypotheses.map((h) => [h.id, h]));
  let position = positionAfter(storedHypotheses);
  // The set the model will start from: stored hypotheses, then the new ones, with their paths.
  const set = storedHypotheses.map((h) => ({ prior: h.prior, path: `${path}.hypotheses` }));
  for (const [hi, h] of q.hypotheses.entries()) {
    const hpath = `${path}.hypotheses.${hi}`;
    const id = ids.hypothesis(q.key, h.key);
    const existing = byId.get(id);
    if (existing) {
      compare(plan.kept, hpath, existing, {
        title: h.title,
        statement: h.statement,
        horizon: h.horizon,
        resolution_criteria: h.resolution_criteria,
        prior: h.prior,
        rationale: h.rationale,
      });
      if (h.opened_at && startOf(h.opened_at).getTime() !== existing.opened_at.getTime()) {
        plan.kept.push({ path: `${hpath}.opened_at`, message: KEPT });
      }
    } else {
      const problem = horizonProblem(h, now, `${hpath}.horizon`);
      if (problem) plan.problems.push(problem);
      plan.hypotheses.push(
        hypothesisRow({ id, key: h.key, questionId, position: position++ }, h, actor, now),
      );
      set.push({ prior: h.prior, path: `${hpath}.prior` });
    }
    planCitations(plan, ctx, { hypothesis_id: id, indicator_id: null }, h.citations);
  }
  const priors = priorProblem(
    q.kind,
    set.map((s) => s.prior),
    (i) => set[i]?.path ?? `${path}.hypotheses`,
  );
  if (priors) plan.problems.push(priors);
}

function planIndicators(plan: ScenarioPlan, ctx: QuestionContext) {
  const { question: q, questionId, path, stored, actor } = ctx;
  const storedIndicators = stored.indicators.filter((i) => i.question_id === questionId);
  const byId = new Map(storedIndicators.map((i) => [i.id, i]));
  let position = positionAfter(storedIndicators);
  for (const [xi, x] of q.indicators.entries()) {
    const xpath = `${path}.indicators.${xi}`;
    const id = ids.indicator(q.key, x.key);
    const ratings = Object.entries(x.expectations).map(([hkey, expectation]) => ({
      hkey,
      hid: ids.hypothesis(q.key, hkey),
      expectation,
    }));
    const existing = byId.get(id);
    let toAdd = ratings;
    if (existing) {
      compare(plan.kept, xpath, existing, {
        title: x.title,
        description: x.description,
        threshold: x.threshold ?? null,
        expected_by: x.expected_by ?? null,
      });
      const current = new Map(
        stored.expectations.filter((e) => e.indicator_id === id).map((e) => [e.hypothesis_id, e]),
      );
      // Pairs never rated are added (e.g. for a hypothesis new in this file); re-ratings are not.
      toAdd = ratings.filter((r) => {
        const rated = current.get(r.hid);
        if (rated && rated.expectation !== r.expectation) {
          plan.kept.push({ path: `${xpath}.expectations.${r.hkey}`, message: KEPT });
        }
        return !rated;
      });
    } else {
      plan.indicators.push(
        indicatorRow({ id, key: x.key, questionId, position: position++ }, x, actor),
      );
    }
    plan.expectations.push(
      ...expectationRows(
        { id, questionId },
        toAdd.map((r) => [r.hid, r.expectation] as const),
        actor,
      ),
    );
    planCitations(plan, ctx, { hypothesis_id: null, indicator_id: id }, x.citations);
  }
}

/**
 * Pure: decides what importing `file` adds to what is stored. Keys map to stable ids, so a
 * second import of the same file adds nothing.
 */
export function planScenarioImport(
  file: ScenarioFile,
  stored: StoredDefinitions,
  actor: Actor,
  now: Date,
): ScenarioPlan {
  const plan = emptyPlan();
  planSources(plan, file, stored, actor);
  const storedQuestions = new Map(stored.questions.map((q) => [q.id, q]));
  for (const [qi, question] of file.questions.entries()) {
    const path = `questions.${qi}`;
    const questionId = ids.question(question.key);
    const existing = storedQuestions.get(questionId);
    if (existing && existing.kind !== question.kind) {
      plan.problems.push({
        path: `${path}.kind`,
        message: `the stored question is ${existing.kind}; a question's kind cannot change`,
      });
      continue;
    }
    if (existing) {
      compare(plan.kept, path, existing, {
        title: question.title,
        description: question.description,
        tags: [...new Set(question.tags)],
      });
    } else {
      plan.questions.push(questionRow(questionId, question.key, question, actor));
    }
    const ctx = { file, stored, actor, now, question, questionId, path };
    planHypotheses(plan, ctx);
    planIndicators(plan, ctx);
  }
  return plan;
}
