import { z } from 'zod';
import { DEVIATION_CATEGORIES, LIKELIHOODS } from '../domain/monitoring/progress.ts';
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
  reason: z.string(),
  measures: z.string(),
});

export const FollowUpSchema = z.object({
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
  forecastFullYear: Amount.nullable(),
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
  policy: z.object({ checkpointMonth: z.number().int() }).passthrough(),
  totals: z.object({ initialBudget: Amount, budget: Amount, spentToDate: Amount, executionRate: Percent }),
  projects: z.array(ProjectMonitoringSchema),
  warnings: z.array(WarningSchema),
  warningCounts: Counts,
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
  likelihood: z.enum(LIKELIHOODS),
  deviationCategory: z.enum(DEVIATION_CATEGORIES).nullable().optional(),
  reason: safeText(4000).optional(),
  measures: safeText(4000).optional(),
});
export const FollowUpBodySchema = z.object({
  step: z.enum(['record-action', 'close', 'reopen']),
  action: safeText(4000).optional(),
  asOfMonth: z.number().int().min(0).max(12).optional(),
});
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
