import { z } from 'zod';
import { ProjectScoreSchema } from './actuals.ts';
import { AmountSchema } from './targets.ts';
import {
  BureauFilterQuerySchema,
  BureauTotalsSchema,
  GradeDistributionSchema,
  GradeFilterSchema,
  WarningCountsSchema,
} from './bureau.ts';
import { pageOf } from './paging.ts';
import { safeName, safeText } from './text.ts';

/** HTTP shapes of 单位自评 (the 自评表), its score, the bureau ranking and the history (历史标准). */

const text = safeText(4000);

const EvaluationIndicatorInputSchema = z.object({
  name: safeName().min(1),
  actual: safeText(200).nullable().optional(),
  notApplicable: z.boolean().optional(),
  deviationReason: text.optional(),
  improvementMeasures: text.optional(),
  weight: z.number().min(0).max(100).nullable().optional(),
});

const EvaluationProjectInputSchema = z.object({
  code: z.string().trim().min(1),
  executionReason: text.optional(),
  indicators: z.array(EvaluationIndicatorInputSchema),
});

export const SaveEvaluationBodySchema = z.object({
  /** true: the 自评表 is complete; refused while an actual or a required analysis is missing. */
  finalise: z.boolean().optional(),
  projects: z.array(EvaluationProjectInputSchema),
});
export type SaveEvaluationBody = z.infer<typeof SaveEvaluationBodySchema>;

const EvaluationIndicatorSchema = z.object({
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  target: z.string(),
  actual: z.string().nullable(),
  notApplicable: z.boolean(),
  deviationReason: z.string(),
  improvementMeasures: z.string(),
  weight: z.number().nullable(),
});

const EvaluationProjectSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** 年初预算数 (the targets' budget). */
  initialBudget: AmountSchema.nullable(),
  /** 调整后预算数 and 执行数 come from monitoring (budget adjustments, the spending ledger). */
  adjustedBudget: AmountSchema.nullable(),
  spent: AmountSchema.nullable(),
  executionReason: z.string(),
  indicators: z.array(EvaluationIndicatorSchema),
  score: ProjectScoreSchema,
});

const MissingAnalysisSchema = z.object({
  project: z.string(),
  indicator: z.string().nullable(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});

export const EvaluationSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  fiscalYear: z.number().int(),
  status: z.enum(['none', 'draft', 'final']),
  updatedBy: z.string().nullable(),
  /** What a save sends back as If-Match (also the ETag); 0 = nothing stored yet (decision 023). */
  version: z.number().int().nonnegative(),
  meanScore: z.number().nullable(),
  incomplete: z.boolean(),
  projects: z.array(EvaluationProjectSchema),
  missingAnalysis: z.array(MissingAnalysisSchema),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

export const StoredUnitScoreSchema = z.object({
  unitCode: z.string(),
  fiscalYear: z.number().int(),
  meanScore: z.number().nullable(),
  incomplete: z.boolean(),
  projects: z.array(ProjectScoreSchema),
});
export type StoredUnitScore = z.infer<typeof StoredUnitScoreSchema>;

const GradeSchema = z.enum(['优', '良', '中', '差']);

export const RankingRowSchema = z.object({
  /** Place by mean score among every unit the user may see that year (not just this page or filter). */
  rank: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  meanScore: z.number().nullable(),
  grade: GradeSchema.nullable(),
  incomplete: z.boolean(),
  evaluated: z.boolean(),
  /** Unit-wide 执行率 in percent: Σ 执行数 / Σ 调整后预算数 over projects with both. */
  executionRate: z.number().nullable(),
  executionRank: z.number().int().nullable(),
  projects: z.number().int(),
  warningCounts: WarningCountsSchema,
  openWarnings: z.number().int(),
  /** Being recomputed after a change: the figures are as of `computedAt`. */
  stale: z.boolean(),
  computedAt: z.string().nullable(),
});

export const RankingQuerySchema = BureauFilterQuerySchema.extend({
  sort: z.enum(['score', 'execution', 'code']).default('score'),
  grade: GradeFilterSchema.optional(),
});

export const BureauRankingSchema = pageOf(RankingRowSchema).extend(BureauTotalsSchema.shape).extend({
  fiscalYear: z.number().int(),
  /** Projects per grade over the matching units that have begun their 自评; 未定级 = incomplete data. */
  gradeDistribution: GradeDistributionSchema,
});
export type BureauRanking = z.infer<typeof BureauRankingSchema>;
export type RankingRow = z.infer<typeof RankingRowSchema>;
export type RankingQuery = z.input<typeof RankingQuerySchema>;

const YearResultSchema = z.object({
  score: z.number(),
  grade: GradeSchema.nullable(),
  incomplete: z.boolean(),
  /** Graded 中 or 差: to be raised in the budget discussion (结果应用). */
  budgetDiscussion: z.boolean(),
});

export const EvaluationHistorySchema = z.object({
  unitCode: z.string(),
  fiscalYear: z.number().int(),
  previousYear: z.number().int(),
  projects: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      lastYear: YearResultSchema.nullable(),
      thisYear: YearResultSchema.nullable(),
      indicators: z.array(
        z.object({
          name: z.string(),
          target: z.string(),
          lastYearTarget: z.string().nullable(),
          lastYearActual: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type EvaluationHistory = z.infer<typeof EvaluationHistorySchema>;
