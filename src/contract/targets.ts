import { z } from 'zod';
import type * as D from '../domain/targets.ts';
import { OrgCodeSchema, ProjectCodeSchema } from './codes.ts';
import { amountYuan, safeName, safeText } from './text.ts';

/**
 * jixiao/targets@1 — the exchange format, as zod schemas. Each schema is checked against the
 * domain type it describes, so the two cannot drift apart. docs/exchange-format.md documents
 * it; docs/schema/targets.schema.json is generated from these schemas (npm run schema).
 */

const text = safeText();
/** Names: one line, no invisible or control characters, at most 200 characters (src/contract/text.ts). */
const name = safeName().min(1);

export const AmountSchema = amountYuan().describe(
  'Amount in 元, decimal string with exactly two decimals, 0 … 10¹³ 元',
);

const UnitSchema = z.object({
  code: OrgCodeSchema.describe('Unit code, e.g. 711002'),
  name: name.describe('Unit name, e.g. 秦皇岛市山海关区总工会'),
}) satisfies z.ZodType<D.Unit>;

/** A unit as a file states it: most provincial tables give no 单位编码, so import matches the name to a unit. */
export const StatedUnitSchema = z.object({
  code: OrgCodeSchema.nullable()
    .default(null)
    .describe('Unit code, e.g. 711002; null or absent when the document states none (import matches the name)'),
  name: name.describe('Unit name, e.g. 秦皇岛市山海关区总工会'),
}) satisfies z.ZodType<D.StatedUnit>;

const OverallGoalSchema = z.object({
  seq: z.number().int().positive(),
  title: text,
  detail: text.nullable(),
}) satisfies z.ZodType<D.OverallGoal>;

const MeasureItemSchema = z.object({ label: text, text }) satisfies z.ZodType<D.MeasureItem>;

const MeasureSectionSchema = z.object({
  heading: text,
  items: z.array(MeasureItemSchema),
}) satisfies z.ZodType<D.MeasureSection>;

const BudgetSchema = z.object({
  total: AmountSchema.nullable(),
  fiscal: AmountSchema.nullable(),
  other: AmountSchema.nullable(),
}) satisfies z.ZodType<D.Budget>;

const SpendingCheckpointSchema = z.object({
  month: z.number().int().min(1).max(12),
  cumulativePercent: z.number().nullable(),
}) satisfies z.ZodType<D.SpendingCheckpoint>;

const TargetOperatorSchema = z.enum(['>=', '<=', '=', '>', '<', 'range']);
export const IndicatorCategorySchema = z.enum(['output', 'benefit', 'satisfaction', 'cost']);

export const TargetValueSchema = z.object({
  raw: text.describe('The target value exactly as written'),
  op: TargetOperatorSchema.nullable(),
  value: z.number().nullable(),
  unit: text.nullable(),
  min: z.number().optional(),
  max: z.number().optional(),
}) satisfies z.ZodType<D.TargetValue>;

/** Columns or labelled cells a provincial layout has and the model does not: label as written → value. */
const ExtrasSchema = z.record(safeName(), text).describe('Fields of the source layout the model has no place for');

export const IndicatorSchema = z.object({
  level1: name.describe('一级指标 as written'),
  // May be empty: a 二级 the unit left blank is imported and reported by the review on that row (decision 032).
  level2: safeName().describe('二级指标; empty when the unit left it blank (the review reports it)'),
  name: name.describe('三级指标'),
  description: text,
  target: TargetValueSchema,
  basis: text.describe('指标值确定依据'),
  category: IndicatorCategorySchema.nullable(),
  nature: z.enum(['quantitative', 'qualitative']).optional().describe('指标性质 定量/定性'),
  weight: safeName(20).optional().describe('权重 / 分值 as written, a decimal string ("10", "7.5")'),
  direction: z.enum(['positive', 'negative']).optional().describe('指标方向性 正向/反向'),
  extras: ExtrasSchema.optional(),
}) satisfies z.ZodType<D.Indicator>;

export const OverallTargetsSchema = z.object({
  goals: z.array(OverallGoalSchema),
  measures: z.array(MeasureSectionSchema),
  indicators: z.array(IndicatorSchema).optional().describe('部门(单位)整体支出绩效目标表: department-level indicators'),
  budget: BudgetSchema.optional().describe("The same table's 年度预算, in 元"),
}) satisfies z.ZodType<D.OverallTargets>;

export const ProjectDetailsSchema = z.object({
  department: text.optional().describe('主管部门 (及代码), as written'),
  implementer: text.optional().describe('实施单位 / 预算单位, when it differs from the unit'),
  period: text.optional().describe('项目实施期限, a period such as "2023.07-2024.01"'),
  longTermGoals: z.array(text).optional().describe('长期目标 / 中长期目标'),
  extras: ExtrasSchema.optional(),
  absentFields: z
    .array(z.enum(['purpose', 'spendingPlan', 'basis', 'description']))
    .optional()
    .describe(
      'Fields the source layout has no place for: empty because the form lacks them (review skips their rules)',
    ),
}) satisfies z.ZodType<D.ProjectDetails>;

export const ProjectSchema = z.object({
  code: ProjectCodeSchema.describe('项目编码, or a key derived from the name when the document states none'),
  derivedCode: z.boolean().optional().describe('True when `code` was derived from the name (no 项目编码 stated)'),
  name: name.describe('项目名称'),
  budget: BudgetSchema,
  purpose: text.describe('资金用途'),
  spendingPlan: z.array(SpendingCheckpointSchema),
  goals: z.array(text),
  indicators: z.array(IndicatorSchema),
  details: ProjectDetailsSchema.optional(),
}) satisfies z.ZodType<D.Project>;

export const FiscalYearSchema = z.number().int().min(1990).max(2100);

/** Stored targets and API answers: the unit always has its code. */
export const TargetsDocumentSchema = z.object({
  format: z.literal('jixiao/targets@1'),
  unit: UnitSchema,
  fiscalYear: FiscalYearSchema.optional(),
  overall: OverallTargetsSchema,
  projects: z.array(ProjectSchema),
}) satisfies z.ZodType<D.TargetsDocument>;

/** jixiao/targets@1 as a file may hold it: the same, except that `unit.code` may be null or absent. */
export const StatedTargetsSchema = TargetsDocumentSchema.extend({
  unit: StatedUnitSchema,
}) satisfies z.ZodType<D.StatedTargets>;

export type TargetsDocument = z.infer<typeof TargetsDocumentSchema>;
export type Project = z.infer<typeof ProjectSchema>;
