import { type MoneyUnit, amountInUnit } from '../../../domain/money-units.ts';
import { joinStatedValue } from '../../../domain/stated-values.ts';
import type { Budget, Indicator, OverallTargets, Project, Unit } from '../../../domain/targets.ts';
import type { HeaderField, IndicatorField } from '../labels.ts';

/**
 * What a layout's field prints for a project (or the department), in the model's terms: the model's value as written,
 * amounts in the form's money unit, and an empty cell for a field the model does not hold (goalResults in a 目标表,
 * a 主管部门 nobody stated). A field the layout lacks is never asked for, so never printed.
 */
export interface FormSource {
  unit: Unit;
  /** null for the department's own table (整体支出绩效目标表). */
  project: Project | null;
  overall: OverallTargets | null;
  money: MoneyUnit;
}

export function headerText(field: HeaderField, source: FormSource): string {
  const { unit, project, overall } = source;
  const details = project?.details;
  switch (field) {
    case 'projectName':
      return project?.name ?? '';
    case 'projectCode':
      // A key the reader derived is not a 项目编码: printing it would make it look like one.
      return project && !project.derivedCode ? project.code : '';
    case 'unitName':
      return unit.name;
    case 'unitCode':
      return unit.code;
    case 'department':
      return details?.department ?? '';
    case 'implementer':
      // The unit carries out its own projects unless the source named another 实施单位.
      return details?.implementer ?? unit.name;
    case 'period':
      return details?.period ?? '';
    case 'goals':
      return numbered(project ? project.goals : (overall?.goals.map((goal) => goal.title) ?? []));
    case 'longTermGoals':
      return numbered(details?.longTermGoals ?? []);
    case 'purpose':
      return project?.purpose ?? '';
    case 'budgetTotal':
    case 'budgetFiscal':
    case 'budgetOther':
      return amountText(budgetOf(source)?.[BUDGET_KEYS[field]] ?? null, source.money);
    case 'budgetCarryOver':
    case 'goalResults':
    case 'totalScore':
    case 'grade':
      return '';
  }
}

const BUDGET_KEYS = { budgetTotal: 'total', budgetFiscal: 'fiscal', budgetOther: 'other' } as const;

function budgetOf(source: FormSource): Budget | undefined {
  return source.project ? source.project.budget : source.overall?.budget;
}

function amountText(amount: string | null, money: MoneyUnit): string {
  return amount === null ? '' : amountInUnit(amount, money);
}

/** One goal as it is; several numbered "1、…" a line each, as the forms print them (and splitGoals reads them). */
function numbered(lines: string[]): string {
  return lines.length === 1 ? lines[0]! : lines.map((line, i) => `${i + 1}、${line}`).join('\n');
}

const NATURE_TEXT = { quantitative: '定量', qualitative: '定性' } as const;
const DIRECTION_TEXT = { positive: '正向', negative: '反向' } as const;

/** The texts of an indicator's row, one per column field; 指标值 split from its 度量单位 when the form has that column. */
export function indicatorTexts(indicator: Indicator, fields: readonly IndicatorField[]): string[] {
  const [value, measure] = fields.includes('measureUnit') ? splitMeasure(indicator) : [indicator.target.raw, ''];
  return fields.map((field): string => {
    switch (field) {
      case 'level1':
      case 'level2':
      case 'name':
      case 'description':
      case 'basis':
        return indicator[field];
      case 'target':
        return value;
      case 'measureUnit':
        return measure;
      case 'nature':
        return indicator.nature ? NATURE_TEXT[indicator.nature] : '';
      case 'weight':
        return indicator.weight ?? '';
      case 'direction':
        return indicator.direction ? DIRECTION_TEXT[indicator.direction] : '';
      default:
        // 运算符 stays inside 指标值 (the raw text keeps it); evaluation and monitoring columns have no target value.
        return '';
    }
  });
}

/**
 * "≥24个" as 指标值 "≥24" and 度量单位 "个", when the reader joins them back to the same text; otherwise the whole
 * text in 指标值 and an empty 度量单位, so the round trip never changes a target.
 */
function splitMeasure(indicator: Indicator): [string, string] {
  const { raw, unit } = indicator.target;
  if (unit && raw.endsWith(unit)) {
    const value = raw.slice(0, -unit.length).trimEnd();
    if (value !== '' && joinStatedValue('', value, unit) === raw) return [value, unit];
  }
  return [raw, ''];
}
