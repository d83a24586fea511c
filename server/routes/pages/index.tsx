import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { AppError, statusOf } from '../../errors.js';
import type { AppEnv } from '../../http/env.js';
import { csrfProtection, signInWall } from '../../http/guards.js';
import { handleError } from '../../http/problems.js';
import type { AssetUrls } from '../../views/layout.js';
import { ErrorPage } from '../../views/problems.js';
import { accountPages } from './account.js';
import { auditPages } from './audit.js';
import { briefPages } from './brief.js';
import { dashboardPages } from './dashboard.js';
import { definitionFormPages } from './definition-forms.js';
import { evidenceFormPages } from './evidence-forms.js';
import { hypothesisPages } from './hypothesis.js';
import { judgmentFormPages } from './judgment-forms.js';
import { questionPages } from './question.js';
import { renderer } from './render.js';
import { resolutionFormPages } from './resolution-forms.js';
import { reviewPages } from './review.js';
import { type SessionPageDeps, sessionPages } from './session.js';
import { userPages } from './users.js';

const PAGE_STATUS: Partial<Record<AppError['code'], 401 | 403 | 404 | 409 | 429>> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
};
const TITLES: Partial<Record<number, string>> = { 403: 'Not allowed', 404: 'Not found' };

/** The server-rendered pages; failures a reader can cause render as pages too. */
export function pageRoutes(deps: SessionPageDeps, assets: AssetUrls) {
  const { db } = deps;
  const render = renderer(assets);
  const pages = new Hono<AppEnv>();
  pages.use(compress());
  pages.use(signInWall('pages'), csrfProtection);
  pages.route('/', sessionPages(deps, render));
  pages.route('/', accountPages(db, deps.auth, render));
  pages.route('/', userPages(db, render));
  pages.route('/', auditPages(db, render));
  pages.route('/', dashboardPages(db, render));
  // Before the question page: /questions/new is a form, not a question id.
  pages.route('/', definitionFormPages(db, render));
  pages.route('/', evidenceFormPages(db, render));
  pages.route('/', judgmentFormPages(db, render));
  pages.route('/', questionPages(db, render));
  pages.route('/', briefPages(db, render));
  pages.route('/', hypothesisPages(db, render));
  pages.route('/', resolutionFormPages(db, render));
  pages.route('/', reviewPages(db, render));
  pages.onError((error, c) => {
    if (!(error instanceof AppError) || statusOf(error.code) >= 500) return handleError(error, c);
    const status = PAGE_STATUS[error.code] ?? 400;
    const title = TITLES[status] ?? 'Cannot show this page';
    return render(c, title, <ErrorPage title={title} detail={error.message} />, status);
  });
  return pages;
}
