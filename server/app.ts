import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { type AuthSettings, DEFAULT_AUTH } from './config.js';
import type { Db } from './db/database.js';
import { FailureThrottle } from './domain/throttle.js';
import { authenticate } from './http/authenticate.js';
import type { AppEnv } from './http/env.js';
import { csrfProtection, signInWall } from './http/guards.js';
import { bodyLimits, securityHeaders } from './http/hardening.js';
import { idempotency } from './http/idempotency.js';
import { handleError, handleNotFound } from './http/problems.js';
import { cachedReads, ReadCache, writesInvalidate } from './http/read-cache.js';
import { SECURITY_SCHEMES } from './http/router.js';
import { accountRoutes } from './routes/api/accounts.js';
import { analysisRoutes } from './routes/api/analysis.js';
import { auditRoutes } from './routes/api/audit.js';
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
import type { SignInThrottles } from './services/sessions.js';

export interface AppDeps {
  db: Db;
  auth?: AuthSettings;
  /** See Config.readCacheMs; off unless given. */
  readCacheMs?: number;
}

/** Sign-in failures allowed per username and per client address in 15 minutes. */
const SIGN_IN_WINDOW_MS = 15 * 60_000;

export function createApp({ db, auth = DEFAULT_AUTH, readCacheMs = 0 }: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const throttles: SignInThrottles = {
    byUser: new FailureThrottle({ limit: 5, windowMs: SIGN_IN_WINDOW_MS }),
    byClient: new FailureThrottle({ limit: 20, windowMs: SIGN_IN_WINDOW_MS }),
  };
  const cache = new ReadCache(readCacheMs);
  app.use(requestId());
  app.use(writesInvalidate(cache));
  app.use(securityHeaders);
  app.use(bodyLimits);
  app.use(authenticate(db, auth, readCacheMs));
  app.use('/api/*', signInWall('api'), csrfProtection, cachedReads(cache));
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
  app.route('/api', accountRoutes(db));
  app.route('/api', auditRoutes(db));
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) {
    app.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
  }
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Signpost API',
      version: '1',
      description:
        'Scenario assessment and forecasting: questions, hypotheses, indicators, evidence and ' +
        'probabilities over time. Errors are application/problem+json naming each bad field. ' +
        'Writes accept an Idempotency-Key header. Authenticate with an API token (Authorization: ' +
        'Bearer; create one on /account) or a browser session; each operation names the ' +
        'permission it needs and the roles that hold it.',
    },
  });
  app.route('/', docsRoutes());
  const assets = pageAssets();
  app.route('/', assets.routes);
  app.route('/', pageRoutes({ db, auth, throttles }, assets.urls));
  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}
