import { z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { Db } from '../../db/database.js';
import type { AppEnv } from '../../http/env.js';
import { allow } from '../../http/guards.js';
import { AsOfQuerySchema, asOfInstant } from '../../schemas/common.js';
import { ScoresQuerySchema } from '../../schemas/scores.js';
import { readPostMortem } from '../../services/post-mortem.js';
import { readReviewPage } from '../../services/review-page.js';
import { PostMortemView } from '../../views/post-mortem-page.js';
import { QueryProblems } from '../../views/problems.js';
import { ReviewPageView } from '../../views/review-page.js';
import { linkWith, pageQuery } from './query.js';
import type { Render } from './render.js';

const PostMortemQuerySchema = AsOfQuerySchema.extend({
  done: z.literal('resolution').optional(),
});

/** `/review`: scores, calibration and track records; `/review/hypotheses/{id}`: a post-mortem. */
export function reviewPages(db: Db, render: Render) {
  return new Hono<AppEnv>()
    .get('/review', allow('scores.read'), async (c) => {
      const { query, problems, values } = pageQuery(ScoresQuerySchema, c.req.query());
      const page = await readReviewPage(db, query);
      return render(
        c,
        'Review',
        <>
          <QueryProblems problems={problems} />
          <ReviewPageView page={page} values={values} link={linkWith('/review', values)} />
        </>,
        problems.length || page.problems.length ? 400 : 200,
      );
    })
    .get('/review/hypotheses/:id', allow('scores.read'), async (c) => {
      const { query, problems } = pageQuery(PostMortemQuerySchema, c.req.query());
      const postMortem = await readPostMortem(db, c.req.param('id'), asOfInstant(query.as_of));
      return render(
        c,
        `Post-mortem · ${postMortem.hypothesis.title}`,
        <>
          <QueryProblems problems={problems} />
          <PostMortemView
            postMortem={postMortem}
            asOf={query.as_of}
            resolved={query.done === 'resolution'}
            now={Date.now()}
          />
        </>,
        problems.length ? 400 : 200,
      );
    });
}
