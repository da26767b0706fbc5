import { z } from 'zod';
import { GAP_REASONS } from '../domain/errors.ts';
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

/** The evaluator's band for a qualitative or no-number indicator (10号: 达成 / 部分达成 / 未达成). */
const QualitativeBandSchema = z.enum(['achieved', 'partly', 'notAchieved']);
const BandPercentSchema = z.number().min(0).max(100);

const EvaluationIndicatorInputSchema = z.object({
  name: safeName().min(1),
  actual: safeText(200).nullable().optional(),
  notApplicable: z.boolean().optional(),
  deviationReason: text.optional(),
  improvementMeasures: text.optional(),
  weight: z.number().min(0).max(100).nullable().optional(),
  band: QualitativeBandSchema.nullable().optional(),
  /** The score inside the band, % of the indicator's weight. */
  bandPercent: BandPercentSchema.nullable().optional(),
  /** 评分理由. */
  scoreReason: text.optional(),
  /** "0.95" against a % target really means 0.95 %. */
  percentConfirmed: z.boolean().optional(),
});

const CategoryPointsSchema = z.object({
  output: z.number().min(0).max(100).optional(),
  benefit: z.number().min(0).max(100).optional(),
  satisfaction: z.number().min(0).max(100).optional(),
  cost: z.number().min(0).max(100).optional(),
});

const EvaluationProjectInputSchema = z.object({
  code: z.string().trim().min(1),
  executionReason: text.optional(),
  /** 全年执行数 其中 财政拨款 / 其他资金; both or neither, adding up to the 执行数 (decision 035). */
  spentFiscal: AmountSchema.nullable().optional(),
  spentOther: AmountSchema.nullable().optional(),
  categoryPoints: CategoryPointsSchema.nullable().optional(),
  indicators: z.array(EvaluationIndicatorInputSchema),
});

export const SaveEvaluationBodySchema = z.object({
  /** true: save and submit to the department (locks it); refused while an actual or a required analysis is missing. */
  submit: z.boolean().optional(),
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
  band: QualitativeBandSchema.nullable(),
  bandPercent: z.number().nullable(),
  scoreReason: z.string(),
  percentConfirmed: z.boolean(),
  /** The bureau's 复核 of this indicator; the fields above stay the unit's. */
  recheck: z
    .object({
      actual: z.string().nullable(),
      band: QualitativeBandSchema.nullable(),
      bandPercent: z.number().nullable(),
      reason: z.string(),
      recordedBy: z.string(),
      /** The unit's points before the re-score (the bureau's are in the project's score). */
      unitPoints: z.number().nullable(),
    })
    .nullable(),
});

const AttachmentSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;
export const AttachmentListSchema = z.array(AttachmentSchema);

const EvaluationStatusSchema = z.enum(['none', 'draft', 'submitted', 'reviewed', 'final']);

const EvaluationProjectSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** 年初预算数 (the targets' budget). */
  initialBudget: AmountSchema.nullable(),
  /** 调整后预算数 and 执行数 come from monitoring (budget adjustments, the spending ledger). */
  adjustedBudget: AmountSchema.nullable(),
  spent: AmountSchema.nullable(),
  /** 其中 财政拨款 / 其他资金: as entered, else the spending ledger's split by source. */
  spentFiscal: AmountSchema.nullable(),
  spentOther: AmountSchema.nullable(),
  spentSplit: z.enum(['entered', 'ledger']).nullable(),
  categoryPoints: CategoryPointsSchema.nullable(),
  executionReason: z.string(),
  indicators: z.array(EvaluationIndicatorSchema),
  /** The score in force: the bureau's where it re-scored (复核), else the unit's. */
  score: ProjectScoreSchema,
  /** The unit's own score, when the bureau re-scored an indicator of this project. */
  unitScore: ProjectScoreSchema.nullable(),
  attachments: AttachmentListSchema,
});

const MissingAnalysisSchema = z.object({
  project: z.string(),
  indicator: z.string().nullable(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  /** The gap's key and names, for the English page (decision 043). */
  reason: z.enum(GAP_REASONS),
  subject: z.object({
    project: z.string().optional(),
    indicator: z.string().optional(),
    month: z.number().optional(),
    value: z.string().optional(),
  }),
});

export const EvaluationSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  fiscalYear: z.number().int(),
  status: EvaluationStatusSchema,
  /** Selected by the bureau for 复核. */
  recheck: z.boolean(),
  /** The department's return comment or the bureau's reopen reason, '' when none. */
  reviewComment: z.string(),
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

/** The department's decision on a submitted 自评表 (评审): approve, or return with a comment. */
export const ReviewEvaluationBodySchema = z.object({
  decision: z.enum(['approve', 'return']),
  comment: safeText(2000).optional(),
});

export const ReasonBodySchema = z.object({ reason: safeText(2000).refine((r) => r.trim() !== '', '请填写原因') });

/** The bureau's 复核 re-score: per changed indicator its new inputs and the reason. */
export const RescoreBodySchema = z.object({
  indicators: z
    .array(
      z.object({
        project: z.string().trim().min(1),
        name: safeName().min(1),
        actual: safeText(200).nullable().optional(),
        band: QualitativeBandSchema.nullable().optional(),
        bandPercent: BandPercentSchema.nullable().optional(),
        reason: safeText(2000),
      }),
    )
    .min(1),
});
export type RescoreBody = z.input<typeof RescoreBodySchema>;

/** How the bureau draws the 复核 sample among the department-reviewed unit-years of a year. */
export const SelectSampleBodySchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('random'),
    /** Share of the candidates, 0 < share ≤ 1 (rounded up to whole units). */
    share: z.number().gt(0).max(1),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
  }),
  z.object({
    method: z.literal('rule'),
    rules: z.array(z.enum(['excellent-low-execution', 'high-score'])).min(1),
  }),
]);

export const SampleResultSchema = z.object({
  id: z.number().int(),
  fiscalYear: z.number().int(),
  candidates: z.number().int(),
  selected: z.array(z.string()),
});
export type SampleResult = z.infer<typeof SampleResultSchema>;

export const FinaliseBatchResultSchema = z.object({ fiscalYear: z.number().int(), finalised: z.array(z.string()) });
