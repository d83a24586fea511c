import { Hono } from 'hono';
import type { Db } from '../../db/database.js';
import { notFound } from '../../errors.js';
import type { AppEnv } from '../../http/env.js';
import {
  EvidenceInputSchema,
  type EvidenceView,
  RetractionInputSchema,
} from '../../schemas/evidence.js';
import type { QuestionView } from '../../schemas/views.js';
import { logEvidence, retractEvidence } from '../../services/evidence.js';
import { readEvidenceViews } from '../../services/evidence-views.js';
import { EvidenceForm } from '../../views/forms/evidence-form.js';
import { RetractForm } from '../../views/forms/retract-form.js';
import { fieldsUnder, numberOr, parseInput } from './form-input.js';
import { type FormSpec, formRoutes, loadQuestion } from './form-routes.js';
import type { Render } from './render.js';

const evidenceForm: FormSpec<QuestionView> = {
  path: '/questions/:id/evidence/new',
  permission: 'evidence.write',
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

const retractForm: FormSpec<EvidenceView> = {
  path: '/evidence/:id/retract',
  permission: 'evidence.write',
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

/** Log evidence and retract it. */
export function evidenceFormPages(db: Db, render: Render) {
  return new Hono<AppEnv>()
    .route('/', formRoutes(db, render, evidenceForm))
    .route('/', formRoutes(db, render, retractForm));
}
