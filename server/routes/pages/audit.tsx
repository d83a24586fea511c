import { Hono } from 'hono';
import type { Db } from '../../db/database.js';
import type { AppEnv } from '../../http/env.js';
import { allow } from '../../http/guards.js';
import { AuditQuerySchema } from '../../schemas/audit.js';
import { readAuditTrail } from '../../services/audit-trail.js';
import { AuditPage } from '../../views/audit-page.js';
import { QueryProblems } from '../../views/problems.js';
import { linkWith, pageQuery } from './query.js';
import type { Render } from './render.js';

/** `/audit`: the audit trail, filtered by the same parameters as `GET /api/audit`. */
export function auditPages(db: Db, render: Render) {
  return new Hono<AppEnv>().get('/audit', allow('audit.read'), async (c) => {
    const { query, problems, values } = pageQuery(AuditQuerySchema, c.req.query());
    const { format: _format, ...filter } = query;
    const trail = await readAuditTrail(db, c.var.actor, filter);
    const link = linkWith('/audit', values);
    const { before: _before, limit: _limit, ...filters } = values;
    return render(
      c,
      'Audit trail',
      <>
        <QueryProblems problems={problems} />
        <AuditPage
          entries={trail.entries}
          values={values}
          next={trail.next_before ? link({ before: String(trail.next_before) }) : undefined}
          csv={linkWith('/api/audit', filters)({ format: 'csv' })}
        />
      </>,
      problems.length ? 400 : 200,
    );
  });
}
