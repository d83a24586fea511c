import { Hono } from 'hono';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/database.js';
import { type FieldProblem, invalid, zodProblems } from '../../errors.js';
import type { AppEnv } from '../../http/env.js';
import { JudgmentInputSchema, SetJudgmentInputSchema } from '../../schemas/judgments.js';
import type { HypothesisView, QuestionView } from '../../schemas/views.js';
import { recordJudgment, recordSetJudgment } from '../../services/judgments.js';
import { readHypothesisInQuestion } from '../../services/question-reads.js';
import { JudgmentForm, SetJudgmentForm } from '../../views/forms/judgment-form.js';
import { fieldsUnder, fractionOf, parseInput } from './form-input.js';
import { type FormSpec, formRoutes, loadQuestion } from './form-routes.js';
import type { Render } from './render.js';

const loadHypothesis = (db: Db, id: string, reader: Actor) =>
  readHypothesisInQuestion(db, id, undefined, undefined, reader);

const judgmentInput = (values: Record<string, string>) => ({
  probability: fractionOf(values.probability),
  rationale: values.rationale,
  effective_at: values.effective_at,
});

const questionJudgmentForm: FormSpec<QuestionView> = {
  path: '/questions/:id/judgment',
  permission: 'judgment.write',
  load: loadQuestion,
  title: (q) => `Record a judgment · ${q.title}`,
  view: (q, form) =>
    q.kind === 'exclusive' ? (
      <SetJudgmentForm
        action={`/questions/${q.id}/judgment`}
        form={form}
        hypotheses={q.hypotheses}
      />
    ) : (
      <JudgmentForm
        action={`/questions/${q.id}/judgment`}
        form={form}
        choices={q.hypotheses.filter((h) => h.status === 'open')}
      />
    ),
  fields: (q) => [
    'hypothesis',
    'probability',
    'probabilities',
    'rationale',
    'effective_at',
    ...q.hypotheses.map((h) => `probabilities.${h.id}`),
  ],
  percent: ['probability'],
  aliases: () => ({ 'path.id': 'hypothesis' }),
  submit: async (db, actor, q, values) => {
    if (q.kind === 'exclusive') {
      const probabilities = Object.fromEntries(
        fieldsUnder(values, 'probabilities').map(([id, v]) => [id, fractionOf(v)]),
      );
      const input = parseInput(SetJudgmentInputSchema, {
        probabilities,
        rationale: values.rationale,
        effective_at: values.effective_at,
      });
      await recordSetJudgment(db, actor, q.id, input);
    } else {
      // One report for every bad field: the choice of hypothesis and the judgment's own.
      const problems: FieldProblem[] = q.hypotheses.some((h) => h.id === values.hypothesis)
        ? []
        : [{ path: 'body.hypothesis', message: 'choose one of the question’s hypotheses' }];
      const parsed = JudgmentInputSchema.safeParse(judgmentInput(values));
      if (!parsed.success) problems.push(...zodProblems(parsed.error, 'body'));
      if (!parsed.success || problems.length > 0) throw invalid(problems);
      await recordJudgment(db, actor, values.hypothesis as string, parsed.data);
    }
    return `/questions/${q.id}?done=judgment#assessments`;
  },
};

const hypothesisJudgmentForm: FormSpec<{ question: QuestionView; hypothesis: HypothesisView }> = {
  path: '/hypotheses/:id/judgment',
  permission: 'judgment.write',
  load: loadHypothesis,
  title: ({ hypothesis }) => `Record a judgment · ${hypothesis.title}`,
  view: ({ hypothesis }, form) => (
    <JudgmentForm action={`/hypotheses/${hypothesis.id}/judgment`} form={form} />
  ),
  fields: () => ['probability', 'rationale', 'effective_at'],
  percent: ['probability'],
  submit: async (db, actor, { hypothesis }, values) => {
    await recordJudgment(
      db,
      actor,
      hypothesis.id,
      parseInput(JudgmentInputSchema, judgmentInput(values)),
    );
    return `/hypotheses/${hypothesis.id}?done=judgment#judge`;
  },
};

/** Record a judgment: on a question (a set, for an exclusive one) or on one hypothesis. */
export function judgmentFormPages(db: Db, render: Render) {
  return new Hono<AppEnv>()
    .route('/', formRoutes(db, render, questionJudgmentForm))
    .route('/', formRoutes(db, render, hypothesisJudgmentForm));
}
