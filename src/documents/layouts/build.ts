import { deriveProjectCode } from '../../domain/codes.ts';
import { AppError } from '../../domain/errors.ts';
import type { ImportNote } from '../../domain/import-note.ts';
import { categoryOfLevel1 } from '../../domain/indicator-category.ts';
import type { Amount } from '../../domain/money.ts';
import { type MoneyUnit, readStatedAmount } from '../../domain/money-units.ts';
import { joinStatedValue, readDirection, readNature, splitGoals } from '../../domain/stated-values.ts';
import type { BudgetExecution, ExecutionFigures } from '../../domain/table-documents.ts';
import { parseTargetValue } from '../../domain/target-value.ts';
import type { Budget, Indicator, LayoutField, ProjectDetails } from '../../domain/targets.ts';
import { chooseField } from './fields.ts';
import type { ExecutionField, ExecutionRow, HeaderField } from './labels.ts';
import type { RawTable } from './read-segment.ts';
import type { IndicatorRow } from './rows.ts';

/** What the documents are built with: the file's name, the notes, and how to say which table a problem is in. */
export interface BuildContext {
  fileName: string;
  notes: ImportNote[];
  /** "第 2 个表格识别为项目支出绩效自评表（四川一体化）". */
  recognisedAs: string;
}

/** One project's (or the department's) part of a table, before it becomes a targets, evaluation or monitoring entry. */
export interface ProjectPart {
  code: string;
  derivedCode: boolean;
  name: string;
  budget: Budget;
  /** 资金用途 / 项目主要内容 as written; '' when the table has none. */
  purpose: string;
  goals: string[];
  goalResults: string[];
  details: ProjectDetails;
  rows: IndicatorRow[];
  /** Where the project is stated, for notes. */
  line: number;
  /** The unit as the table states it (单位名称 / 预算单位 / 实施单位 / 主管部门), best first. */
  unitCandidates: string[];
}

export function fail(ctx: BuildContext, message: string, field?: string): never {
  throw new AppError('BAD_INPUT', message, { location: { file: ctx.fileName, ...(field ? { field } : {}) } });
}

/** An amount as written in the table's unit, in 元; an unreadable or too precise amount is an error naming the cell. */
function amountAt(ctx: BuildContext, raw: RawTable, text: string, place: string): Amount | null {
  const unit: MoneyUnit = raw.money?.unit ?? '元';
  const read = readStatedAmount(text, unit);
  if (read.kind === 'amount') return read.amount;
  if (read.kind === 'empty') return null;
  const why = read.kind === 'too-precise' ? `换算成元后比 1 分更精确` : '不是金额';
  return fail(ctx, `${place}：金额“${text}”${why}（单位：${unit}）`, place);
}

/** The projects of a table: one from its label–value head, or (one-row-per-indicator tables) one per run of rows naming it. */
export function projectParts(ctx: BuildContext, raw: RawTable): ProjectPart[] {
  const flat = raw.header?.columns.some((col) => col.project === 'projectName') ?? false;
  if (!flat) return [headPart(ctx, raw)];
  const parts: ProjectPart[] = [];
  for (const row of raw.indicators) {
    const name = (row.project.projectName ?? '').trim();
    const current = parts[parts.length - 1];
    if (current && (name === '' || name === current.name)) {
      current.rows.push(row);
      continue;
    }
    const place = raw.sheet.place(row.row, raw.header!.columns.find((c) => c.project === 'projectName')!.column);
    if (name === '') fail(ctx, `${ctx.recognisedAs}，${place}：缺少“项目名称”`, place);
    parts.push(flatPart(ctx, raw, row, name));
  }
  return parts;
}

function headPart(ctx: BuildContext, raw: RawTable): ProjectPart {
  const text = (field: HeaderField): string => chooseField(raw.fields, field)?.text ?? '';
  const name = text('projectName');
  const amount = (field: HeaderField): Amount | null => {
    const value = chooseField(raw.fields, field);
    return value ? amountAt(ctx, raw, value.text, raw.sheet.place(value.row, value.column)) : null;
  };
  const budget = { total: amount('budgetTotal'), fiscal: amount('budgetFiscal'), other: amount('budgetOther') };
  return {
    ...identity(ctx, raw, name, text('projectCode'), raw.sheet.line(raw.start)),
    budget,
    purpose: text('purpose'),
    goals: splitGoals(text('goals')),
    goalResults: splitGoals(text('goalResults')),
    details: details(raw, text),
    rows: raw.indicators,
    unitCandidates: [text('unitName'), text('implementer'), text('department')].filter((t) => t !== ''),
  };
}

function flatPart(ctx: BuildContext, raw: RawTable, row: IndicatorRow, name: string): ProjectPart {
  const text = (field: HeaderField): string => row.project[field] ?? '';
  const column = (field: HeaderField): number => raw.header!.columns.find((c) => c.project === field)?.column ?? 0;
  const amount = (field: HeaderField): Amount | null =>
    amountAt(ctx, raw, text(field), raw.sheet.place(row.row, column(field)));
  return {
    ...identity(ctx, raw, name, text('projectCode'), raw.sheet.line(row.row)),
    budget: { total: amount('budgetTotal'), fiscal: amount('budgetFiscal'), other: amount('budgetOther') },
    purpose: text('purpose'),
    goals: splitGoals(text('goals')),
    goalResults: [],
    details: details(raw, text),
    rows: [row],
    unitCandidates: [text('unitName'), text('implementer'), text('department')].filter((t) => t !== ''),
  };
}

function identity(
  ctx: BuildContext,
  raw: RawTable,
  name: string,
  code: string,
  line: number,
): Pick<ProjectPart, 'code' | 'derivedCode' | 'name' | 'line'> {
  if (code.trim() !== '') return { code: code.trim(), derivedCode: false, name, line };
  const derived = deriveProjectCode(name);
  if (name !== '')
    ctx.notes.push({
      line,
      code: 'project-code-derived',
      message: `${raw.sheet.grid.source}：项目“${name}”没有项目编码，已生成临时编码 ${derived}（可改为正式编码）`,
    });
  return { code: derived, derivedCode: true, name, line };
}

function details(raw: RawTable, text: (field: HeaderField) => string): ProjectDetails {
  const out: ProjectDetails = {};
  if (text('department') !== '') out.department = text('department');
  if (text('implementer') !== '') out.implementer = text('implementer');
  if (text('period') !== '') out.period = text('period');
  const longTerm = splitGoals(text('longTermGoals'));
  if (longTerm.length > 0) out.longTermGoals = longTerm;
  const absent = absentFields(raw);
  if (absent.length > 0) out.absentFields = absent;
  return out;
}

/**
 * The project fields this table has no place for, so that the review does not fault their absence (issue 15 item 7):
 * 资金用途 when no such label was found, 指标值确定依据 / 指标解释 when the indicator header lacks the column; the
 * spending plan always, as no provincial layout read here has one (the seed layout's plan is read by its own reader).
 */
function absentFields(raw: RawTable): LayoutField[] {
  const columns = new Set((raw.header?.columns ?? []).map((column) => column.indicator ?? column.project));
  const absent: LayoutField[] = [];
  if (!columns.has('purpose') && chooseField(raw.fields, 'purpose') === null) absent.push('purpose');
  absent.push('spendingPlan');
  if (!columns.has('basis')) absent.push('basis');
  if (!columns.has('description')) absent.push('description');
  return absent;
}

/** An indicator row in the model's terms: 指标值 joined with its 运算符 / 度量单位 columns, then read by the grammar. */
export function toIndicator(row: IndicatorRow): Indicator {
  const v = row.values;
  const level1 = withoutPoints(v.level1 ?? '');
  // Some forms put the comparison in 指标性质 ("≥", "≤") and 定性 where there is none.
  const comparison = COMPARISON.test((v.nature ?? '').trim()) ? v.nature!.trim() : '';
  const raw = joinStatedValue(v.operator || comparison, v.target ?? '', v.measureUnit ?? '');
  const indicator: Indicator = {
    level1,
    level2: withoutPoints(v.level2 ?? ''),
    name: v.name ?? '',
    description: v.description ?? '',
    target: parseTargetValue(raw),
    basis: v.basis ?? '',
    category: categoryOfLevel1(level1),
  };
  const nature = comparison !== '' ? 'quantitative' : readNature(v.nature ?? '');
  if (nature) indicator.nature = nature;
  if ((v.weight ?? '') !== '') indicator.weight = v.weight!;
  const direction = readDirection(v.direction ?? '');
  if (direction) indicator.direction = direction;
  if (Object.keys(row.extras).length > 0) indicator.extras = { ...row.extras };
  return indicator;
}

/** "产出指标（50分）" → "产出指标": forms print the part's points after its name; the points are not its name. */
function withoutPoints(level: string): string {
  return level.replace(/\s*[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$/, '');
}

const COMPARISON = /^(?:[≥≤><=＞＜＝]|>=|<=|≧|≦)$/;

export const written = (text: string | undefined): string | null => (text && text.trim() !== '' ? text.trim() : null);

/** The 预算执行 block: amounts in 元, rate / 分值 / 得分 as written; null when the table has none. */
export function toExecution(ctx: BuildContext, raw: RawTable): BudgetExecution | null {
  if (!raw.execution) return null;
  const rows = raw.execution.read.rows;
  const figures = (which: ExecutionRow): ExecutionFigures & { weight: string | null; score: string | null } => {
    const values = rows[which]?.values ?? {};
    const row = rows[which]?.row ?? raw.execution!.header.row;
    const money = (field: ExecutionField): Amount | null => {
      const cell = values[field];
      return cell ? amountAt(ctx, raw, cell.text, raw.sheet.place(row, cell.column)) : null;
    };
    return {
      planned: money('planned'),
      adjusted: money('adjusted'),
      executed: money('executed'),
      rate: written(values.rate?.text),
      weight: written(values.weight?.text),
      score: written(values.score?.text),
    };
  };
  const { weight, score, ...total } = figures('total');
  const execution: BudgetExecution = { ...total, weight, score };
  for (const which of ['fiscal', 'other'] as const) {
    if (!rows[which]) continue;
    const { planned, adjusted, executed, rate } = figures(which);
    execution[which] = { planned, adjusted, executed, rate };
  }
  return execution;
}
