import { z } from 'zod';
import { WARNING_LEVELS } from '../domain/monitoring/policy.ts';
import { OrgCodeSchema } from './codes.ts';
import { PageQuerySchema } from './paging.ts';

/**
 * What the three bureau views (审核总览, 绩效排名, 监控总览) share: server-side paging, the filters
 * their tables offer, and the totals over every matching unit (docs/decisions/013-read-model.md).
 */
const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => (v === '' ? undefined : v));

export const BureauFilterQuerySchema = PageQuerySchema.extend({
  /** A department (or bureau) code: only the units under it. */
  department: z.union([z.literal('').transform(() => undefined), OrgCodeSchema]).optional(),
  /** Unit code prefix or part of the unit name. */
  search: optionalText,
  /** At least one warning of this level or a more severe one. */
  warningLevel: z.enum(WARNING_LEVELS).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const WarningCountsSchema = z.object({
  提示: z.number().int(),
  警示: z.number().int(),
  重点监控: z.number().int(),
});
export const GradeDistributionSchema = z.object({
  优: z.number(),
  良: z.number(),
  中: z.number(),
  差: z.number(),
  未定级: z.number(),
});

/** Grades of the ranking and the review: 未定级 filters the units without one. */
export const GradeFilterSchema = z.enum(['优', '良', '中', '差', '未定级']);

export const BureauTotalsSchema = z.object({
  /** Units whose figures are being recomputed after a change (shown as of their last computation). */
  stale: z.number().int(),
  warningTotals: WarningCountsSchema,
});
