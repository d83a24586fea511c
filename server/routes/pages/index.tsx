import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import type { Db } from '../../db/database.js';
import { AppError, statusOf } from '../../errors.js';
import type { AppEnv } from '../../http/env.js';
import { handleError } from '../../http/problems.js';
import type { AssetUrls } from '../../views/layout.js';
import { ErrorPage } from '../../views/problems.js';
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

const MAX_FORM_BYTES = 256 * 1024;

/** The server-rendered pages; failures a reader can cause render as pages too. */
export function pageRoutes(db: Db, assets: AssetUrls) {
  const render = renderer(assets);
  const pages = new Hono<AppEnv>();
  pages.use(compress());
  pages.on(
    'POST',
    '*',
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: () => {
        throw new AppError('payload_too_large', `the form is over ${MAX_FORM_BYTES} bytes`);
      },
    }),
  );
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
    const status = statusOf(error.code) === 404 ? 404 : 400;
    const title = status === 404 ? 'Not found' : 'Cannot show this page';
    return render(c, title, <ErrorPage title={title} detail={error.message} />, status);
  });
  return pages;
}
