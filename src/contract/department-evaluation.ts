import { z } from 'zod';
import type { DepartmentEvaluationInput } from '../domain/department-evaluation/model.ts';
import { ProjectScoreSchema } from './actuals.ts';
import { ProjectInputSchema } from './api.ts';
import { AmountSchema, IndicatorSchema } from './targets.ts';
import { formatCents, parseAmountToCents } from '../domain/money.ts';
import { amountInput, safeName, safeText } from './text.ts';

/** HTTP shapes of 部门整体绩效 (decision 045): the overall indicators' edit and the 部门整体支出绩效自评表. */

const text = safeText(4000);

/** An amount as typed ("500000", "20,000.5") stored in the canonical form ("500000.00"). */
const TypedAmountSchema = amountInput().transform((text) => formatCents(parseAmountToCents(text)!));

const BudgetSchema = z.object({
  total: AmountSchema.nullable(),
  fiscal: AmountSchema.nullable(),
  other: AmountSchema.nullable(),
});
const TypedBudgetSchema = z.object({
  total: TypedAmountSchema.nullable(),
  fiscal: TypedAmountSchema.nullable(),
  other: TypedAmountSchema.nullable(),
});

/** The form's schema: amounts as typed in a request (`TypedAmountSchema`), canonical in a response. */
const formSchema = (amount: typeof AmountSchema | typeof TypedAmountSchema) =>
  z.object({
    budget: z.object({ fiscal: budgetRow(amount), other: budgetRow(amount) }),
    executionReason: text.default(''),
    summary: text.default(''),
    indicators: z.array(IndicatorActualSchema).max(200),
    management: z
      .array(z.object({ key: safeName(64).min(1), score: safeName(10).nullable(), reason: text.default('') }))
      .max(50),
  });
const budgetRow = (amount: typeof AmountSchema | typeof TypedAmountSchema) =>
  z.object({ initial: amount.nullable(), adjusted: amount.nullable(), spent: amount.nullable() });

const IndicatorActualSchema = z.object({
  name: safeName().min(1),
  actual: safeText(200).nullable().optional(),
  notApplicable: z.boolean().optional(),
  deviationReason: text.nullable().optional(),
  band: z.enum(['achieved', 'partly', 'notAchieved']).nullable().optional(),
  bandPercent: z.number().min(0).max(100).nullable().optional(),
  scoreReason: text.nullable().optional(),
  percentConfirmed: z.boolean().optional(),
});

const DepartmentEvaluationInputSchema = formSchema(TypedAmountSchema) satisfies z.ZodType<
  DepartmentEvaluationInput,
  unknown
>;
const StoredFormSchema = formSchema(AmountSchema) satisfies z.ZodType<DepartmentEvaluationInput, unknown>;

export const SaveDepartmentEvaluationBodySchema = z.object({
  /** true: save and submit to the department (locks it); refused while anything is missing. */
  submit: z.boolean().optional(),
  form: DepartmentEvaluationInputSchema,
});

export const DepartmentReviewBodySchema = z.object({
  decision: z.enum(['approve', 'return']),
  comment: safeText(2000).optional(),
});

/** The bureau's 复核: the re-scored form and why. */
export const DepartmentRescoreBodySchema = z.object({
  form: DepartmentEvaluationInputSchema,
  reason: safeText(2000).refine((r) => r.trim() !== '', '请填写复核理由'),
});

const WeightedPartSchema = z.object({ weight: z.number(), points: z.number().nullable() });

const PresentedScoreSchema = z.object({
  budget: z.array(
    z.object({
      source: z.enum(['total', 'fiscal', 'other']),
      initial: AmountSchema.nullable(),
      adjusted: AmountSchema.nullable(),
      spent: AmountSchema.nullable(),
      carryOver: z.string().nullable(),
      rate: z.number().nullable(),
    }),
  ),
  performance: ProjectScoreSchema,
  performanceWeight: z.number(),
  performancePoints: z.number(),
  weighted: z.object({ execution: WeightedPartSchema, indicators: z.array(WeightedPartSchema) }),
  management: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      guidance: z.string(),
      points: z.number(),
      score: z.number().nullable(),
      reason: z.string(),
      missing: z.boolean(),
      reasonRequired: z.boolean(),
    }),
  ),
  total: z.number(),
  grade: z.enum(['优', '良', '中', '差']).nullable(),
  incomplete: z.boolean(),
});

export const DepartmentEvaluationSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  fiscalYear: z.number().int(),
  status: z.enum(['none', 'draft', 'submitted', 'reviewed', 'final']),
  /** 0 while nothing is stored; a save sends it back as If-Match. */
  version: z.number().int().nonnegative(),
  reviewComment: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** The unit's form (stored, or pre-filled from the projects and the 自评 when nothing is stored). */
  form: StoredFormSchema,
  /** The bureau's 复核, when it re-scored: its form, reason, who and when; the score in force is its. */
  recheck: z.object({ form: StoredFormSchema, reason: z.string(), by: z.string(), at: z.string() }).nullable(),
  /** The overall targets' indicators the form scores (部门整体支出绩效目标表). */
  indicators: z.array(IndicatorSchema),
  score: PresentedScoreSchema,
  /** The unit's own score beside the bureau's, when re-scored. */
  unitScore: PresentedScoreSchema.nullable(),
});
export type DepartmentEvaluation = z.infer<typeof DepartmentEvaluationSchema>;

/** The overall indicators and 年度预算 as the editor sends them (derived target fields recomputed). */
export const OverallIndicatorsBodySchema = z.object({
  indicators: ProjectInputSchema.shape.indicators.max(200),
  budget: TypedBudgetSchema.nullable(),
});
export type OverallIndicatorsBody = z.input<typeof OverallIndicatorsBodySchema>;

export const OverallIndicatorsSchema = z.object({
  indicators: z.array(IndicatorSchema),
  budget: BudgetSchema.nullable(),
  /** The targets document's version (If-Match of the next save). */
  version: z.number().int().positive(),
});
