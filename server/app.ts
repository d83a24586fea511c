import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { LOCAL_ACTOR } from './actor.js';
import type { Db } from './db/database.js';
import { AppError } from './errors.js';
import type { AppEnv } from './http/env.js';
import { idempotency } from './http/idempotency.js';
import { handleError, handleNotFound } from './http/problems.js';
import { analysisRoutes } from './routes/api/analysis.js';
import { chartRoutes } from './routes/api/charts.js';
import { evidenceRoutes } from './routes/api/evidence.js';
import { hypothesisRoutes } from './routes/api/hypotheses.js';
import { indicatorRoutes } from './routes/api/indicators.js';
import { judgmentRoutes } from './routes/api/judgments.js';
import { portabilityRoutes } from './routes/api/portability.js';
import { questionRoutes } from './routes/api/questions.js';
import { resolutionRoutes } from './routes/api/resolutions.js';
import { scoreRoutes } from './routes/api/scores.js';
import { pageAssets } from './routes/assets.js';
import { docsRoutes } from './routes/docs.js';
import { pageRoutes } from './routes/pages/index.js';

export interface AppDeps {
  db: Db;
}

const MAX_BODY_BYTES = 1024 * 1024;
/** An import carries a whole database or a backfill's worth of evidence. */
const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('payload_too_large', `the request body is over ${maxSize} bytes`);
    },
  });

/** Until accounts exist, every request acts as the installation's local user. */
const localActor: MiddlewareHandler<AppEnv> = async function localActor(c, next) {
  c.set('actor', { ...LOCAL_ACTOR, requestId: c.get('requestId') });
  await next();
};

export function createApp({ db }: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.use(requestId());
  app.use(localActor);
  const importLimit = limitBody(MAX_IMPORT_BYTES);
  const requestLimit = limitBody(MAX_BODY_BYTES);
  app.use('/api/*', (c, next) =>
    c.req.path === '/api/import' ? importLimit(c, next) : requestLimit(c, next),
  );
  app.use('/api/*', idempotency(db));
  app.route('/api', questionRoutes(db));
  app.route('/api', hypothesisRoutes(db));
  app.route('/api', indicatorRoutes(db));
  app.route('/api', evidenceRoutes(db));
  app.route('/api', judgmentRoutes(db));
  app.route('/api', analysisRoutes(db));
  app.route('/api', resolutionRoutes(db));
  app.route('/api', scoreRoutes(db));
  app.route('/api', portabilityRoutes(db));
  app.route('/api', chartRoutes(db));
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Signpost API',
      version: '1',
      description:
        'Scenario assessment and forecasting: questions, hypotheses, indicators, evidence and ' +
        'probabilities over time. Errors are application/problem+json naming each bad field. ' +
        'Writes accept an Idempotency-Key header.',
    },
  });
  app.route('/', docsRoutes());
  const assets = pageAssets();
  app.route('/', assets.routes);
  app.route('/', pageRoutes(db, assets.urls));
  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}
