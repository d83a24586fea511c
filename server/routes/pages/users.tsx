import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Db } from '../../db/database.js';
import type { AppEnv } from '../../http/env.js';
import { allow } from '../../http/guards.js';
import { NewUserSchema, UserChangeSchema } from '../../schemas/accounts.js';
import { changeUser, createUser, listAllUsers, resetPassword } from '../../services/accounts.js';
import { UsersPage } from '../../views/accounts/users-page.js';
import { emptyForm, type FormState } from '../../views/fields.js';
import { fieldErrors, formValues, parseInput, submitForm } from './form-input.js';
import type { Render } from './render.js';

const NOTICES: Record<string, string> = { saved: 'Saved.' };

/** `/admin/users`: admins create users, set roles, deactivate and reset passwords. */
export function userPages(db: Db, render: Render) {
  async function page(
    c: Context<AppEnv>,
    form: FormState,
    status: 200 | 400 | 404 | 409 = 200,
    secret?: { username: string; password: string },
  ) {
    const users = await listAllUsers(db, c.var.actor);
    if (secret) c.header('Cache-Control', 'no-store');
    return render(
      c,
      'Users',
      <UsersPage
        users={users}
        self={c.var.actor.userId}
        form={form}
        secret={secret}
        notice={NOTICES[c.req.query('notice') ?? '']}
      />,
      status,
    );
  }

  return new Hono<AppEnv>()
    .get('/admin/users', allow('users.manage'), (c) => page(c, emptyForm({ role: 'analyst' })))
    .post('/admin/users', allow('users.manage'), async (c) => {
      const values = formValues(await c.req.parseBody());
      const outcome = await submitForm(
        values,
        (problems) => fieldErrors(problems, new Set(['username', 'display_name', 'role'])),
        () => createUser(db, c.var.actor, parseInput(NewUserSchema, values)),
      );
      if (!outcome.ok) return page(c, outcome.form, outcome.status);
      const { user, temporary_password } = outcome.result;
      return page(c, emptyForm({ role: 'analyst' }), 200, {
        username: user.username,
        password: temporary_password ?? '',
      });
    })
    .post('/admin/users/:id', allow('users.manage'), async (c) => {
      const values = formValues(await c.req.parseBody());
      const change = parseInput(UserChangeSchema, {
        role: values.role,
        active: values.active === undefined ? undefined : values.active === 'true',
      });
      await changeUser(db, c.var.actor, c.req.param('id'), change);
      return c.redirect('/admin/users?notice=saved', 303);
    })
    .post('/admin/users/:id/password-reset', allow('users.manage'), async (c) => {
      const reset = await resetPassword(db, c.var.actor, c.req.param('id'));
      return page(c, emptyForm({ role: 'analyst' }), 200, {
        username: reset.username,
        password: reset.temporary_password,
      });
    });
}
