import { z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { Db } from '../../db/database.js';
import type { AppEnv } from '../../http/env.js';
import { AsOfQuerySchema, asOfInstant } from '../../schemas/common.js';
import { readHypothesisPage } from '../../services/question-page.js';
import { emptyForm } from '../../views/fields.js';
import { HypothesisPageView } from '../../views/hypothesis-page.js';
import { QueryProblems } from '../../views/problems.js';
import { linkWith, pageQuery } from './query.js';
import type { Render } from './render.js';

const HypothesisPageQuerySchema = AsOfQuerySchema.extend({
  ledger_page: z.coerce.number().int().min(0).max(100_000).default(0),
  done: z.literal('judgment').optional(),
});

/** `/hypotheses/{id}`: one hypothesis, its citations, timeline and every update. */
export function hypothesisPages(db: Db, render: Render) {
  return new Hono<AppEnv>().get('/hypotheses/:id', async (c) => {
    const id = c.req.param('id');
    const { query, problems, values } = pageQuery(HypothesisPageQuerySchema, c.req.query());
    const asOf = asOfInstant(query.as_of);
    const { question, hypothesis, timeline, ledger } = await readHypothesisPage(db, id, {
      asOf,
      page: query.ledger_page,
      reader: c.var.actor,
    });
    const { done: _, ...lasting } = values;
    return render(
      c,
      hypothesis.title,
      <>
        <QueryProblems problems={problems} />
        <HypothesisPageView
          question={question}
          hypothesis={hypothesis}
          timeline={timeline}
          ledger={ledger}
          asOf={query.as_of}
          ledgerPage={query.ledger_page}
          judged={query.done === 'judgment'}
          form={emptyForm()}
          link={linkWith(`/hypotheses/${id}`, lasting)}
          now={Date.now()}
        />
      </>,
      problems.length ? 400 : 200,
    );
  });
}
