import { z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { Db } from '../../db/database.js';
import type { AppEnv } from '../../http/env.js';
import { allow } from '../../http/guards.js';
import { asOfInstant, DateSchema, IdSchema, startOf } from '../../schemas/common.js';
import { EvidenceLogQuerySchema } from '../../schemas/evidence.js';
import { MATRIX_SORTS } from '../../schemas/matrix.js';
import { readQuestionPage } from '../../services/question-page.js';
import { setBlindMode } from '../../services/question-settings.js';
import { QueryProblems } from '../../views/problems.js';
import { NOTICES, type Notice, QuestionPageView } from '../../views/question-page.js';
import { linkWith, pageQuery } from './query.js';
import type { Render } from './render.js';

const QuestionPageQuerySchema = EvidenceLogQuerySchema.extend({
  limit: EvidenceLogQuerySchema.shape.limit.default(25),
  chart_from: DateSchema.optional(),
  chart_to: DateSchema.optional(),
  matrix_sort: z.enum(MATRIX_SORTS).default('order'),
  matrix_rows: z.literal('all').optional(),
  logged: IdSchema.optional(),
  done: z.enum(Object.keys(NOTICES) as [Notice, ...Notice[]]).optional(),
});

const CHART_PARAMS = new Set(['chart_from', 'chart_to']);

/** `/questions/{id}`: the whole question, as it stands or as it stood at `as_of`. */
export function questionPages(db: Db, render: Render) {
  return new Hono<AppEnv>()
    .post('/questions/:id/blind', allow('question.write'), async (c) => {
      const id = c.req.param('id');
      const { blind } = await c.req.parseBody();
      await setBlindMode(db, c.var.actor, id, blind === 'true');
      return c.redirect(`/questions/${id}?done=blind`, 303);
    })
    .get('/questions/:id', async (c) => {
      const id = c.req.param('id');
      const { query, problems, values } = pageQuery(QuestionPageQuerySchema, c.req.query());
      const asOf = asOfInstant(query.as_of);
      const matrix = { sort: query.matrix_sort, all: query.matrix_rows === 'all' };
      const page = await readQuestionPage(db, id, {
        asOf,
        log: query,
        logged: query.logged,
        matrix,
        reader: c.var.actor,
      });
      const path = `/questions/${id}`;
      // Links and the range form carry the view's settings, not one-off notices.
      const { logged: _, done: __, ...lasting } = values;
      const body = (
        <>
          <QueryProblems problems={problems} />
          <QuestionPageView
            page={page}
            asOf={query.as_of}
            chart={{
              from: query.chart_from ? startOf(query.chart_from).getTime() : null,
              // The end of the `to` day, as an as-of date means.
              to: asOfInstant(query.chart_to)?.getTime() ?? null,
            }}
            matrix={matrix}
            logQuery={query}
            notice={query.done}
            link={linkWith(path, lasting)}
            keep={Object.fromEntries(Object.entries(lasting).filter(([k]) => !CHART_PARAMS.has(k)))}
            now={Date.now()}
          />
        </>
      );
      const failed = problems.length > 0 || 'problems' in page.log;
      return render(c, page.question.title, body, failed ? 400 : 200);
    });
}
