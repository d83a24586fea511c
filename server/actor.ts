import type { Role } from './domain/roles.js';

/** Who is acting, for authorization, attribution and the audit trail. */
export interface Actor {
  userId: string;
  role: Role;
  requestId?: string | undefined;
}

/** Signpost itself: built-in scenario loads and other writes no person asked for. */
export const SYSTEM_ACTOR: Actor = { userId: 'u_system', role: 'system' };
