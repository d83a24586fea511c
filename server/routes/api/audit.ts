import type { Db } from '../../db/database.js';
import { sendCsv } from '../../http/download.js';
import { apiRoute, createJsonRouter, problemResponses } from '../../http/router.js';
import { AuditEntrySchema, AuditPageSchema, AuditQuerySchema } from '../../schemas/audit.js';
import { AUDIT_EXPORT_LIMIT, auditCsvRows, readAuditTrail } from '../../services/audit-trail.js';
import { toCsv } from '../../views/csv.js';

const getAudit = apiRoute({
  method: 'get',
  path: '/audit',
  permission: 'audit.read',
  tags: ['audit'],
  summary:
    'The audit trail, newest first: every write with its actor, time, before and after, and ' +
    'request id; filterable; format=csv exports every matching entry (up to 100,000)',
  request: { query: AuditQuerySchema },
  responses: {
    200: {
      description: 'One page of entries, or all of them as CSV',
      content: {
        'application/json': { schema: AuditPageSchema },
        'text/csv': { schema: { type: 'string' } },
      },
    },
    ...problemResponses(400),
  },
});

const CSV_COLUMNS = Object.keys(AuditEntrySchema.shape) as (keyof typeof AuditEntrySchema.shape)[];

export function auditRoutes(db: Db) {
  return createJsonRouter().openapi(getAudit, async (c) => {
    const { format, ...query } = c.req.valid('query');
    if (format === 'csv') {
      const { entries } = await readAuditTrail(db, c.var.actor, query, AUDIT_EXPORT_LIMIT);
      return sendCsv(c, toCsv(CSV_COLUMNS, auditCsvRows(entries)), 'signpost-audit.csv');
    }
    return c.json(await readAuditTrail(db, c.var.actor, query), 200);
  });
}
