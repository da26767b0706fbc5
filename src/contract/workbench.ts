import { z } from 'zod';

/**
 * 工作台 (issue 17 item 1, decision 037): what the signed-in user must do now, per role, for one fiscal
 * year. Each item names the page to act on (`page` of `unitCode`'s `fiscalYear`); the web turns it into
 * its route. Lists are capped (WORKBENCH_LIST_CAP) with the total count beside them.
 */
export const WORKBENCH_LIST_CAP = 50;

/** The page an item opens: the targets editor, the review page, monitoring, the 自评表. */
export const WorkbenchPageSchema = z.enum([
  'targets',
  'review',
  'monitoring',
  'evaluation',
  'rectification',
  'department-evaluation',
]);
export type WorkbenchPage = z.infer<typeof WorkbenchPageSchema>;

const WORKBENCH_ITEM_KINDS = [
  // the unit's own work
  'targets-draft',
  'targets-returned',
  'targets-adjusting',
  'monitoring-due',
  'evaluation-due',
  'evaluation-returned',
  'department-evaluation-due',
  'department-evaluation-returned',
  'action-reply',
  'rectification-reply',
  // the department's and the bureau's reviews
  'targets-review',
  'targets-approve',
  'adjustment-request',
  'evaluation-review',
  'evaluation-finalise',
  'department-evaluation-review',
  'department-evaluation-finalise',
  // the reviewers' watch list
  'monitoring-overdue',
  'action-overdue',
  'rectification-overdue',
  'warnings',
] as const;
export const WorkbenchItemKindSchema = z.enum(WORKBENCH_ITEM_KINDS);
export type WorkbenchItemKind = z.infer<typeof WorkbenchItemKindSchema>;

export const WorkbenchItemSchema = z.object({
  kind: WorkbenchItemKindSchema,
  unitCode: z.string(),
  unitName: z.string(),
  fiscalYear: z.number().int(),
  page: WorkbenchPageSchema,
  /** 'YYYY-MM-DD' when the step has a deadline (the year's stage deadline, a checkpoint's, an action's). */
  dueDate: z.string().nullable(),
  /** Past the due date / due within 7 days: computed on read, no reminder job. */
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  /** The reviewer's words (a return's comment, an action's text) and who wrote them. */
  comment: z.string().nullable(),
  commentBy: z.string().nullable(),
  /** A checkpoint's month, an action's kind (提示/警示…), a count of warnings: the detail the kind needs. */
  month: z.number().int().nullable(),
  detail: z.string().nullable(),
  /** When the item's state was reached (ISO), for "waiting since". */
  since: z.string().nullable(),
});
export type WorkbenchItem = z.infer<typeof WorkbenchItemSchema>;

const WORKBENCH_SECTIONS = ['todo', 'review', 'watch'] as const;
export const WorkbenchSectionSchema = z.object({
  key: z.enum(WORKBENCH_SECTIONS),
  /** Every matching item; `items` holds the first WORKBENCH_LIST_CAP, most urgent first. */
  total: z.number().int().min(0),
  items: z.array(WorkbenchItemSchema),
});
export type WorkbenchSection = z.infer<typeof WorkbenchSectionSchema>;

/** Units per stage of the year, for the bureau's chart (a unit counts once per row). */
export const WorkbenchProgressSchema = z.object({
  units: z.number().int(),
  draft: z.number().int(),
  submitted: z.number().int(),
  reviewed: z.number().int(),
  approved: z.number().int(),
  monitoringSubmitted: z.number().int(),
  evaluationFinal: z.number().int(),
});
export type WorkbenchProgress = z.infer<typeof WorkbenchProgressSchema>;

/** The administrator's setup state: what exists, what is missing. */
const WorkbenchSetupSchema = z.object({
  organisations: z.number().int(),
  units: z.number().int(),
  users: z.number().int(),
  usersWithoutEmail: z.number().int(),
});

export const WorkbenchSchema = z.object({
  role: z.enum(['admin', 'bureau', 'department', 'unit', 'auditor']),
  /** The year shown; null when the user's units have no year yet. */
  year: z.number().int().nullable(),
  today: z.string(),
  /** The year's stage deadlines (decision 038), when the bureau set them. */
  deadlines: z.object({
    targets: z.string().nullable(),
    monitoring: z.string().nullable(),
    evaluation: z.string().nullable(),
  }),
  sections: z.array(WorkbenchSectionSchema),
  progress: WorkbenchProgressSchema.nullable(),
  setup: WorkbenchSetupSchema.nullable(),
});
export type Workbench = z.infer<typeof WorkbenchSchema>;

export const WorkbenchQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
