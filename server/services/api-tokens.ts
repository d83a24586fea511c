import type { Actor } from '../actor.js';
import type { Db } from '../db/database.js';
import { type AssignableRole, can, canGrant, type Role } from '../domain/roles.js';
import { AppError, invalid, notFound } from '../errors.js';
import { newId } from '../ids.js';
import {
  type ApiTokenRow,
  findActiveToken,
  findApiToken,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  tokenByHash,
  touchApiToken,
} from '../repositories/api-tokens.js';
import { recordAudit } from '../repositories/audit.js';
import { firstActiveAdmin } from '../repositories/users.js';
import { authorize } from './authorize.js';
import { newSecret, secretHash } from './secrets.js';

const TOKEN_PREFIX = 'sp_';
const TOUCH_EVERY_MS = 60_000;

export function tokenView(t: ApiTokenRow) {
  return {
    id: t.id,
    user_id: t.user_id,
    name: t.name,
    role: t.role,
    prefix: t.prefix,
    created_at: t.created_at.toISOString(),
    last_used_at: t.last_used_at?.toISOString() ?? null,
    revoked_at: t.revoked_at?.toISOString() ?? null,
    revoked_by: t.revoked_by,
  };
}

/**
 * A token for the actor's scripts, acting with `role` (at most the actor's own; their role by
 * default). The secret is returned once and stored only as a hash.
 */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: { name: string; role?: AssignableRole | undefined },
) {
  authorize(actor, 'account.self');
  const role = input.role ?? (actor.role === 'system' ? 'admin' : actor.role);
  if (!canGrant(actor.role, role)) {
    throw invalid([{ path: 'body.role', message: `cannot exceed your own role (${actor.role})` }]);
  }
  const secret = newSecret(TOKEN_PREFIX);
  const row = await db.transaction().execute(async (trx) => {
    const created = await insertApiToken(trx, {
      id: newId('tok'),
      user_id: actor.userId,
      name: input.name,
      role,
      token_hash: secretHash(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      created_by: actor.userId,
    });
    await recordAudit(trx, actor, [
      {
        action: 'token.create',
        entity_type: 'api_token',
        entity_id: created.id,
        after: tokenView(created),
      },
    ]);
    return created;
  });
  return { ...tokenView(row), token: secret };
}

/** The actor's tokens; an admin may ask for everyone's. */
export async function listTokens(db: Db, actor: Actor, everyone = false) {
  authorize(actor, everyone ? 'users.manage' : 'account.self');
  return (await listApiTokens(db, everyone ? undefined : actor.userId)).map(tokenView);
}

/** Revokes a token: its owner's, or anyone's for an admin. Revoking twice changes nothing. */
export async function revokeToken(db: Db, actor: Actor, id: string) {
  authorize(actor, 'account.self');
  const token = await findApiToken(db, id);
  if (!token || (token.user_id !== actor.userId && !can(actor.role, 'users.manage'))) {
    throw notFound('API token', id);
  }
  if (token.revoked_at) return tokenView(token);
  const view = await db.transaction().execute(async (trx) => {
    const revoked = await revokeApiToken(trx, id, actor.userId);
    await recordAudit(trx, actor, [
      {
        action: 'token.revoke',
        entity_type: 'api_token',
        entity_id: id,
        before: tokenView(token),
        after: tokenView(revoked),
      },
    ]);
    return tokenView(revoked);
  });
  forgetResolvedTokens();
  return view;
}

export interface ResolvedToken {
  tokenId: string;
  userId: string;
  role: Role;
}

/**
 * Token lookups remembered per database for `rememberMs` (see resolveToken). Any change that can
 * end or narrow a token (a revocation, a user's role or deactivation) moves the epoch on, which
 * drops them all, and a lookup that overlapped such a change is not remembered.
 */
let remembered = new WeakMap<Db, Map<string, { token: ResolvedToken; expires: number }>>();
let epoch = 0;

/** Drops every remembered token lookup: call after committing a change to tokens or users. */
export function forgetResolvedTokens() {
  epoch++;
  remembered = new WeakMap();
}

/**
 * Who a bearer token acts as: its owner, with the token's role capped by the owner's current
 * one (a demoted owner's old tokens lose what the owner lost). Undefined when unknown, revoked
 * or the owner is deactivated. With `rememberMs`, a found token is remembered that long, so a
 * script's stream of requests costs one lookup; changes in this process take effect at once,
 * those made by another process on the same database within `rememberMs`.
 */
export async function resolveToken(
  db: Db,
  secret: string,
  rememberMs = 0,
): Promise<ResolvedToken | undefined> {
  const hash = secretHash(secret);
  const known = remembered.get(db)?.get(hash);
  if (known && known.expires > Date.now()) return known.token;
  const started = epoch;
  const row = await findActiveToken(db, hash);
  if (!row) return undefined;
  const now = new Date();
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > TOUCH_EVERY_MS) {
    await touchApiToken(db, row.id, now);
  }
  const role = canGrant(row.owner_role, row.role) ? row.role : row.owner_role;
  const token = { tokenId: row.id, userId: row.user_id, role };
  if (rememberMs > 0 && started === epoch) {
    const forDb = remembered.get(db) ?? new Map();
    remembered.set(db, forDb.set(hash, { token, expires: now.getTime() + rememberMs }));
  }
  return token;
}

/**
 * The token from SIGNPOST_BOOTSTRAP_TOKEN, for automation: an admin token owned by the first
 * admin, stored hashed like any other. Provisioned once; a revoked one stays revoked.
 */
export async function provisionBootstrapToken(db: Db, actor: Actor, secret: string) {
  const existing = await tokenByHash(db, secretHash(secret));
  if (existing) return { created: false, revoked: existing.revoked_at !== null };
  const admin = await firstActiveAdmin(db);
  if (!admin) throw new AppError('conflict', 'no active admin to own the bootstrap token');
  await db.transaction().execute(async (trx) => {
    const created = await insertApiToken(trx, {
      id: newId('tok'),
      user_id: admin.id,
      name: 'bootstrap (SIGNPOST_BOOTSTRAP_TOKEN)',
      role: 'admin',
      token_hash: secretHash(secret),
      prefix: secret.slice(0, 6),
      created_by: actor.userId,
    });
    await recordAudit(trx, actor, [
      {
        action: 'token.create',
        entity_type: 'api_token',
        entity_id: created.id,
        after: tokenView(created),
      },
    ]);
  });
  return { created: true, revoked: false };
}
