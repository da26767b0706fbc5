import { z } from 'zod';
import type * as R from '../domain/review/index.ts';
import { ReviewPolicySchema } from './policies.ts';
import { TargetValueSchema } from './targets.ts';

/** The review report (绩效目标审核) as the HTTP API and `jixiao review --format json` give it. */

const CriterionSchema = z.enum(['完整性', '相关性', '适当性', '可行性']);
const SeveritySchema = z.enum(['error', 'warning', 'info']);
const GradeSchema = z.enum(['优', '良', '中', '差']);

export const FindingSchema = z.object({
  rule: z.string().describe('Stable rule id, e.g. completeness.target-value (docs/review-rules.md)'),
  criterion: CriterionSchema,
  severity: SeveritySchema,
  project: z.string().nullable().describe('Project code; null for the department’s overall targets'),
  path: z
    .array(z.union([z.string(), z.number()]))
    .describe("Inside the project (['indicators', 0, 'target']) or the document (['overall', …])"),
  message: z.string(),
  messageEn: z.string(),
}) satisfies z.ZodType<R.Finding>;

const NotApplicableSchema = z.object({
  rule: z.string(),
  project: z.string().describe('Project code'),
  field: z.enum(['purpose', 'spendingPlan', 'basis', 'description']).describe('The field the source layout lacks'),
  message: z.string(),
  messageEn: z.string(),
}) satisfies z.ZodType<R.NotApplicable>;

export const ReviewReportSchema = z.object({
  grade: GradeSchema,
  findings: z.array(FindingSchema),
  notApplicable: z
    .array(NotApplicableSchema)
    .optional()
    .describe('Rules that could not apply: the project was read from a layout without the field they check'),
}) satisfies z.ZodType<R.ReviewReport>;

const NarrativeIndicatorSchema = z.object({
  name: z.string(),
  target: TargetValueSchema,
  sentence: z.string(),
  goalIndex: z.number().int().min(0),
}) satisfies z.ZodType<R.NarrativeIndicator>;

/** GET /api/units/:unitCode/years/:year/review */
export const UnitReviewResponseSchema = z.object({
  unitCode: z.string(),
  fiscalYear: z.number().int(),
  report: ReviewReportSchema,
  narrativeIndicators: z.array(NarrativeIndicatorSchema),
});

/** GET/PUT /api/bureau/review-policy */
export const StoredReviewPolicySchema = z.object({
  orgCode: z.string(),
  stored: z.record(z.string(), z.unknown()).nullable(),
  effective: ReviewPolicySchema,
});

export type UnitReviewResponse = z.infer<typeof UnitReviewResponseSchema>;
export type FindingDto = z.infer<typeof FindingSchema>;
export type ReviewReportDto = z.infer<typeof ReviewReportSchema>;
