import type { Actor } from '../actor.js';
import { can, type Permission, rolesWith } from '../domain/roles.js';
import { AppError } from '../errors.js';

/**
 * Refuses an actor whose role lacks a permission. Every write service calls it first, so the
 * API, the pages and any other caller are held to the same rules.
 */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw forbidden(permission, actor.role);
}

export function forbidden(permission: Permission, role: string): AppError {
  return new AppError(
    'forbidden',
    `this needs the ${permission} permission (roles: ${rolesWith(permission).join(', ')}); you act as ${role}`,
  );
}
