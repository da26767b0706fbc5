import { z } from 'zod';
import { OrgCodeSchema, ProjectCodeSchema } from './codes.ts';
import { LastYearProjectSchema } from './results.ts';

/**
 * Fiscal years (issue 17 item 2, decision 038). A bureau opens a year for its organisation tree with
 * the deadlines of its three stages and closes it when the year is done; a year without a stored row
 * is an open year without deadlines (installs from before years existed keep working).
 */

const YearSchema = z.coerce.number().int().min(1990).max(2100);

/** A calendar date as the date picker sends it. */
const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应写作 YYYY-MM-DD，例如 2021-03-31' })
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)), { message: '不是有效的日期' });

const FiscalYearStatusSchema = z.enum(['open', 'closed']);

/** The stage deadlines: 绩效目标 filed, first 监控 checkpoint, 自评 submitted; null = none set. */
export const FiscalYearDeadlinesSchema = z.object({
  targets: IsoDateSchema.nullable(),
  monitoring: IsoDateSchema.nullable(),
  evaluation: IsoDateSchema.nullable(),
});
export type FiscalYearDeadlines = z.infer<typeof FiscalYearDeadlinesSchema>;

export const FiscalYearSchema = z.object({
  year: z.number().int(),
  /** The bureau whose tree the year belongs to; null for a year that only exists through its data. */
  orgCode: z.string().nullable(),
  status: FiscalYearStatusSchema,
  deadlines: FiscalYearDeadlinesSchema,
  /** Null when the year was never opened through Jixiao (it has data, or nothing at all). */
  openedAt: z.string().nullable(),
  openedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  /** Why the year was last reopened, when it was. */
  reopenReason: z.string().nullable(),
});
export type FiscalYear = z.infer<typeof FiscalYearSchema>;

/** GET /api/years: the opened years and the years with data the actor may read, newest first. */
export const FiscalYearListResponseSchema = z.object({ items: z.array(FiscalYearSchema) });

export const FiscalYearParamsSchema = z.object({ year: YearSchema });

/** POST /api/years: open a year (bureau: its own tree; admin names the bureau when there are several). */
export const OpenFiscalYearInputSchema = z.object({
  year: z.number().int().min(1990).max(2100),
  orgCode: OrgCodeSchema.optional(),
  deadlines: FiscalYearDeadlinesSchema.partial().default({}),
});
export type OpenFiscalYearInput = z.input<typeof OpenFiscalYearInputSchema>;

/** What opening a year did: units given a draft copied from an earlier year, units left as they were. */
export const OpenFiscalYearResultSchema = z.object({
  year: FiscalYearSchema,
  copied: z.number().int(),
  alreadyPresent: z.number().int(),
  projects: z.number().int(),
  indicators: z.number().int(),
});
export type OpenFiscalYearResult = z.infer<typeof OpenFiscalYearResultSchema>;

/** PUT /api/years/:year/deadlines: change the deadlines of an open year. */
export const FiscalYearDeadlinesInputSchema = z.object({
  orgCode: OrgCodeSchema.optional(),
  deadlines: FiscalYearDeadlinesSchema,
});

/** POST /api/years/:year/close and …/reopen (a reason is required to reopen). */
export const CloseFiscalYearInputSchema = z.object({ orgCode: OrgCodeSchema.optional() });
export const ReopenFiscalYearInputSchema = z.object({
  orgCode: OrgCodeSchema.optional(),
  reason: z.string().trim().min(1, { message: '请写明重新开启的原因' }).max(500),
});

/** GET /api/units/:code/years/:year/previous-actuals: the earlier year's figures beside this year's draft. */
const PreviousActualSchema = z.object({
  projectCode: ProjectCodeSchema,
  indicatorName: z.string(),
  /** The earlier year's target as written (≥90%) and the actual value its 自评 recorded, if any. */
  target: z.string(),
  actual: z.string().nullable(),
});

export const PreviousActualsResponseSchema = z.object({
  /** The year the figures come from; null when the unit has no earlier year. */
  previousYear: z.number().int().nullable(),
  items: z.array(PreviousActualSchema),
  /** Last year's 自评 score and grade and open 整改通知 per this year's project (by code, else name; decision 048). */
  projects: z.array(LastYearProjectSchema),
});
export type PreviousActualsResponse = z.infer<typeof PreviousActualsResponseSchema>;
