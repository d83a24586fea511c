import { Hono } from 'hono';
import type { Db } from '../../db/database.js';
import type { AppEnv } from '../../http/env.js';
import {
  HypothesisInputSchema,
  IndicatorInputSchema,
  QuestionInputSchema,
} from '../../schemas/definitions.js';
import type { QuestionView } from '../../schemas/views.js';
import {
  addHypothesis,
  addIndicator,
  createQuestion,
} from '../../services/question-definitions.js';
import { HypothesisForm, IndicatorForm, QuestionForm } from '../../views/forms/definition-forms.js';
import { fieldsUnder, fractionOf, parseInput } from './form-input.js';
import { type FormSpec, formRoutes, loadQuestion } from './form-routes.js';
import type { Render } from './render.js';

const tagsOf = (text: string | undefined) =>
  text === undefined
    ? undefined
    : text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);

const hypothesisForm: FormSpec<QuestionView> = {
  path: '/questions/:id/hypotheses/new',
  permission: 'question.write',
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
  permission: 'question.write',
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
  permission: 'question.write',
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

/** Create a question; add hypotheses and indicators to one. */
export function definitionFormPages(db: Db, render: Render) {
  return new Hono<AppEnv>()
    .route('/', formRoutes(db, render, questionForm))
    .route('/', formRoutes(db, render, hypothesisForm))
    .route('/', formRoutes(db, render, indicatorForm));
}
