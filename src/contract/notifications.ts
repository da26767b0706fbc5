import { z } from 'zod';
import { PageQuerySchema, pageOf } from './paging.ts';
import { WorkbenchPageSchema } from './workbench.ts';

/**
 * In-app notifications (decision 037): written with the step they announce, one per recipient user.
 * The web words each kind with its params; e-mail uses the same words in Chinese.
 */
const NOTIFICATION_KINDS = [
  'targets-returned',
  'targets-reviewed',
  'targets-approved',
  'adjustment-agreed',
  'adjustment-rejected',
  'evaluation-returned',
  'evaluation-final',
  'monitoring-action',
  'department-evaluation-returned',
  'department-evaluation-final',
  'rectification-issued',
  'rectification-reopened',
  'rectification-replied',
  'disclosure-budget-published',
  'disclosure-final-published',
  'disclosure-budget-withdrawn',
  'disclosure-final-withdrawn',
] as const;
const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);

export const NotificationSchema = z.object({
  id: z.number().int(),
  kind: NotificationKindSchema,
  /** Who acted, the comment, an action's kind and deadline: the words the kind's sentence takes. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  page: WorkbenchPageSchema,
  unitCode: z.string(),
  fiscalYear: z.number().int(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationPageSchema = pageOf(NotificationSchema).extend({ unread: z.number().int().min(0) });
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const NotificationQuerySchema = PageQuerySchema.extend({
  /** Only the unread ones (the bell's count is in every page either way). */
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type NotificationQuery = z.input<typeof NotificationQuerySchema>;

export const NotificationParamsSchema = z.object({ id: z.coerce.number().int().positive() });
