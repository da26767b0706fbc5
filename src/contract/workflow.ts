import { z } from 'zod';
import { WORKFLOW_ACTIONS, WORKFLOW_STATES } from '../domain/workflow/states.ts';
import { REFUSAL_CODES } from '../domain/workflow/possible-actions.ts';
import type { ApprovalChain } from '../domain/workflow/chain.ts';
import { BureauFilterQuerySchema, BureauTotalsSchema, GradeFilterSchema } from './bureau.ts';
import { ProjectCodeSchema } from './codes.ts';
import { PageQuerySchema, pageOf } from './paging.ts';
import { safeText } from './text.ts';

/** HTTP shapes of the review workflow (decision 008). Times travel as ISO strings. */

const WorkflowStateSchema = z.enum(WORKFLOW_STATES);
const WorkflowActionSchema = z.enum(WORKFLOW_ACTIONS);
const Time = z.string();

const TransitionEntrySchema = z.object({
  id: z.number().int(),
  at: Time,
  actorName: z.string(),
  actorRole: z.string(),
  action: WorkflowActionSchema,
  from: WorkflowStateSchema,
  to: WorkflowStateSchema,
  comment: z.string(),
});

export const ReviewCommentSchema = z.object({
  id: z.number().int(),
  at: Time,
  actorName: z.string(),
  actorRole: z.string(),
  state: WorkflowStateSchema,
  projectCode: z.string().nullable(),
  indicatorIndex: z.number().int().nullable(),
  body: z.string(),
  transitionId: z.number().int().nullable(),
});

export const TargetVersionSchema = z.object({
  number: z.number().int(),
  at: Time,
  actorName: z.string(),
  action: WorkflowActionSchema,
  state: WorkflowStateSchema,
  documentVersion: z.number().int(),
});

const AdjustmentSchema = z.object({
  id: z.number().int(),
  at: Time,
  requestedBy: z.string(),
  reason: z.string(),
  /** open: waiting for the bureau, then adjusting; approved: re-approved; rejected: the bureau did not agree. */
  state: z.enum(['open', 'approved', 'rejected']),
  closedAt: Time.nullable(),
});

/** Why an action or an edit is not possible now: a code the web words in its language, and the Chinese sentence. */
const RefusalSchema = z.object({
  code: z.enum(REFUSAL_CODES),
  message: z.string(),
  count: z.number().int().optional(),
});

const ActionChoiceSchema = z.object({
  action: WorkflowActionSchema,
  allowed: z.boolean(),
  reason: RefusalSchema.nullable(),
  /** Offer it disabled with the reason even when not allowed; else hide it while not allowed. */
  shown: z.boolean(),
});

/** Who acts at each stage of the unit-year's approval chain (decision 049); the screens word the stages from it. */
export const ApprovalChainSchema = z.object({
  stages: z.array(
    z.object({
      kind: z.enum(['department', 'union', 'self', 'bureau']),
      role: z.enum(['department', 'bureau']),
      organisation: z.object({ code: z.string(), name: z.string() }),
      steps: z.array(z.enum(['review', 'return', 'approve', 'finalise'])),
    }),
  ),
}) satisfies z.ZodType<ApprovalChain>;
export type ApprovalChainView = z.infer<typeof ApprovalChainSchema>;

export const WorkflowViewSchema = z.object({
  unitCode: z.string(),
  fiscalYear: z.number().int(),
  state: WorkflowStateSchema,
  stateVersion: z.number().int(),
  /** The state lets the unit edit (draft, returned, adjusting). */
  editable: z.boolean(),
  /** Whether the signed-in user may edit the targets now, and why not. */
  edit: z.object({ allowed: z.boolean(), reason: RefusalSchema.nullable() }),
  hasDepartment: z.boolean(),
  /** The approval chain: 主管部门 or 上级工会 first, the bureau last unless a union decides alone. */
  chain: ApprovalChainSchema,
  /** What the state machine lets the user do now; `actions` adds what the forms say and the reasons. */
  allowedActions: z.array(WorkflowActionSchema),
  actions: z.array(ActionChoiceSchema),
  canComment: z.boolean(),
  history: z.array(TransitionEntrySchema),
  comments: z.array(ReviewCommentSchema),
  versions: z.array(TargetVersionSchema),
  adjustments: z.array(AdjustmentSchema),
});

export const TransitionBodySchema = z.object({
  comment: safeText(2000).optional(),
  reason: safeText(2000).optional(),
  projectCode: ProjectCodeSchema.nullable().optional(),
  indicatorIndex: z.number().int().min(0).nullable().optional(),
  expectedStateVersion: z.number().int().min(0).optional(),
});

export const TransitionResultSchema = z.object({
  from: WorkflowStateSchema,
  state: WorkflowStateSchema,
  stateVersion: z.number().int(),
  versionNumber: z.number().int().nullable(),
});

export const CommentBodySchema = z.object({
  body: safeText(2000).min(1),
  projectCode: ProjectCodeSchema.nullable().optional(),
  indicatorIndex: z.number().int().min(0).nullable().optional(),
});

/** GET …/workflow/versions and …/workflow/comments: pages, oldest first (?page=&pageSize=, comments also ?projectCode=). */
export const VersionPageSchema = pageOf(TargetVersionSchema);
export const CommentPageSchema = pageOf(ReviewCommentSchema);
export const CommentListQuerySchema = PageQuerySchema.extend({
  projectCode: ProjectCodeSchema.optional(),
});

/** ?from=1&to=current */
const VersionRef = z.union([z.literal('current'), z.coerce.number().int().positive()]);
export const DiffQuerySchema = z.object({ from: VersionRef, to: VersionRef.default('current') });

export const TargetsChangeSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  where: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export const DiffResponseSchema = z.object({
  from: z.union([z.literal('current'), z.number().int()]),
  to: z.union([z.literal('current'), z.number().int()]),
  changes: z.array(TargetsChangeSchema),
});

export const OverviewRowSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  fiscalYear: z.number().int(),
  state: WorkflowStateSchema,
  updatedAt: Time.nullable(),
  /** 优 / 良 / 中 / 差 from the automated review; null when it could not be computed. */
  grade: z.string().nullable(),
  errors: z.number().int().nullable(),
  warnings: z.number().int().nullable(),
  /** Being recomputed after a change. */
  stale: z.boolean(),
});
export const OverviewQuerySchema = BureauFilterQuerySchema.extend({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  state: WorkflowStateSchema.optional(),
  grade: GradeFilterSchema.optional(),
  sort: z.enum(['code', 'updated', 'grade']).default('code'),
});
export const OverviewSchema = pageOf(OverviewRowSchema)
  .extend(BureauTotalsSchema.shape)
  .extend({
    /** Unit-years per workflow state and per review grade over every matching row. */
    states: z.record(z.string(), z.number().int()),
    grades: z.record(z.string(), z.number().int()),
  });

export type WorkflowView = z.output<typeof WorkflowViewSchema>;
export type RefusalView = z.output<typeof RefusalSchema>;
export type TargetsChangeView = z.output<typeof TargetsChangeSchema>;
export type OverviewRow = z.output<typeof OverviewRowSchema>;
export type OverviewView = z.output<typeof OverviewSchema>;
export type OverviewQuery = z.input<typeof OverviewQuerySchema>;
export type TargetVersionView = z.output<typeof TargetVersionSchema>;
