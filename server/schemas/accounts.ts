import { z } from '@hono/zod-openapi';
import { ASSIGNABLE_ROLES, PERMISSIONS } from '../domain/roles.js';
import { IdSchema, text } from './common.js';

export const RoleSchema = z.enum(ASSIGNABLE_ROLES).openapi({
  description:
    'viewer reads; analyst logs evidence and judgments; reviewer also resolves and scores; admin also defines questions and manages users',
});

const UsernameSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,62}$/,
    'must be 2 to 63 lowercase letters, digits, dots, hyphens or underscores',
  )
  .openapi({ example: 'aisha' });

/** Passwords are checked for length and content by the service, to name the rule broken. */
const PasswordSchema = z.string({
  error: (issue) => (issue.input === undefined ? 'is required' : 'must be text'),
});

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    display_name: z.string(),
    role: z.string(),
    active: z.boolean(),
    recorded_at: z.string(),
    deactivated_at: z.string().nullable(),
  })
  .openapi('User');

export const MeSchema = UserSchema.extend({
  authenticated_by: z.enum(['session', 'token']),
  permissions: z.array(z.enum(Object.keys(PERMISSIONS) as [keyof typeof PERMISSIONS])),
}).openapi('Me');

export const NewUserSchema = z
  .object({
    username: UsernameSchema,
    display_name: text(200),
    role: RoleSchema,
    password: PasswordSchema.optional().openapi({
      description:
        'The first password (changed at first sign-in); a random one is returned when absent',
    }),
  })
  .openapi('NewUser');

export const CreatedUserSchema = z
  .object({
    user: UserSchema,
    temporary_password: z
      .string()
      .nullable()
      .openapi({ description: 'Shown once, when Signpost made it' }),
  })
  .openapi('CreatedUser');

export const UserChangeSchema = z
  .object({
    display_name: text(200).optional(),
    role: RoleSchema.optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'must change display_name, role or active',
  })
  .openapi('UserChange');

export const PasswordResetSchema = z
  .object({ username: z.string(), temporary_password: z.string() })
  .openapi('PasswordReset');

export const PasswordChangeSchema = z
  .object({ current_password: PasswordSchema, new_password: PasswordSchema })
  .openapi('PasswordChange');

export const ApiTokenSchema = z
  .object({
    id: z.string(),
    user_id: z.string(),
    name: z.string(),
    role: z.string(),
    prefix: z.string().openapi({ description: 'The first characters, to tell tokens apart' }),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
    revoked_by: z.string().nullable(),
  })
  .openapi('ApiToken');

export const NewApiTokenSchema = z
  .object({
    name: text(100),
    role: RoleSchema.optional().openapi({
      description: "At most the owner's role; the owner's role by default",
    }),
  })
  .openapi('NewApiToken');

export const CreatedApiTokenSchema = ApiTokenSchema.extend({
  token: z
    .string()
    .openapi({ description: 'The secret, shown this once: send it as Authorization: Bearer' }),
}).openapi('CreatedApiToken');

export const TokenListQuerySchema = z.object({
  all: z.enum(['true', 'false']).optional().openapi({ description: "Everyone's tokens (admins)" }),
});

export const UserIdParamSchema = z.object({ id: IdSchema });
