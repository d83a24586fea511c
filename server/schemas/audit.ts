import { z } from '@hono/zod-openapi';
import { InstantSchema, text } from './common.js';

export const AuditQuerySchema = z.object({
  actor: text(100).optional().openapi({ description: 'A user id or username' }),
  action: text(100).optional().openapi({
    description: 'An action (evidence.create), or a prefix ending in a dot (evidence.)',
  }),
  entity_type: text(100).optional(),
  entity_id: text(100).optional(),
  request_id: text(200).optional(),
  from: InstantSchema.optional().openapi({ description: 'Entries at or after' }),
  to: InstantSchema.optional().openapi({
    description: 'Entries before (a date: the end of that day)',
  }),
  before: z.coerce
    .number({ message: 'must be an entry id' })
    .int()
    .positive()
    .optional()
    .openapi({ description: 'The cursor: entries older than this id' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  format: z.enum(['json', 'csv']).default('json'),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor_id: z.string(),
    actor: z.string().openapi({ description: 'The username' }),
    action: z.string(),
    entity_type: z.string(),
    entity_id: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    request_id: z.string().nullable(),
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z
  .object({
    entries: z.array(AuditEntrySchema),
    next_before: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Pass as before= for the next page' }),
  })
  .openapi('AuditPage');
