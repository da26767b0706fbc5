import { z } from 'zod';
import type * as T from '../domain/table-documents.ts';
import { EVALUATION_FORMAT, MONITORING_FORMAT } from '../domain/table-documents.ts';
import { ProjectCodeSchema } from './codes.ts';
import { AmountSchema, FiscalYearSchema, IndicatorSchema, ProjectDetailsSchema, StatedUnitSchema } from './targets.ts';
import { safeName, safeText } from './text.ts';

/**
 * jixiao/evaluation@1 (项目支出绩效自评表) and jixiao/monitoring@1 (项目支出绩效目标执行监控表): what departments
 * publish besides targets, as `jixiao parse` prints them (issue 15). Sibling formats of jixiao/targets@1 sharing its
 * unit, project and indicator parts; values are kept as written (decimal strings, "95.2%"), amounts in 元. Each
 * schema is checked against its domain type (src/domain/table-documents.ts); docs/exchange-format.md documents them.
 */

const text = safeText();
/** Short values as written in a cell: "95.20%", "9.5", "优". */
const written = safeText(200);

const ExecutionFiguresSchema = z.object({
  planned: AmountSchema.nullable().describe('年初预算数'),
  adjusted: AmountSchema.nullable().describe('全年预算数 (调整后)'),
  executed: AmountSchema.nullable().describe('全年执行数 (monitoring: 1–N月执行数)'),
  rate: written.nullable().describe('执行率 as written'),
}) satisfies z.ZodType<T.ExecutionFigures>;

const BudgetExecutionSchema = ExecutionFiguresSchema.extend({
  weight: written.nullable().describe('分值 of the execution row'),
  score: written.nullable().describe('得分 of the execution row'),
  fiscal: ExecutionFiguresSchema.optional().describe('其中：财政拨款'),
  other: ExecutionFiguresSchema.optional().describe('其他资金'),
}) satisfies z.ZodType<T.BudgetExecution>;

const EvaluatedIndicatorSchema = IndicatorSchema.extend({
  actual: written.nullable().describe('实际完成值 as written'),
  score: written.nullable().describe('得分 as written'),
  deviationReason: text.nullable().describe('偏差原因分析及改进措施'),
}) satisfies z.ZodType<T.EvaluatedIndicator>;

const ProjectPartSchema = z.object({
  code: ProjectCodeSchema.describe('项目编码, or a key derived from the name when the table states none'),
  derivedCode: z.boolean().optional(),
  name: safeName().min(1).describe('项目名称'),
  details: ProjectDetailsSchema.optional(),
  execution: BudgetExecutionSchema,
  goals: z.array(text).describe('年度总体目标, one line each'),
});

const ProjectEvaluationSchema = ProjectPartSchema.extend({
  goalResults: z.array(text).describe('实际完成情况 of the overall goals'),
  indicators: z.array(EvaluatedIndicatorSchema),
  totalScore: written.nullable().describe('总分 as written'),
  grade: written.nullable().describe('自评等级 as written'),
}) satisfies z.ZodType<T.ProjectEvaluation>;

const OverallEvaluationSchema = z.object({
  execution: BudgetExecutionSchema.nullable().describe('null when the table has no 预算执行 block'),
  goals: z.array(text),
  goalResults: z.array(text),
  indicators: z.array(EvaluatedIndicatorSchema),
  totalScore: written.nullable(),
  grade: written.nullable(),
}) satisfies z.ZodType<T.OverallEvaluation>;

export const EvaluationDocumentSchema = z.object({
  format: z.literal(EVALUATION_FORMAT),
  unit: StatedUnitSchema,
  fiscalYear: FiscalYearSchema.optional(),
  projects: z.array(ProjectEvaluationSchema),
  overall: OverallEvaluationSchema.optional().describe('部门（单位）整体支出绩效自评表: the department as a whole'),
}) satisfies z.ZodType<T.EvaluationDocument>;

const MonitoredIndicatorSchema = IndicatorSchema.extend({
  progress: written.nullable().describe('1–N月执行情况 / 截至N月底实际完成值'),
  expected: written.nullable().describe('全年预计完成值'),
  deviationReason: text.nullable().describe('偏差原因'),
  likelihood: written.nullable().describe('完成目标可能性 as written'),
  correction: text.nullable().describe('纠偏措施'),
}) satisfies z.ZodType<T.MonitoredIndicator>;

const ProjectMonitoringSchema = ProjectPartSchema.extend({
  indicators: z.array(MonitoredIndicatorSchema),
}) satisfies z.ZodType<T.ProjectMonitoring>;

export const MonitoringDocumentSchema = z.object({
  format: z.literal(MONITORING_FORMAT),
  unit: StatedUnitSchema,
  fiscalYear: FiscalYearSchema.optional(),
  asOfMonth: z.number().int().min(1).max(12).nullable().describe('The month the figures run to (1-7月 → 7)'),
  projects: z.array(ProjectMonitoringSchema),
}) satisfies z.ZodType<T.MonitoringDocument>;
