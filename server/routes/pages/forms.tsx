import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/database.js';
import { type FieldProblem, invalid, notFound, zodProblems } from '../../errors.js';
import type { AppEnv } from '../../http/env.js';
import {
  HypothesisInputSchema,
  IndicatorInputSchema,
  QuestionInputSchema,
} from '../../schemas/definitions.js';
import {
  EvidenceInputSchema,
  type EvidenceView,
  RetractionInputSchema,
} from '../../schemas/evidence.js';
import { JudgmentInputSchema, SetJudgmentInputSchema } from '../../schemas/judgments.js';
import type { HypothesisView, QuestionView } from '../../schemas/views.js';
import { logEvidence, retractEvidence } from '../../services/evidence.js';
import { readEvidenceViews } from '../../services/evidence-views.js';
import { recordJudgment, recordSetJudgment } from '../../services/judgments.js';
import {
  addHypothesis,
  addIndicator,
  createQuestion,
} from '../../services/question-definitions.js';
import { readHypothesisInQuestion, readQuestion } from '../../services/question-reads.js';
import { emptyForm, type FormState } from '../../views/fields.js';
import { HypothesisForm, IndicatorForm, QuestionForm } from '../../views/forms/definition-forms.js';
import { EvidenceForm } from '../../views/forms/evidence-form.js';
import { JudgmentForm, SetJudgmentForm } from '../../views/forms/judgment-form.js';
import { RetractForm } from '../../views/forms/retract-form.js';
import {
  fieldErrors,
  fieldsUnder,
  formValues,
  fractionOf,
  numberOr,
  parseInput,
  submitForm,
} from './form-input.js';
import type { Render } from './render.js';

/**
 * A form page: GET shows it; POST turns the fields into the API's input, runs the same service,
 * and redirects (303) to where the result shows — or renders the form again with each problem
 * beside its field and the input kept.
 */
interface FormSpec<T> {
  path: string;
  /** What the form belongs to (a question, a hypothesis…), loaded from the path's id. */
  load: (db: Db, id: string) => Promise<T>;
  title: (target: T) => string;
  view: (target: T, form: FormState) => Child;
  /** Field names the form renders, to place each problem beside its field. */
  fields: (target: T) => string[];
  percent?: string[];
  aliases?: (values: Record<string, string>, target: T) => Record<string, string>;
  /** Runs the action; returns where to go next. */
  submit: (db: Db, actor: Actor, target: T, values: Record<string, string>) => Promise<string>;
}

function formRoutes<T>(db: Db, render: Render, spec: FormSpec<T>) {
  const page = (target: T, form: FormState) => (
    <>
      <h1>{spec.title(target)}</h1>
      {spec.view(target, form)}
    </>
  );
  return new Hono<AppEnv>()
    .get(spec.path, async (c) => {
      const target = await spec.load(db, c.req.param('id') ?? '');
      return render(c, spec.title(target), page(target, emptyForm()));
    })
    .post(spec.path, async (c) => {
      const target = await spec.load(db, c.req.param('id') ?? '');
      const values = formValues(await c.req.parseBody());
      const known = new Set(spec.fields(target));
      const outcome = await submitForm(
        values,
        (problems) =>
          fieldErrors(problems, known, {
            aliases: spec.aliases?.(values, target),
            percent: new Set(spec.percent),
          }),
        () => spec.submit(db, c.var.actor, target, values),
      );
      if (outcome.ok) return c.redirect(outcome.result, 303);
      return render(c, spec.title(target), page(target, outcome.form), outcome.status);
    });
}

const loadQuestion = (db: Db, id: string) => readQuestion(db, id);
const loadHypothesis = (db: Db, id: string) => readHypothesisInQuestion(db, id);

const tagsOf = (text: string | undefined) =>
  text === undefined
    ? undefined
    : text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);

const evidenceForm: FormSpec<QuestionView> = {
  path: '/questions/:id/evidence/new',
  load: loadQuestion,
  title: (q) => `Log evidence · ${q.title}`,
  view: (q, form) => <EvidenceForm question={q} form={form} />,
  fields: (q) => [
    'title',
    'summary',
    'occurred_on',
    'relevance',
    'source.title',
    'source.url',
    'reliability',
    'credibility',
    ...q.hypotheses.flatMap((h) => [`ratings.${h.id}`, `ratings.${h.id}.likelihood_ratio`]),
    ...q.indicators.map((i) => `observations.${i.id}`),
  ],
  // The API takes observations as a list; the form names them by indicator.
  aliases: (values) =>
    Object.fromEntries(
      fieldsUnder(values, 'observations').map(([id], n) => [
        `observations.${n}`,
        `observations.${id}`,
      ]),
    ),
  submit: async (db, actor, q, values) => {
    const ratings = Object.fromEntries(
      fieldsUnder(values, 'ratings').map(([id, rating]) => {
        const ratio = values[`ratings.${id}.likelihood_ratio`];
        return [id, ratio === undefined ? rating : { rating, likelihood_ratio: numberOr(ratio) }];
      }),
    );
    const source =
      values['source.title'] || values['source.url']
        ? { title: values['source.title'], url: values['source.url'] }
        : undefined;
    const input = parseInput(EvidenceInputSchema, {
      title: values.title,
      summary: values.summary,
      occurred_on: values.occurred_on,
      source,
      reliability: values.reliability,
      credibility: numberOr(values.credibility),
      relevance: values.relevance,
      ratings,
      observations: fieldsUnder(values, 'observations').map(([indicator_id, status]) => ({
        indicator_id,
        status,
      })),
    });
    const logged = await logEvidence(db, actor, q.id, input);
    return `/questions/${q.id}?logged=${logged.id}#moved`;
  },
};

const judgmentInput = (values: Record<string, string>) => ({
  probability: fractionOf(values.probability),
  rationale: values.rationale,
  effective_at: values.effective_at,
});

const questionJudgmentForm: FormSpec<QuestionView> = {
  path: '/questions/:id/judgment',
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

const retractForm: FormSpec<EvidenceView> = {
  path: '/evidence/:id/retract',
  load: async (db, id) => {
    const [evidence] = await readEvidenceViews(db, [id]);
    if (!evidence) throw notFound('evidence', id);
    return evidence;
  },
  title: (e) => `Retract · ${e.title}`,
  view: (e, form) => <RetractForm evidence={e} form={form} />,
  fields: () => ['reason'],
  submit: async (db, actor, e, values) => {
    const { reason } = parseInput(RetractionInputSchema, { reason: values.reason });
    await retractEvidence(db, actor, e.id, reason);
    return `/questions/${e.question_id}?done=retracted#evidence-${e.id}`;
  },
};

const hypothesisForm: FormSpec<QuestionView> = {
  path: '/questions/:id/hypotheses/new',
  load: loadQuestion,
  title: (q) => `Add a hypothesis · ${q.title}`,
  view: (q, form) => <HypothesisForm question={q} form={form} />,
  fields: () => [
    'title',
    'statement',
    'horizon',
    'opened_at',
    'resolution_criteria',
    'prior',
    'rationale',
  ],
  percent: ['prior'],
  submit: async (db, actor, q, values) => {
    const input = parseInput(HypothesisInputSchema, { ...values, prior: fractionOf(values.prior) });
    const hypothesis = await addHypothesis(db, actor, q.id, input);
    return `/hypotheses/${hypothesis.id}`;
  },
};

const indicatorForm: FormSpec<QuestionView> = {
  path: '/questions/:id/indicators/new',
  load: loadQuestion,
  title: (q) => `Add an indicator · ${q.title}`,
  view: (q, form) => <IndicatorForm question={q} form={form} />,
  fields: (q) => [
    'title',
    'description',
    'threshold',
    'expected_by',
    'expectations',
    ...q.hypotheses.map((h) => `expectations.${h.id}`),
  ],
  submit: async (db, actor, q, values) => {
    const input = parseInput(IndicatorInputSchema, {
      title: values.title,
      description: values.description,
      threshold: values.threshold,
      expected_by: values.expected_by,
      expectations: Object.fromEntries(fieldsUnder(values, 'expectations')),
    });
    const indicator = await addIndicator(db, actor, q.id, input);
    return `/questions/${q.id}?done=indicator#indicator-${indicator.id}`;
  },
};

const questionForm: FormSpec<null> = {
  path: '/questions/new',
  load: async () => null,
  title: () => 'New question',
  view: (_, form) => <QuestionForm form={form} />,
  fields: () => ['title', 'description', 'kind', 'tags'],
  submit: async (db, actor, _, values) => {
    const input = parseInput(QuestionInputSchema, { ...values, tags: tagsOf(values.tags) });
    const question = await createQuestion(db, actor, input);
    return `/questions/${question.id}?done=created`;
  },
};

/** Every form of the workspace, each working without JavaScript. */
export function formPages(db: Db, render: Render) {
  return new Hono<AppEnv>()
    .route('/', formRoutes(db, render, questionForm))
    .route('/', formRoutes(db, render, evidenceForm))
    .route('/', formRoutes(db, render, questionJudgmentForm))
    .route('/', formRoutes(db, render, hypothesisJudgmentForm))
    .route('/', formRoutes(db, render, retractForm))
    .route('/', formRoutes(db, render, hypothesisForm))
    .route('/', formRoutes(db, render, indicatorForm));
}
