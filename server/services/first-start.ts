import { SYSTEM_ACTOR } from '../actor.js';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import { recordAudit } from '../repositories/audit.js';
import {
  anyCredentials,
  findUserWithCredentials,
  insertUser,
  storePasswordHash,
} from '../repositories/users.js';
import { userView } from './accounts.js';
import { hashPassword, temporaryPassword } from './passwords.js';

const FIRST_ADMIN = 'admin';

/**
 * On a first start (nobody has a password yet) makes the admin account: its password is the
 * one given (SIGNPOST_ADMIN_PASSWORD) or a random one returned for printing once. Either way
 * it must be changed at first sign-in. Undefined when accounts already exist.
 */
export async function ensureFirstAdmin(db: Db, given?: string) {
  if (await anyCredentials(db)) return undefined;
  const password = given ?? temporaryPassword();
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    // Two processes starting on one server database: the second finds the first's admin.
    if (await anyCredentials(trx)) return;
    const existing = await findUserWithCredentials(trx, FIRST_ADMIN);
    const user =
      existing ??
      (await insertUser(trx, {
        id: newId('u'),
        username: FIRST_ADMIN,
        display_name: 'Administrator',
        role: 'admin',
      }));
    await storePasswordHash(trx, user.id, hash, true);
    await recordAudit(trx, SYSTEM_ACTOR, [
      { action: 'user.create', entity_type: 'user', entity_id: user.id, after: userView(user) },
    ]);
  });
  return { username: FIRST_ADMIN, password: given ? undefined : password };
}
