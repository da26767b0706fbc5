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

export const OverallTargetsSchema = z.object({
  goals: z.array(OverallGoalSchema),
  measures: z.array(MeasureSectionSchema),
}) satisfies z.ZodType<D.OverallTargets>;

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

export const IndicatorSchema = z.object({
  level1: name.describe('一级指标 as written'),
  level2: name.describe('二级指标'),
  name: name.describe('三级指标'),
  description: text,
  target: TargetValueSchema,
  basis: text.describe('指标值确定依据'),
  category: IndicatorCategorySchema.nullable(),
}) satisfies z.ZodType<D.Indicator>;

export const ProjectSchema = z.object({
  code: ProjectCodeSchema.describe('项目编码'),
  name: name.describe('项目名称'),
  budget: BudgetSchema,
  purpose: text.describe('资金用途'),
  spendingPlan: z.array(SpendingCheckpointSchema),
  goals: z.array(text),
  indicators: z.array(IndicatorSchema),
}) satisfies z.ZodType<D.Project>;

export const TargetsDocumentSchema = z.object({
  format: z.literal('jixiao/targets@1'),
  unit: UnitSchema,
  fiscalYear: z.number().int().min(1990).max(2100).optional(),
  overall: OverallTargetsSchema,
  projects: z.array(ProjectSchema),
}) satisfies z.ZodType<D.TargetsDocument>;

export type TargetsDocument = z.infer<typeof TargetsDocumentSchema>;
export type Project = z.infer<typeof ProjectSchema>;
