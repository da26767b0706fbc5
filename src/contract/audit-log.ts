import { z } from 'zod';
import { AuditEntrySchema } from './accounts.ts';
import { PageQuerySchema, pageOf } from './paging.ts';

/**
 * The bureau-wide audit log (审计日志, /api/audit): filters by who, which unit, what and when, over
 * the units the reader may see. `user` and `unit` match a part of a name or the start of a code;
 * `from`/`to` are instants (the browser sends the start of the chosen local days), `to` exclusive.
 */
export const AuditLogFilterSchema = z.object({
  user: z.string().trim().max(100).optional(),
  unit: z.string().trim().max(100).optional(),
  action: z.string().trim().max(64).optional(),
  entity: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditLogFilterQuery = z.infer<typeof AuditLogFilterSchema>;

export const AuditLogQuerySchema = AuditLogFilterSchema.extend(PageQuerySchema.shape);

/** An entry with the names a person reads: the actor's display name and the unit's name. */
export const AuditLogEntrySchema = AuditEntrySchema.extend({
  actorDisplayName: z.string().nullable(),
  unitName: z.string().nullable(),
});
export type AuditLogEntryView = z.infer<typeof AuditLogEntrySchema>;

export const AuditLogPageSchema = pageOf(AuditLogEntrySchema);
export type AuditLogPage = z.infer<typeof AuditLogPageSchema>;

/** The most rows one Excel export holds; a wider filter is refused with a sentence saying so. */
export const MAX_AUDIT_EXPORT_ROWS = 20_000;
