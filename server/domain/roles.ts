/**
 * Who may do what. Roles are ordered: each holds every permission of the roles below it.
 * - viewer: reads questions, evidence, assessments, charts and exports;
 * - analyst: also logs and retracts evidence and records (or retracts) judgments;
 * - reviewer: also resolves hypotheses, reads scores and the audit trail;
 * - admin: also defines questions, hypotheses and indicators, manages users and imports data.
 * `system` is Signpost itself (built-in scenario loads); no person or token can hold it.
 */
export const ASSIGNABLE_ROLES = ['viewer', 'analyst', 'reviewer', 'admin'] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];
export type Role = AssignableRole | 'system';

export const PERMISSIONS = {
  /** Read questions, hypotheses, indicators, evidence, assessments, charts and exports. */
  read: 'viewer',
  /** Manage one's own API tokens and password. */
  'account.self': 'viewer',
  'evidence.write': 'analyst',
  'judgment.write': 'analyst',
  'resolution.write': 'reviewer',
  'scores.read': 'reviewer',
  'audit.read': 'reviewer',
  'question.write': 'admin',
  'users.manage': 'admin',
  'data.import': 'admin',
} as const satisfies Record<string, AssignableRole>;
export type Permission = keyof typeof PERMISSIONS;

const RANK: Record<Role, number> = { viewer: 1, analyst: 2, reviewer: 3, admin: 4, system: 5 };

/** Whether `role` holds `permission`; undefined (nobody signed in) holds none. */
export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && RANK[role] >= RANK[PERMISSIONS[permission]];
}

/** Whether a user of role `holder` may hand out `granted` (a token, another user's role). */
export function canGrant(holder: Role, granted: AssignableRole): boolean {
  return RANK[holder] >= RANK[granted];
}

/** The roles that hold a permission, lowest first, for messages and documentation. */
export function rolesWith(permission: Permission): AssignableRole[] {
  return ASSIGNABLE_ROLES.filter((r) => can(r, permission));
}
