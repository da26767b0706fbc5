import { addAmounts, parseAmountToCents } from '../../domain/money.ts';
import { executionPercent } from '../../domain/monitoring/plan.ts';
import { toFixed } from '../../domain/rational.ts';
import type { MonitoringStatement, StatementIndicator, StatementProject } from './types.ts';

/*
 * The 监控报告: the narrative 财预〔2019〕136号 asks for beside the tables — overall position, deviations and their
 * causes, the measures planned, and the actions taken. Written from the statement's figures in Jixiao's own words;
 * sums and rates are exact (cents, rationals).
 */
export interface ReportSection {
  heading: string;
  paragraphs: string[];
}

export function reportTitle(statement: MonitoringStatement): string {
  return `${statement.unitName}${statement.fiscalYear}年1-${statement.month}月绩效运行监控报告`;
}

export function reportSections(statement: MonitoringStatement): ReportSection[] {
  return [
    { heading: '一、总体情况', paragraphs: overall(statement) },
    {
      heading: '二、偏差情况及原因',
      paragraphs: orNone(deviations(statement), '各项目绩效目标预计均能完成，未发现明显偏差。'),
    },
    { heading: '三、拟采取的措施', paragraphs: orNone(measures(statement), '无需专门的纠偏措施，按计划继续实施。') },
    {
      heading: '四、已采取的行动及整改情况',
      paragraphs: orNone(actions(statement), '本期未记录提示、纠偏或暂缓拨款等措施。'),
    },
  ];
}

const orNone = (paragraphs: string[], none: string) => (paragraphs.length > 0 ? paragraphs : [none]);

function overall(statement: MonitoringStatement): string[] {
  const n = statement.month;
  const budget = addAmounts(...statement.projects.map((p) => p.fullYearBudget));
  const spent = addAmounts(...statement.projects.map((p) => p.spentToDate));
  const rate = executionPercent(parseAmountToCents(spent) ?? 0n, parseAmountToCents(budget));
  const entered = statement.projects.filter((p) => p.forecastFullYear !== null);
  const forecast = addAmounts(...entered.map((p) => p.forecastFullYear));
  const indicators = statement.projects.flatMap((p) => p.indicators);
  const count = (likelihood: string) => indicators.filter((i) => i.likelihood === likelihood).length;
  return [
    `本单位纳入监控的项目共 ${statement.projects.length} 个，全年预算数合计 ${budget} 元；截至${n}月底执行 ${spent} 元，` +
      `执行率 ${rate === null ? '—' : `${toFixed(rate)}%`}。` +
      (entered.length > 0 ? `已填报全年预计执行数的 ${entered.length} 个项目预计全年执行 ${forecast} 元。` : ''),
    `绩效指标共 ${indicators.length} 个：预计确定能完成 ${count('确定能')} 个，有可能完成 ${count('有可能')} 个，` +
      `不可能完成 ${count('不可能')} 个，未填报 ${count('')} 个。`,
  ];
}

function atRisk(project: StatementProject): StatementIndicator[] {
  return project.indicators.filter((i) => i.likelihood === '有可能' || i.likelihood === '不可能');
}

function deviations(statement: MonitoringStatement): string[] {
  return statement.projects.flatMap((project) => {
    const lines: string[] = [];
    const budget = project.fullYearBudget === null ? null : parseAmountToCents(project.fullYearBudget);
    const forecast = project.forecastFullYear === null ? null : parseAmountToCents(project.forecastFullYear);
    if (budget !== null && forecast !== null && forecast < budget) {
      lines.push(
        `“${project.name}”预计全年执行 ${project.forecastFullYear} 元，低于全年预算数 ${project.fullYearBudget} 元。`,
      );
    }
    for (const indicator of atRisk(project)) {
      const causes = indicator.categories.length > 0 ? indicator.categories.join('、') : '未分类';
      lines.push(
        `“${project.name}”的指标“${indicator.name}”（年度指标值 ${indicator.target}）：1-${statement.month}月执行情况` +
          `${indicator.valueToDate || '未填'}，预计全年${indicator.forecast || '未填'}，完成目标可能性为${indicator.likelihood}。` +
          `偏差原因：${causes}；${indicator.reason}`,
      );
    }
    return lines;
  });
}

function measures(statement: MonitoringStatement): string[] {
  return statement.projects.flatMap((project) =>
    atRisk(project)
      .filter((i) => i.measures.trim() !== '')
      .map((i) => `“${project.name}”的指标“${i.name}”：${i.measures}`),
  );
}

function actions(statement: MonitoringStatement): string[] {
  return statement.actions.map((action) => {
    const target = action.projectCode === null ? '本单位' : `项目 ${action.projectCode}`;
    const reply = action.reply ? `；单位答复：${action.reply}` : '';
    return `${action.kind}（${target}，整改期限 ${action.deadline}）：${action.body}。整改状态：${action.state}${reply}`;
  });
}
