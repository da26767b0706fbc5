import { splitCodedName } from '../../domain/stated-values.ts';
import {
  EVALUATION_FORMAT,
  MONITORING_FORMAT,
  type EvaluatedIndicator,
  type EvaluationDocument,
  type MonitoredIndicator,
  type MonitoringDocument,
  type OverallEvaluation,
  type ProjectEvaluation,
  type ProjectMonitoring,
} from '../../domain/table-documents.ts';
import { type Project, type StatedTargets, type StatedUnit, TARGETS_FORMAT } from '../../domain/targets.ts';
import { type BuildContext, type ProjectPart, fail, projectParts, toExecution, toIndicator, written } from './build.ts';
import { chooseField } from './fields.ts';
import type { RawTable } from './read-segment.ts';
import type { TableKind } from './reading.ts';
import type { IndicatorRow } from './rows.ts';

/** The documents of a file as they fill up, table by table. */
export interface Assembly {
  targets: StatedTargets | null;
  evaluation: EvaluationDocument | null;
  monitoring: MonitoringDocument | null;
  /** What tables say about the unit, best first. */
  unitCandidates: string[];
  fiscalYear: number | undefined;
}

export function emptyAssembly(fiscalYear: number | undefined): Assembly {
  return { targets: null, evaluation: null, monitoring: null, unitCandidates: [], fiscalYear };
}

const NO_UNIT: StatedUnit = { code: null, name: '' };

/** Adds one recognised table (continuations already merged into it) to the documents. */
export function addTable(assembly: Assembly, ctx: BuildContext, raw: RawTable, kind: TableKind): void {
  if (kind === 'overall-targets') return addOverallTargets(assembly, ctx, raw);
  if (kind === 'overall-evaluation' || (kind === 'evaluation-indicators' && !named(raw)))
    return addOverallEvaluation(assembly, ctx, raw);
  const parts = projectParts(ctx, raw);
  for (const part of parts) {
    if (part.name === '') fail(ctx, `${ctx.recognisedAs}，缺少“项目名称”`);
    assembly.unitCandidates.push(...part.unitCandidates);
    if (kind === 'project-targets') targets(assembly).projects.push(toProject(part));
    else if (kind === 'monitoring') monitoring(assembly, raw).projects.push(toMonitoring(ctx, raw, part));
    else evaluation(assembly).projects.push(toEvaluation(ctx, raw, part));
  }
}

function named(raw: RawTable): boolean {
  return chooseField(raw.fields, 'projectName') !== null;
}

function targets(assembly: Assembly): StatedTargets {
  assembly.targets ??= { format: TARGETS_FORMAT, unit: NO_UNIT, overall: { goals: [], measures: [] }, projects: [] };
  return assembly.targets;
}

function evaluation(assembly: Assembly): EvaluationDocument {
  assembly.evaluation ??= { format: EVALUATION_FORMAT, unit: NO_UNIT, projects: [] };
  return assembly.evaluation;
}

function monitoring(assembly: Assembly, raw: RawTable): MonitoringDocument {
  assembly.monitoring ??= { format: MONITORING_FORMAT, unit: NO_UNIT, asOfMonth: null, projects: [] };
  assembly.monitoring.asOfMonth ??= raw.execution?.header.month ?? monthOfIndicators(raw);
  return assembly.monitoring;
}

function monthOfIndicators(raw: RawTable): number | null {
  for (const col of raw.header?.columns ?? []) {
    const match = /1\s*[-~～—至到]\s*(\d{1,2})\s*月|截[至止]\s*(\d{1,2})\s*月/.exec(col.label);
    if (match) return Number(match[1] ?? match[2]);
  }
  return null;
}

function toProject(part: ProjectPart): Project {
  const project: Project = {
    code: part.code,
    name: part.name,
    budget: part.budget,
    purpose: part.purpose,
    spendingPlan: [],
    goals: part.goals,
    indicators: part.rows.map(toIndicator),
  };
  if (part.derivedCode) project.derivedCode = true;
  if (Object.keys(part.details).length > 0) project.details = part.details;
  return project;
}

function evaluated(row: IndicatorRow): EvaluatedIndicator {
  return {
    ...toIndicator(row),
    actual: written(row.values.actual),
    score: written(row.values.score),
    deviationReason: written(row.values.deviationReason),
  };
}

/** 总分: the 得分 column of its row when the table has one (its 分值 column holds 100), else the value beside it. */
function totalScore(raw: RawTable): string | null {
  const total = chooseField(raw.fields, 'totalScore');
  if (!total) return null;
  const scoreColumn = raw.header?.columns.find((col) => col.indicator === 'score')?.column;
  const inColumn = scoreColumn === undefined ? '' : (raw.sheet.rows[total.row]![scoreColumn] ?? '');
  // A 得分 column the 总分 row does not fill may hold the next field ("总分 | 97.75 | 评价等级 | 优").
  const useColumn = inColumn !== '' && inColumn !== total.label && /^\d+(?:\.\d+)?分?$/.test(inColumn.trim());
  return written(useColumn ? inColumn : total.text);
}

function toEvaluation(ctx: BuildContext, raw: RawTable, part: ProjectPart): ProjectEvaluation {
  const result: ProjectEvaluation = {
    code: part.code,
    name: part.name,
    execution: toExecution(ctx, raw) ?? emptyExecution(),
    goals: part.goals,
    goalResults: part.goalResults,
    indicators: part.rows.map(evaluated),
    totalScore: totalScore(raw),
    grade: written(chooseField(raw.fields, 'grade')?.text),
  };
  if (part.derivedCode) result.derivedCode = true;
  if (Object.keys(part.details).length > 0) result.details = part.details;
  return result;
}

function toMonitoring(ctx: BuildContext, raw: RawTable, part: ProjectPart): ProjectMonitoring {
  const indicators = part.rows.map((row): MonitoredIndicator => ({
    ...toIndicator(row),
    progress: written(row.values.progress),
    expected: written(row.values.expected),
    deviationReason: written(row.values.deviationReason),
    likelihood: written(row.values.likelihood),
    correction: written(row.values.correction),
  }));
  const result: ProjectMonitoring = {
    code: part.code,
    name: part.name,
    execution: toExecution(ctx, raw) ?? emptyExecution(),
    goals: part.goals,
    indicators,
  };
  if (part.derivedCode) result.derivedCode = true;
  if (Object.keys(part.details).length > 0) result.details = part.details;
  return result;
}

function emptyExecution() {
  return { planned: null, adjusted: null, executed: null, rate: null, weight: null, score: null };
}

function addOverallTargets(assembly: Assembly, ctx: BuildContext, raw: RawTable): void {
  const [part] = projectParts(ctx, raw);
  assembly.unitCandidates.push(...part!.unitCandidates);
  const overall = targets(assembly).overall;
  overall.goals.push(...part!.goals.map((title, i) => ({ seq: overall.goals.length + i + 1, title, detail: null })));
  overall.indicators = [...(overall.indicators ?? []), ...part!.rows.map(toIndicator)];
  if (part!.budget.total !== null || part!.budget.fiscal !== null || part!.budget.other !== null)
    overall.budget = part!.budget;
}

function addOverallEvaluation(assembly: Assembly, ctx: BuildContext, raw: RawTable): void {
  const [part] = projectParts(ctx, raw);
  assembly.unitCandidates.push(...part!.unitCandidates);
  const overall: OverallEvaluation = {
    execution: toExecution(ctx, raw),
    goals: part!.goals,
    goalResults: part!.goalResults,
    indicators: part!.rows.map(evaluated),
    totalScore: totalScore(raw),
    grade: written(chooseField(raw.fields, 'grade')?.text),
  };
  evaluation(assembly).overall = overall;
}

/**
 * The unit the documents belong to: the first name a table states (单位名称 / 预算单位 / 实施单位 / 主管部门), with
 * the code any of them gives for that name ("820001-某局" under 主管部门, "某局" under 实施单位).
 */
export function statedUnit(candidates: string[]): StatedUnit {
  const split = candidates.map(splitCodedName).filter((unit) => unit.name !== '');
  const first = split[0];
  if (!first) return NO_UNIT;
  const code = first.code ?? split.find((unit) => unit.name === first.name && unit.code !== null)?.code ?? null;
  return { code, name: first.name };
}
