import { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../../db/database.js';
import { invalid, zodProblems } from '../../errors.js';
import { attachment, sendCsv } from '../../http/download.js';
import type { AppEnv } from '../../http/env.js';
import { allow } from '../../http/guards.js';
import { apiRoute, createJsonRouter, jsonResponse, problemResponses } from '../../http/router.js';
import { IdSchema } from '../../schemas/common.js';
import {
  ExportDocumentSchema,
  ExportQuerySchema,
  ImportReportSchema,
} from '../../schemas/export-document.js';
import { assessmentsCsv } from '../../services/assessments-csv.js';
import { evidenceCsv, importEvidenceCsv } from '../../services/evidence-csv.js';
import {
  exportDocument,
  importDocument,
  parseExportDocument,
} from '../../services/export-document.js';

const getExport = apiRoute({
  method: 'get',
  path: '/export',
  tags: ['portability'],
  summary:
    'Everything (or one question with what it refers to) as one JSON document that imports back ' +
    'into any Signpost database with the same ids',
  request: { query: ExportQuerySchema },
  responses: {
    200: jsonResponse(ExportDocumentSchema, 'The portable document'),
    ...problemResponses(404),
  },
});

const csvResponse = (description: string) => ({
  description,
  content: { 'text/csv': { schema: { type: 'string' as const } } },
});

const QuestionQuerySchema = z.object({ question: IdSchema });

const getEvidenceCsv = apiRoute({
  method: 'get',
  path: '/export/evidence.csv',
  tags: ['portability'],
  summary:
    "A question's evidence as CSV: one row per item, a rating:<hypothesis> column per " +
    'hypothesis and an observation:<indicator> column per indicator; POST /api/import reads it back',
  request: { query: QuestionQuerySchema },
  responses: { 200: csvResponse('The evidence'), ...problemResponses(400, 404) },
});

const getAssessmentsCsv = apiRoute({
  method: 'get',
  path: '/export/assessments.csv',
  tags: ['portability'],
  summary:
    'Probabilities over time as CSV: every analyst judgment, cited forecast and model step, ' +
    'with both clocks and what caused it',
  request: { query: z.object({ question: IdSchema.optional() }) },
  responses: { 200: csvResponse('The assessments'), ...problemResponses(400, 404) },
});

const ImportQuerySchema = z.object({
  question: IdSchema.optional().openapi({ description: 'The question a CSV import is for' }),
});

// Documented here, read by hand below: the body is JSON or CSV, and only a JSON body is a document.
const postImport = apiRoute({
  method: 'post',
  path: '/import',
  permission: 'evidence.write',
  tags: ['portability'],
  summary:
    'Import an exported JSON document (rows already stored are kept, not duplicated; admins ' +
    'only), or, as text/csv with ?question=, evidence for a bulk backfill; all or nothing',
  request: {
    query: ImportQuerySchema,
    body: {
      required: true,
      content: {
        'application/json': { schema: ExportDocumentSchema },
        'text/csv': { schema: { type: 'string' } },
      },
    },
  },
  responses: {
    200: jsonResponse(ImportReportSchema, 'What was added and what was already stored'),
    ...problemResponses(400, 404, 409),
  },
});

const isCsv = (c: Context) => c.req.header('content-type')?.startsWith('text/csv') ?? false;

/** A CSV backfill is an analyst's; a whole document is an admin's. Checked before the body is read. */
const importGuard: MiddlewareHandler<AppEnv> = (c, next) =>
  allow(isCsv(c) ? 'evidence.write' : 'data.import')(c, next);

export function portabilityRoutes(db: Db) {
  const router = createJsonRouter();
  // Documented only: the handler below reads the body itself (JSON or CSV).
  const { middleware: _guard, ...documented } = postImport;
  router.openAPIRegistry.registerPath(documented);
  return router
    .openapi(getExport, async (c) => {
      const { question } = c.req.valid('query');
      const document = await exportDocument(db, question);
      const name = `signpost-${question ?? 'export'}-${new Date().toISOString().slice(0, 10)}.json`;
      return c.json(document, 200, attachment(name));
    })
    .openapi(getEvidenceCsv, async (c) => {
      const { question } = c.req.valid('query');
      return sendCsv(c, await evidenceCsv(db, question), `signpost-evidence-${question}.csv`);
    })
    .openapi(getAssessmentsCsv, async (c) => {
      const { question } = c.req.valid('query');
      return sendCsv(
        c,
        await assessmentsCsv(db, question),
        `signpost-assessments-${question ?? 'all'}.csv`,
      );
    })
    .post('/import', importGuard, async (c) => {
      const query = ImportQuerySchema.safeParse(c.req.query());
      if (!query.success) throw invalid(zodProblems(query.error, 'query'));
      const { question } = query.data;
      const actor = c.var.actor;
      if (isCsv(c)) {
        if (!question) {
          throw invalid([
            { path: 'query.question', message: 'is required to import CSV evidence' },
          ]);
        }
        return c.json(await importEvidenceCsv(db, actor, question, await c.req.text()), 200);
      }
      const body = await c.req.json().catch(() => {
        throw invalid([
          { path: 'body', message: 'is not JSON (or send text/csv with ?question=)' },
        ]);
      });
      return c.json(await importDocument(db, actor, parseExportDocument(body)), 200);
    });
}
