import type { Db } from '../../db/database.js';
import { sendCsv } from '../../http/download.js';
import { apiRoute, createJsonRouter, jsonResponse, problemResponses } from '../../http/router.js';
import {
  type ForecastScore,
  ForecastScoreSchema,
  ForecastScoresQuerySchema,
  ForecastScoresSchema,
  ScoreReportSchema,
  ScoresQuerySchema,
} from '../../schemas/scores.js';
import { computeScores } from '../../services/scores.js';
import { toCsv } from '../../views/csv.js';

const getScores = apiRoute({
  method: 'get',
  path: '/scores',
  permission: 'scores.read',
  tags: ['review'],
  summary:
    'Proper scores over resolved hypotheses per forecaster: Brier, log, time-averaged, fixed ' +
    'horizons, skill, calibration and the Murphy decomposition (METHODS §6)',
  request: { query: ScoresQuerySchema },
  responses: { 200: jsonResponse(ScoreReportSchema, 'The score report'), ...problemResponses(400) },
});

const getForecastScores = apiRoute({
  method: 'get',
  path: '/scores/forecasts',
  permission: 'scores.read',
  tags: ['review'],
  summary: 'The per-forecast scores behind /api/scores, as JSON or CSV (format=csv)',
  request: { query: ForecastScoresQuerySchema },
  responses: {
    200: {
      description: 'One row per forecaster and scored hypothesis',
      content: {
        'application/json': { schema: ForecastScoresSchema },
        'text/csv': { schema: { type: 'string' } },
      },
    },
    ...problemResponses(400),
  },
});

const CSV_COLUMNS = Object.keys(ForecastScoreSchema.shape) as (keyof ForecastScore)[];

export function scoreRoutes(db: Db) {
  return createJsonRouter()
    .openapi(getScores, async (c) => {
      const { report } = await computeScores(db, c.req.valid('query'));
      return c.json(report, 200);
    })
    .openapi(getForecastScores, async (c) => {
      const { format, ...query } = c.req.valid('query');
      const { report, forecasts } = await computeScores(db, query);
      if (format === 'csv') {
        return sendCsv(c, toCsv(CSV_COLUMNS, forecasts()), 'signpost-scores.csv');
      }
      return c.json({ forecasts: forecasts(), as_of: report.as_of, method: report.method }, 200);
    });
}
