import { z } from 'zod';
import { ACTION_KINDS, RECTIFICATION_STATES } from '../domain/monitoring/actions.ts';
import { DEVIATION_CATEGORIES, LIKELIHOODS, normaliseLikelihood } from '../domain/monitoring/progress.ts';
import { WARNING_LEVELS } from '../domain/monitoring/policy.ts';
import { BureauFilterQuerySchema, BureauTotalsSchema } from './bureau.ts';
import { pageOf } from './paging.ts';
import { amountInput, safeName, safeText } from './text.ts';

/** The HTTP shapes of 绩效运行监控 (src/server/routes/monitoring.ts). Amounts are decimal strings in 元. */
const Amount = z.string();
const Percent = z.string().nullable();
const Level = z.enum(WARNING_LEVELS);
const Counts = z.object({ 提示: z.number().int(), 警示: z.number().int(), 重点监控: z.number().int() });

export const IndicatorProgressSchema = z.object({
  projectCode: z.string(),
  indicatorName: z.string(),
  month: z.number().int(),
  valueToDate: z.string(),
  forecast: z.string(),
  likelihood: z.enum(LIKELIHOODS),
  deviationCategory: z.enum(DEVIATION_CATEGORIES).nullable(),
  deviationCategories: z.array(z.enum(DEVIATION_CATEGORIES)).optional(),
  reason: z.string(),
  measures: z.string(),
});

/** What the unit states per project at a checkpoint month (136号): entered figures, never computed. */
const ProjectEntrySchema = z.object({
  month: z.number().int(),
  /** 全年预计执行数, 元. */
  forecastFullYear: Amount,
  /** 拨付 to date, 元. */
  releasedToDate: Amount.nullable(),
  /** 结转结余, 元. */
  carryOver: Amount.nullable(),
  updatedBy: z.string(),
});

const CheckpointStatusSchema = z.object({
  month: z.number().int(),
  dueDate: z.string(),
  state: z.enum(['submitted', 'open', 'overdue', 'not-due']),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
});

export const MonitoringActionSchema = z.object({
  id: z.number().int(),
  projectCode: z.string().nullable(),
  warningId: z.string().nullable(),
  kind: z.enum(ACTION_KINDS),
  body: z.string(),
  deadline: z.string(),
  state: z.enum(RECTIFICATION_STATES),
  reply: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

/** Read from the actions that name the warning (decision 036): no action → open, all 已整改 → closed. */
const FollowUpSchema = z.object({
  state: z.enum(['open', 'action-recorded', 'closed']),
  action: z.string().nullable(),
  actionBy: z.string().nullable(),
  actionAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
});

export const WarningSchema = z.object({
  id: z.string(),
  level: Level,
  rule: z.enum(['behind-plan', 'large-and-slow', 'forecast-miss', 'overdue']),
  project: z.string(),
  projectName: z.string(),
  indicator: z.string().nullable(),
  month: z.number().int(),
  reason: z.string(),
  reasonEn: z.string(),
  followUp: FollowUpSchema,
});

export const ProjectMonitoringSchema = z.object({
  code: z.string(),
  /** The project's monitoring version: send it as If-Match with its next write (0 = nothing entered yet; decision 023). */
  version: z.number().int().nonnegative(),
  name: z.string(),
  initialBudget: Amount.nullable(),
  adjustedBudget: Amount.nullable(),
  adjustments: z.array(
    z.object({ adjustedBudget: Amount, reason: z.string(), effectiveDate: z.string(), recordedBy: z.string() }),
  ),
  months: z.array(
    z.object({
      month: z.number().int(),
      plannedPercent: Percent,
      plannedAmount: Amount.nullable(),
      fiscal: Amount,
      other: Amount,
      spent: Amount,
      cumulative: Amount,
      cumulativePercent: Percent,
    }),
  ),
  spentToDate: Amount,
  executionRate: Percent,
  /** Computed (spent + the rest of the plan): a hint beside the unit's entered 全年预计执行数, never the figure itself. */
  forecastFullYear: Amount.nullable(),
  /** The unit's entries per checkpoint month, month order. */
  entries: z.array(ProjectEntrySchema),
  indicators: z.array(
    z.object({
      name: z.string(),
      level1: z.string(),
      level2: z.string(),
      target: z.string(),
      progress: z.array(IndicatorProgressSchema),
    }),
  ),
});

export const UnitMonitoringSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  fiscalYear: z.number().int(),
  asOfMonth: z.number().int(),
  policy: z.object({ checkpoints: z.array(z.object({ month: z.number().int(), dueDate: z.string() })) }).passthrough(),
  totals: z.object({ initialBudget: Amount, budget: Amount, spentToDate: Amount, executionRate: Percent }),
  projects: z.array(ProjectMonitoringSchema),
  warnings: z.array(WarningSchema),
  warningCounts: Counts,
  checkpoints: z.array(CheckpointStatusSchema),
  actions: z.array(MonitoringActionSchema),
});

export const BureauMonitoringRowSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  budget: Amount,
  spentToDate: Amount,
  executionRate: Percent,
  asOfMonth: z.number().int(),
  warningCounts: Counts,
  openWarnings: z.number().int(),
  meanScore: z.number().nullable(),
  grade: z.enum(['优', '良', '中', '差']).nullable(),
  stale: z.boolean(),
  /** The latest checkpoint whose month has ended (null before the first): submitted, open or overdue. */
  checkpoint: CheckpointStatusSchema.nullable(),
});

export const BureauMonitoringQuerySchema = BureauFilterQuerySchema.extend({
  /** Default: execution, lowest first (who needs attention). */
  sort: z.enum(['execution', 'score', 'warnings', 'code']).default('execution'),
});

export const BureauMonitoringSchema = pageOf(BureauMonitoringRowSchema).extend(BureauTotalsSchema.shape).extend({
  fiscalYear: z.number().int(),
});

export const SpendingBodySchema = z.object({
  entries: z
    .array(
      z.object({ month: z.number().int().min(1).max(12), source: z.enum(['fiscal', 'other']), amount: amountInput() }),
    )
    .min(1)
    .max(24),
});
export const BudgetAdjustmentBodySchema = z.object({
  adjustedBudget: amountInput(),
  reason: safeText(2000),
  effectiveDate: z.string().max(40),
});
export const ProgressBodySchema = z.object({
  indicatorName: safeName(),
  month: z.number().int().min(1).max(12),
  valueToDate: safeText(200),
  forecast: safeText(200),
  /** 完全不可能 (older forms) is read as 不可能, the 136号 label. */
  likelihood: z.preprocess(normaliseLikelihood, z.enum(LIKELIHOODS)),
  /** One category (older clients) or several. */
  deviationCategory: z.enum(DEVIATION_CATEGORIES).nullable().optional(),
  deviationCategories: z.array(z.enum(DEVIATION_CATEGORIES)).max(DEVIATION_CATEGORIES.length).optional(),
  reason: safeText(4000).optional(),
  measures: safeText(4000).optional(),
});
export const ProjectEntryBodySchema = z.object({
  month: z.number().int().min(1).max(12),
  forecastFullYear: amountInput(),
  releasedToDate: amountInput().nullable().optional(),
  carryOver: amountInput().nullable().optional(),
});
export const SubmitMonitoringBodySchema = z.object({ month: z.number().int().min(1).max(12) });
export const ActionBodySchema = z.object({
  projectCode: z.string().min(1).max(100).nullable().optional(),
  warningId: z.string().min(1).max(500).nullable().optional(),
  kind: z.enum(ACTION_KINDS),
  body: safeText(4000),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The month-end the caller is looking at, when not the default: a named warning must be raised there. */
  asOfMonth: z.number().int().min(0).max(12).optional(),
});
export const ActionReplyBodySchema = z.object({
  state: z.enum(['整改中', '已整改']),
  reply: safeText(4000),
});
export const ActionReopenBodySchema = z.object({ reason: safeText(4000) });
export const PaymentColumnsBodySchema = z.object({
  projectCode: z.string(),
  date: z.string(),
  amount: z.string(),
  source: z.string().optional(),
});
export const PaymentsPreviewSchema = z.object({
  rows: z.array(
    z.object({
      row: z.number().int(),
      projectCode: z.string(),
      month: z.number().int(),
      source: z.enum(['fiscal', 'other']),
      amount: Amount,
    }),
  ),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  months: z.array(
    z.object({ projectCode: z.string(), month: z.number().int(), source: z.enum(['fiscal', 'other']), amount: Amount }),
  ),
  /** Each booked project's monitoring version read (decision 023): the apply sends it back as `expectedVersions`. */
  versions: z.record(z.string(), z.number().int()).optional(),
});

export type UnitMonitoringView = z.infer<typeof UnitMonitoringSchema>;
export type ProjectMonitoringView = z.infer<typeof ProjectMonitoringSchema>;
export type WarningView = z.infer<typeof WarningSchema>;
export type BureauMonitoringView = z.infer<typeof BureauMonitoringSchema>;
export type BureauMonitoringRow = z.infer<typeof BureauMonitoringRowSchema>;
export type BureauMonitoringQuery = z.input<typeof BureauMonitoringQuerySchema>;
export type PaymentsPreviewView = z.infer<typeof PaymentsPreviewSchema>;
export type ProgressBody = z.infer<typeof ProgressBodySchema>;
export type MonitoringActionView = z.infer<typeof MonitoringActionSchema>;
