import { sql } from 'kysely';
import type { Actor } from '../server/actor.js';
import type { Db } from '../server/db/database.js';
import { RATINGS } from '../server/domain/ratings.js';
import { keyedId } from '../server/ids.js';
import { created, recordAudit } from '../server/repositories/audit.js';
import { insertEvidence, insertRatings } from '../server/repositories/evidence.js';
import { insertObservations } from '../server/repositories/indicators.js';
import { DateSchema } from '../server/schemas/common.js';
import { IndicatorInputSchema, QuestionInputSchema } from '../server/schemas/definitions.js';
import { type EvidenceInput, EvidenceInputSchema } from '../server/schemas/evidence.js';
import { JudgmentInputSchema } from '../server/schemas/judgments.js';
import { ResolutionInputSchema } from '../server/schemas/resolutions.js';
import { evidenceParts } from '../server/services/evidence.js';
import { recordJudgment } from '../server/services/judgments.js';
import { recomputeModel } from '../server/services/model.js';
import { addIndicator, createQuestion } from '../server/services/question-definitions.js';
import { resolveHypothesis } from '../server/services/resolutions.js';

/**
 * The synthetic load: questions, hypotheses and indicators made through the services; evidence
 * histories through a bulk path that writes, per question and in one transaction, the rows
 * `logEvidence` writes (the item, its ratings and observations from `evidenceParts`, the audit
 * entry), then rebuilds the question's model with the app's own `recomputeModel`, so the ledger
 * and state are exactly what the app computes. Everything drawn from a seeded generator: the
 * same seed gives the same titles, dates, grades, ratings and judgments (ids are random).
 */

export interface BenchQuestion {
  id: string;
  kind: 'exclusive' | 'independent';
  hypotheses: string[];
  indicators: string[];
}

/** Park–Miller: small, seeded, the same sequence everywhere. */
export function seeded(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  return {
    next,
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T,
  };
}
export type Random = ReturnType<typeof seeded>;

const PLACES = ['Deir ez-Zor', 'Sirte', 'Nangarhar', 'Mosul', 'Sahel', 'Idlib', 'Sinai', 'Raqqa'];
const GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const DAY_MS = 86_400_000;

/** Creates `count` questions of `hypotheses` hypotheses and `indicators` indicators each. */
export async function defineQuestions(
  db: Db,
  actor: Actor,
  random: Random,
  count: number,
  shape: { hypotheses: number; indicators: number; kind?: 'exclusive' | 'independent' },
): Promise<BenchQuestion[]> {
  const made: BenchQuestion[] = [];
  for (let q = 0; q < count; q++) {
    const kind = shape.kind ?? (q % 2 === 0 ? 'exclusive' : 'independent');
    const question = await createQuestion(
      db,
      actor,
      QuestionInputSchema.parse({
        title: `Bench question ${q}: what becomes of the network in ${random.pick(PLACES)}?`,
        kind,
        tags: ['bench', `bench-${q % 10}`],
        hypotheses: Array.from({ length: shape.hypotheses }, (_, h) => ({
          title: `Scenario ${h} of question ${q}`,
          statement: `Scenario ${h} holds by the horizon.`,
          horizon: '2030-12-31',
          resolution_criteria: 'Reported by two independent sources.',
          prior: kind === 'exclusive' ? 1 / shape.hypotheses : 0.1 + 0.8 * random.next(),
          opened_at: '2016-01-01',
        })),
      }),
    );
    const hypotheses = question.hypotheses.map((h) => h.id);
    const indicators: string[] = [];
    for (let i = 0; i < shape.indicators; i++) {
      const indicator = await addIndicator(
        db,
        actor,
        question.id,
        IndicatorInputSchema.parse({
          title: `Signpost ${i} of question ${q}`,
          threshold: 'Two reports in a month',
          expectations: Object.fromEntries(
            hypotheses.map((h) => [h, random.pick(['HL', 'L', 'C', 'U', 'HU'] as const)]),
          ),
        }),
      );
      indicators.push(indicator.id);
    }
    made.push({ id: question.id, kind, hypotheses, indicators });
  }
  return made;
}

/** One synthetic item for a question: every hypothesis rated, every tenth reporting a signpost. */
export function evidenceItem(
  random: Random,
  question: BenchQuestion,
  n: number,
  occurredOn: string,
): EvidenceInput {
  return EvidenceInputSchema.parse({
    title: `Report ${n}: movement near ${random.pick(PLACES)}`,
    summary: 'Synthetic item for measurement.',
    occurred_on: occurredOn,
    reliability: random.pick(GRADES),
    credibility: 1 + Math.floor(random.next() * 6),
    relevance: random.pick(['high', 'medium', 'low'] as const),
    ratings: Object.fromEntries(question.hypotheses.map((h) => [h, random.pick(RATINGS)])),
    observations:
      n % 10 === 0 && question.indicators.length > 0
        ? [{ indicator_id: random.pick(question.indicators), status: 'EMERGING', note: '' }]
        : [],
  });
}

const CHUNK = 1000;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/**
 * Adds `items` evidence items spread over the questions (in turn), dated evenly between `from`
 * and `to` (valid-time order within each question), numbered from `firstNumber`.
 */
export async function addHistory(
  db: Db,
  actor: Actor,
  random: Random,
  questions: readonly BenchQuestion[],
  items: number,
  range: { from: string; to: string; firstNumber: number },
) {
  const start = Date.parse(DateSchema.parse(range.from));
  const span = Date.parse(DateSchema.parse(range.to)) - start;
  for (const [q, question] of questions.entries()) {
    const mine = Math.floor(items / questions.length) + (q < items % questions.length ? 1 : 0);
    if (mine === 0) continue;
    const recordedAt = new Date();
    const inputs = Array.from({ length: mine }, (_, i) => {
      const n = range.firstNumber + i * questions.length + q;
      const day = new Date(start + Math.floor((span * i) / mine / DAY_MS) * DAY_MS);
      return { n, input: evidenceItem(random, question, n, day.toISOString().slice(0, 10)) };
    });
    const rows = inputs.map(({ n, input }) => ({
      id: keyedId('ev', `bench/${n}`),
      question_id: question.id,
      title: input.title,
      summary: input.summary,
      occurred_on: input.occurred_on,
      source_id: null,
      reliability: input.reliability,
      credibility: input.credibility,
      relevance: input.relevance,
      recorded_at: recordedAt,
      recorded_by: actor.userId,
    }));
    const parts = rows.map((row, i) =>
      evidenceParts(row, inputs[i]?.input as EvidenceInput, actor),
    );
    await db.transaction().execute(async (trx) => {
      await inChunks(rows, (chunk) => insertEvidence(trx, chunk));
      await inChunks(
        parts.flatMap((p) => p.ratings),
        (chunk) => insertRatings(trx, chunk),
      );
      await inChunks(
        parts.flatMap((p) => p.observations),
        (chunk) => insertObservations(trx, chunk),
      );
      await inChunks(
        rows.map((row, i) => {
          const input = inputs[i]?.input as EvidenceInput;
          return created('evidence', row, {
            ...row,
            ratings: input.ratings,
            observations: input.observations,
          });
        }),
        (chunk) => recordAudit(trx, actor, chunk),
      );
      await recomputeModel(trx, question);
    });
  }
  // As after any bulk load: the planner's statistics catch up now, not when autovacuum gets to it.
  await sql`analyze`.execute(db);
}

/**
 * A track record to score: questions of independent hypotheses with a short history, judged by
 * each analyst and then resolved, all through the services.
 */
export async function addResolvedRecord(
  db: Db,
  admin: Actor,
  analysts: readonly Actor[],
  random: Random,
  hypothesisCount: number,
) {
  const perQuestion = 10;
  const questions = await defineQuestions(db, admin, random, hypothesisCount / perQuestion, {
    hypotheses: perQuestion,
    indicators: 0,
    kind: 'independent',
  });
  await addHistory(db, admin, random, questions, questions.length * 5, {
    from: '2018-01-01',
    to: '2019-12-31',
    firstNumber: 10_000_000,
  });
  for (const question of questions) {
    for (const hypothesis of question.hypotheses) {
      for (const [a, analyst] of analysts.entries()) {
        await recordJudgment(
          db,
          analyst,
          hypothesis,
          JudgmentInputSchema.parse({
            probability: Math.round((0.05 + 0.9 * random.next()) * 100) / 100,
            rationale: 'Synthetic judgment for measurement.',
            effective_at: `2018-0${3 + a}-01T00:00:00Z`,
          }),
        );
      }
      await resolveHypothesis(
        db,
        admin,
        hypothesis,
        ResolutionInputSchema.parse({
          outcome: random.next() < 0.3 ? 'true' : 'false',
          resolved_at: '2020-06-30',
          note: 'Synthetic resolution for measurement.',
        }),
      );
    }
  }
  return questions;
}
