import { Hono } from 'hono';
import type { Db } from '../../db/database.js';
import type { AppEnv } from '../../http/env.js';
import { AsOfQuerySchema, asOfInstant, InstantSchema, startOf } from '../../schemas/common.js';
import { readBrief } from '../../services/brief.js';
import { BriefPageView } from '../../views/brief-page.js';
import { QueryProblems } from '../../views/problems.js';
import { linkWith, pageQuery } from './query.js';
import type { Render } from './render.js';

const BriefQuerySchema = AsOfQuerySchema.extend({
  since: InstantSchema.optional(),
});

/** Without `since`, a brief reports the last 30 days. */
const DEFAULT_DAYS = 30;
const DAY = 86_400_000;

/** `/questions/{id}/brief`: one printable page, as it stands or as it stood at `as_of`. */
export function briefPages(db: Db, render: Render) {
  return new Hono<AppEnv>().get('/questions/:id/brief', async (c) => {
    const id = c.req.param('id');
    const { query, problems, values } = pageQuery(BriefQuerySchema, c.req.query());
    const asOf = asOfInstant(query.as_of);
    const now = Date.now();
    const end = asOf?.getTime() ?? now;
    const asked = query.since ? startOf(query.since) : undefined;
    if (asked && asked.getTime() > end) {
      problems.push({
        path: 'query.since',
        message: 'must not be after the time the brief is as of',
      });
    }
    const since =
      asked && asked.getTime() <= end
        ? asked
        : startOf(new Date(end - DEFAULT_DAYS * DAY).toISOString().slice(0, 10));
    const brief = await readBrief(db, id, { since, asOf, reader: c.var.actor });
    // The images answer for the same moment as the page.
    const imageParams = new URLSearchParams(asOf ? { as_of: asOf.toISOString() } : {});
    const link = {
      page: linkWith(`/questions/${id}/brief`, values),
      image: (chart: string) => {
        const search = imageParams.toString();
        return `/api/questions/${id}/charts/${chart}${search ? `?${search}` : ''}`;
      },
    };
    const body = (
      <>
        <QueryProblems problems={problems} />
        <BriefPageView brief={brief} link={link} now={now} />
      </>
    );
    return render(c, `Brief: ${brief.question.title}`, body, problems.length > 0 ? 400 : 200);
  });
}
