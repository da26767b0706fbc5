import { z } from 'zod';
import type * as S from '../domain/scoring/index.ts';
import { AmountSchema } from './targets.ts';
import { safeName, safeText } from './text.ts';

/**
 * jixiao/actuals@1 — a unit-year's year-end figures for `jixiao score`: per project the adjusted
 * budget (调整后预算数) and the amount spent (执行数), per indicator the actual value (实际完成值)
 * as written. An indicator left out, or with an empty actual, is missing data; `notApplicable`
 * takes it out of the score. `executionReason` and `weight` are optional additions to the shape;
 * `band`, `bandPercent`, `scoreReason`, `percentConfirmed` per indicator and `categoryPoints` per project
 * carry the evaluator's decisions of 财预〔2020〕10号 (decision 031), all optional.
 */
const ACTUALS_FORMAT = 'jixiao/actuals@1' as const;

const QualitativeBandSchema = z.enum(['achieved', 'partly', 'notAchieved']) satisfies z.ZodType<S.QualitativeBand>;

const CategoryPointsSchema = z
  .object({
    output: z.number().min(0).max(100).optional(),
    benefit: z.number().min(0).max(100).optional(),
    satisfaction: z.number().min(0).max(100).optional(),
    cost: z.number().min(0).max(100).optional(),
  })
  .describe('This project’s points per 一级; with execution they add up to 100');

const IndicatorActualSchema = z.object({
  name: safeName().min(1).describe('三级指标 name, as in the targets'),
  actual: safeText(200)
    .nullable()
    .optional()
    .describe('实际完成值 as written: "95%", "12人", "190/200", or 达到/基本达到/未达到'),
  notApplicable: z.boolean().optional(),
  deviationReason: safeText(4000).optional().describe('偏差原因分析及改进措施'),
  weight: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe('Points for this indicator, overriding the even split of its category'),
  band: QualitativeBandSchema.nullable().optional().describe('评价档次 for an indicator without a number'),
  bandPercent: z
    .number()
    .min(0)
    .max(100)
    .nullable()
    .optional()
    .describe('The score inside the band, in % of the indicator’s weight'),
  scoreReason: safeText(4000).nullable().optional().describe('评分理由'),
  percentConfirmed: z.boolean().optional().describe('"0.95" against a % target means 0.95 %, as typed'),
}) satisfies z.ZodType<S.IndicatorActual>;

const ProjectActualsSchema = z.object({
  code: z.string().trim().min(1),
  adjustedBudget: AmountSchema.describe('调整后预算数 in 元'),
  spent: AmountSchema.describe('执行数 in 元 at year end'),
  executionReason: safeText(4000).optional().describe('Why execution stayed below 90 % or above 100 %'),
  categoryPoints: CategoryPointsSchema.nullable().optional(),
  indicators: z.array(IndicatorActualSchema),
}) satisfies z.ZodType<Omit<S.ProjectActuals, 'adjustedBudget' | 'spent'>>;

export const ActualsDocumentSchema = z.object({
  format: z.literal(ACTUALS_FORMAT),
  unit: z.string().trim().min(1),
  fiscalYear: z.number().int().min(1990).max(2100),
  projects: z.array(ProjectActualsSchema),
});

export type ActualsDocument = z.infer<typeof ActualsDocumentSchema>;

/** What `jixiao score --format json` and GET …/score print. */
const PresentedIndicatorSchema = z.object({
  name: z.string(),
  target: z.string(),
  actual: z.string().nullable(),
  weight: z.number(),
  points: z.number().nullable(),
  met: z.boolean().nullable(),
  missing: z.literal(true).optional(),
  notApplicable: z.literal(true).optional(),
  deviationRequired: z.boolean(),
  decision: z
    .enum(['choose-band', 'no-number', 'fraction-of-percent'])
    .nullable()
    .describe('What the evaluator must decide before the indicator has points'),
  band: QualitativeBandSchema.nullable().describe('The band the points were given in'),
  suggestedBand: QualitativeBandSchema.nullable(),
  suggestedPercent: z.number().nullable().describe('Suggested share of the weight, %'),
  bandRange: z.object({ min: z.number(), max: z.number() }).nullable().describe('Allowed bandPercent range'),
});

export const ProjectScoreSchema = z.object({
  code: z.string(),
  name: z.string(),
  score: z.number(),
  grade: z.enum(['优', '良', '中', '差']).nullable(),
  incomplete: z.boolean(),
  scorable: z.boolean().describe('false: no indicator applies (不可评分), no grade'),
  execution: z.object({
    rate: z.number().nullable().describe('执行率 in percent'),
    weight: z.number(),
    points: z.number().nullable(),
    missing: z.literal(true).optional(),
    notApplicable: z.literal(true).optional(),
    deviationRequired: z.boolean(),
    flag: z.enum(['zero-budget', 'over-spent']).nullable(),
  }),
  indicators: z.array(PresentedIndicatorSchema),
}) satisfies z.ZodType<S.PresentedProject>;

export const UnitScoreSchema = z.object({
  unit: z.string(),
  fiscalYear: z.number().int(),
  meanScore: z.number().nullable(),
  incomplete: z.boolean(),
  projects: z.array(ProjectScoreSchema),
});
export type UnitScore = z.infer<typeof UnitScoreSchema>;
