import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AuthSettings } from '../../config.js';
import type { Db } from '../../db/database.js';
import { invalid } from '../../errors.js';
import { sessionOf } from '../../http/authenticate.js';
import type { AppEnv } from '../../http/env.js';
import { allow } from '../../http/guards.js';
import { setSessionCookie } from '../../http/session-cookie.js';
import { NewApiTokenSchema } from '../../schemas/accounts.js';
import { changeOwnPassword, whoAmI } from '../../services/accounts.js';
import { createApiToken, listTokens, revokeToken } from '../../services/api-tokens.js';
import { openSession } from '../../services/sessions.js';
import { AccountPage } from '../../views/accounts/account-page.js';
import { PasswordPage } from '../../views/accounts/sign-in-page.js';
import { emptyForm, type FormState } from '../../views/fields.js';
import { fieldErrors, formValues, parseInput, submitForm } from './form-input.js';
import type { Render } from './render.js';

const NOTICES: Record<string, string> = {
  revoked: 'The token is revoked: it no longer works.',
  password: 'Your password is changed. Your other sessions have ended.',
};

/** `/account`: one's role, password and API tokens. */
export function accountPages(db: Db, auth: AuthSettings, render: Render) {
  async function accountPage(
    c: Context<AppEnv>,
    form: FormState,
    status: 200 | 400 | 404 | 409 = 200,
    created?: { name: string; token: string },
  ) {
    const actor = c.var.actor;
    const [me, tokens] = await Promise.all([whoAmI(db, actor), listTokens(db, actor)]);
    // A page holding a secret must not be kept by any cache.
    if (created) c.header('Cache-Control', 'no-store');
    return render(
      c,
      'Your account',
      <AccountPage
        username={me.username}
        displayName={me.display_name}
        role={actor.role}
        tokens={tokens}
        form={form}
        created={created}
        notice={NOTICES[c.req.query('notice') ?? '']}
      />,
      status,
    );
  }

  const passwordPage = (c: Context<AppEnv>, form: FormState, status: 200 | 400 = 200) =>
    render(
      c,
      'Change your password',
      <PasswordPage form={form} forced={sessionOf(c)?.mustChange ?? false} />,
      status,
    );

  return new Hono<AppEnv>()
    .get('/account', allow('account.self'), (c) =>
      accountPage(c, emptyForm({ role: c.var.actor.role })),
    )
    .post('/account/tokens', allow('account.self'), async (c) => {
      const values = formValues(await c.req.parseBody());
      const outcome = await submitForm(
        values,
        (problems) => fieldErrors(problems, new Set(['name', 'role'])),
        () => createApiToken(db, c.var.actor, parseInput(NewApiTokenSchema, values)),
      );
      if (!outcome.ok) return accountPage(c, outcome.form, outcome.status);
      return accountPage(c, emptyForm({ role: c.var.actor.role }), 200, {
        name: outcome.result.name,
        token: outcome.result.token,
      });
    })
    .post('/account/tokens/:id/revoke', allow('account.self'), async (c) => {
      await revokeToken(db, c.var.actor, c.req.param('id'));
      return c.redirect('/account?notice=revoked#tokens', 303);
    })
    .get('/account/password', allow('account.self'), (c) => passwordPage(c, emptyForm()))
    .post('/account/password', allow('account.self'), async (c) => {
      const values = formValues(await c.req.parseBody());
      const outcome = await submitForm(
        values,
        (problems) =>
          fieldErrors(problems, new Set(['current_password', 'new_password', 'confirm_password'])),
        async () => {
          if ((values.new_password ?? '') !== (values.confirm_password ?? '')) {
            throw invalid([
              { path: 'body.confirm_password', message: 'does not match the new password' },
            ]);
          }
          const input = {
            current_password: values.current_password ?? '',
            new_password: values.new_password ?? '',
          };
          // Every session of the user ends, this one too; a new one replaces it (no session
          // outlives the password it was opened with).
          await changeOwnPassword(db, c.var.actor, input);
          return openSession(db, auth, c.var.actor, 'session.rotate');
        },
      );
      if (!outcome.ok) return passwordPage(c, { values: {}, errors: outcome.form.errors }, 400);
      setSessionCookie(c, outcome.result, auth);
      return c.redirect('/account?notice=password', 303);
    });
}
