import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/database.js';
import { sessionOf } from '../../http/authenticate.js';
import {
  apiRoute,
  createJsonRouter,
  jsonBody,
  jsonResponse,
  problemResponses,
} from '../../http/router.js';
import {
  ApiTokenSchema,
  CreatedApiTokenSchema,
  CreatedUserSchema,
  MeSchema,
  NewApiTokenSchema,
  NewUserSchema,
  PasswordChangeSchema,
  PasswordResetSchema,
  TokenListQuerySchema,
  UserChangeSchema,
  UserIdParamSchema,
  UserSchema,
} from '../../schemas/accounts.js';
import {
  changeOwnPassword,
  changeUser,
  createUser,
  listAllUsers,
  resetPassword,
  whoAmI,
} from '../../services/accounts.js';
import { createApiToken, listTokens, revokeToken } from '../../services/api-tokens.js';

const getMe = apiRoute({
  method: 'get',
  path: '/me',
  tags: ['accounts'],
  summary: 'Who the caller is: user, role, what they may do, and how they signed in',
  responses: { 200: jsonResponse(MeSchema, 'The caller') },
});

const postPassword = apiRoute({
  method: 'post',
  path: '/me/password',
  permission: 'account.self',
  tags: ['accounts'],
  summary: "Change one's own password (the current one is required); other sessions end",
  request: { body: jsonBody(PasswordChangeSchema) },
  responses: { 204: { description: 'Changed' }, ...problemResponses(400) },
});

const getTokens = apiRoute({
  method: 'get',
  path: '/tokens',
  permission: 'account.self',
  tags: ['accounts'],
  summary: "The caller's API tokens (never their secrets); all=true lists everyone's for admins",
  request: { query: TokenListQuerySchema },
  responses: { 200: jsonResponse(z.object({ tokens: z.array(ApiTokenSchema) }), 'The tokens') },
});

const postToken = apiRoute({
  method: 'post',
  path: '/tokens',
  permission: 'account.self',
  tags: ['accounts'],
  summary:
    'Create an API token acting as the caller with a role up to theirs; the secret is shown once',
  request: { body: jsonBody(NewApiTokenSchema) },
  responses: {
    201: jsonResponse(CreatedApiTokenSchema, 'The token and its secret'),
    ...problemResponses(400),
  },
});

const revoke = apiRoute({
  method: 'post',
  path: '/tokens/{id}/revoke',
  permission: 'account.self',
  tags: ['accounts'],
  summary: "Revoke a token: one's own, or anyone's for admins. It stops working at once",
  request: { params: UserIdParamSchema },
  responses: { 200: jsonResponse(ApiTokenSchema, 'The revoked token'), ...problemResponses(404) },
});

const getUsers = apiRoute({
  method: 'get',
  path: '/users',
  permission: 'users.manage',
  tags: ['accounts'],
  summary: 'Every user',
  responses: { 200: jsonResponse(z.object({ users: z.array(UserSchema) }), 'The users') },
});

const postUser = apiRoute({
  method: 'post',
  path: '/users',
  permission: 'users.manage',
  tags: ['accounts'],
  summary: 'Create a user; they choose their own password at first sign-in',
  request: { body: jsonBody(NewUserSchema) },
  responses: { 201: jsonResponse(CreatedUserSchema, 'The user'), ...problemResponses(400, 409) },
});

const patchUser = apiRoute({
  method: 'patch',
  path: '/users/{id}',
  permission: 'users.manage',
  tags: ['accounts'],
  summary: "Change a user's display name, role, or standing (active: false ends their sessions)",
  request: { params: UserIdParamSchema, body: jsonBody(UserChangeSchema) },
  responses: { 200: jsonResponse(UserSchema, 'The user'), ...problemResponses(400, 404) },
});

const postReset = apiRoute({
  method: 'post',
  path: '/users/{id}/password-reset',
  permission: 'users.manage',
  tags: ['accounts'],
  summary: "Reset a user's password to a temporary one (shown once), to be changed at sign-in",
  request: { params: UserIdParamSchema },
  responses: {
    200: jsonResponse(PasswordResetSchema, 'The temporary password'),
    ...problemResponses(404),
  },
});

export function accountRoutes(db: Db) {
  return createJsonRouter()
    .openapi(getMe, async (c) => {
      const me = await whoAmI(db, c.var.actor);
      const by = c.var.auth.kind === 'token' ? ('token' as const) : ('session' as const);
      return c.json({ ...me, authenticated_by: by }, 200);
    })
    .openapi(postPassword, async (c) => {
      await changeOwnPassword(db, c.var.actor, c.req.valid('json'), sessionOf(c)?.id);
      return c.body(null, 204);
    })
    .openapi(getTokens, async (c) => {
      const tokens = await listTokens(db, c.var.actor, c.req.valid('query').all === 'true');
      return c.json({ tokens }, 200);
    })
    .openapi(postToken, async (c) =>
      c.json(await createApiToken(db, c.var.actor, c.req.valid('json')), 201),
    )
    .openapi(revoke, async (c) =>
      c.json(await revokeToken(db, c.var.actor, c.req.valid('param').id), 200),
    )
    .openapi(getUsers, async (c) => {
      return c.json({ users: await listAllUsers(db, c.var.actor) }, 200);
    })
    .openapi(postUser, async (c) =>
      c.json(await createUser(db, c.var.actor, c.req.valid('json')), 201),
    )
    .openapi(patchUser, async (c) =>
      c.json(await changeUser(db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(postReset, async (c) =>
      c.json(await resetPassword(db, c.var.actor, c.req.valid('param').id), 200),
    );
}
