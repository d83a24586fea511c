import { z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { Db } from '../../db/database.js';
import type { AppEnv } from '../../http/env.js';
import { readDashboard } from '../../services/dashboard.js';
import { DashboardPage } from '../../views/dashboard.js';
import { QueryProblems } from '../../views/problems.js';
import { pageQuery } from './query.js';
import type { Render } from './render.js';

const DashboardQuerySchema = z.object({
  tag: z.string().trim().toLowerCase().max(40).optional(),
  sort: z.enum(['order', 'move']).default('order'),
});

/** `/`: every question at a glance. */
export function dashboardPages(db: Db, render: Render) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { query, problems } = pageQuery(DashboardQuerySchema, c.req.query());
    const data = await readDashboard(db, { ...query, reader: c.var.actor });
    return render(
      c,
      'Dashboard',
      <>
        <QueryProblems problems={problems} />
        <DashboardPage data={data} tag={query.tag} sort={query.sort} />
      </>,
      problems.length ? 400 : 200,
    );
  });
}
