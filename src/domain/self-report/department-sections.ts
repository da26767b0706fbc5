import { addAmounts, parseAmountToCents } from '../money.ts';
import { executionPercent } from '../monitoring/plan.ts';
import { toFixed2 } from '../rational.ts';
import { executionDeviates } from './project-sections.ts';
import type { IndicatorFacts, ProjectFacts, SectionKey, SelfReportFacts } from './types.ts';
import { MISSING, clause, gradeConsequence, money, noticeLines, percent, points } from './wording.ts';

/** How many of the weakest indicators the department report names. */
const WEAKEST = 5;
const GRADES = ['优', '良', '中', '差'] as const;

/** The generated text of the department's 自评报告: a summary of every project and, when it exists, the 整体自评. */
export function departmentSections(facts: SelfReportFacts): Record<SectionKey, string> {
  return {
    basics: basics(facts).join('\n'),
    goals: goals(facts).join('\n'),
    deviation: deviation(facts).join('\n'),
    improvement: improvement(facts).join('\n'),
    results: results(facts).join('\n'),
  };
}

/** Σ of one amount over the projects that state it; null when none does. */
function total(projects: readonly ProjectFacts[], pick: (p: ProjectFacts) => string | null): string | null {
  const stated = projects.map(pick).filter((a): a is string => a !== null);
  return stated.length === 0 ? null : addAmounts(...stated);
}

/** Department-wide 执行率: Σ 执行数 / Σ 调整后预算数 over the projects with both. */
function departmentExecutionRate(projects: readonly ProjectFacts[]): number | null {
  const both = projects.filter((p) => p.spent !== null && p.adjustedBudget !== null);
  const spent = parseAmountToCents(total(both, (p) => p.spent) ?? '') ?? 0n;
  const rate = executionPercent(spent, parseAmountToCents(total(both, (p) => p.adjustedBudget) ?? ''));
  return rate === null ? null : toFixed2(rate);
}

function basics(facts: SelfReportFacts): string[] {
  const p = facts.projects;
  const goalText = facts.overallGoals.length === 0 ? MISSING : facts.overallGoals.map((g) => clause(g)).join('；');
  return [
    `${facts.unitName}${facts.fiscalYear}年度纳入绩效自评的项目共 ${p.length} 个，` +
      `年初预算合计 ${money(total(p, (x) => x.budget.total))}，其中财政资金 ${money(total(p, (x) => x.budget.fiscal))}、` +
      `其他资金 ${money(total(p, (x) => x.budget.other))}；调整后预算合计 ${money(total(p, (x) => x.adjustedBudget))}。`,
    `部门整体绩效目标：${goalText}。`,
  ];
}

function gradeCounts(projects: readonly ProjectFacts[]): Record<(typeof GRADES)[number] | '未定级', number> {
  const graded = (g: string) => projects.filter((p) => !p.incomplete && p.grade === g).length;
  const counts = { 优: graded('优'), 良: graded('良'), 中: graded('中'), 差: graded('差') };
  return { ...counts, 未定级: projects.length - GRADES.reduce((n, g) => n + counts[g], 0) };
}

/** The scored indicators with the lowest share of their weight, weakest first. */
function weakestIndicators(projects: readonly ProjectFacts[]): { project: string; indicator: IndicatorFacts }[] {
  return projects
    .flatMap((p) => p.indicators.map((indicator) => ({ project: p.name, indicator })))
    .filter(({ indicator: i }) => i.points !== null && i.weight !== null && i.weight > 0 && !i.notApplicable)
    .filter(({ indicator: i }) => i.points! < i.weight!)
    .sort((a, b) => a.indicator.points! / a.indicator.weight! - b.indicator.points! / b.indicator.weight!)
    .slice(0, WEAKEST);
}

function goals(facts: SelfReportFacts): string[] {
  const counts = gradeCounts(facts.projects);
  const weakest = weakestIndicators(facts.projects);
  const department = facts.department;
  return [
    `全年执行合计 ${money(total(facts.projects, (x) => x.spent))}，` +
      `预算执行率 ${percent(departmentExecutionRate(facts.projects))}。`,
    `项目平均得分 ${points(facts.meanScore)}；评价等级：优 ${counts.优} 个、良 ${counts.良} 个、中 ${counts.中} 个、` +
      `差 ${counts.差} 个，未定级 ${counts.未定级} 个。`,
    department === null
      ? `部门整体支出绩效自评：${MISSING}。`
      : `部门整体支出绩效自评得分 ${points(department.total)}，评价等级为“${department.grade ?? MISSING}”。`,
    weakest.length === 0
      ? '各已评分指标均得满分。'
      : '得分率最低的指标：' +
        weakest
          .map(
            ({ project, indicator: i }) =>
              `“${project}”的“${i.name}”（目标值 ${clause(i.target)}，实际完成值 ${clause(i.actual ?? '')}，` +
              `得分 ${i.points!.toFixed(2)}/${i.weight!.toFixed(2)} 分）`,
          )
          .join('；') +
        '。',
  ];
}

function deviation(facts: SelfReportFacts): string[] {
  const lines = facts.projects.flatMap((p) => {
    const missed = p.indicators.filter((i) => i.met === false);
    const parts = [
      ...(executionDeviates(p.executionRate)
        ? [`预算执行率 ${percent(p.executionRate)}，原因：${clause(p.executionReason)}`]
        : []),
      ...missed.map((i) => `“${i.name}”未完成，原因：${clause(i.deviationReason)}`),
    ];
    return parts.length === 0 ? [] : [`“${p.name}”：${parts.join('；')}。`];
  });
  return lines.length > 0 ? lines : ['各项目未出现未完成的绩效指标，预算执行率均在 90%—100% 之间或尚未填报。'];
}

function improvement(facts: SelfReportFacts): string[] {
  const lines = facts.projects.flatMap((p) => {
    const measures = p.indicators.filter((i) => i.improvementMeasures.trim() !== '');
    return measures.length === 0
      ? []
      : [`“${p.name}”：${measures.map((i) => clause(i.improvementMeasures)).join('；')}。`];
  });
  return lines.length > 0 ? lines : [`存在的问题及改进措施：${MISSING}。`];
}

function results(facts: SelfReportFacts): string[] {
  const flagged = facts.projects.filter((p) => !p.incomplete && (p.grade === '中' || p.grade === '差'));
  return [
    ...(facts.department === null ? [] : [`部门整体：${gradeConsequence(facts.department.grade)}`]),
    flagged.length === 0
      ? '本年度无评价等级为“中”或“差”的项目；评价结果作为下一年度预算安排的参考。'
      : `评价等级为“中”或“差”的项目：${flagged.map((p) => `“${p.name}”（${p.grade}）`).join('、')}，` +
        '按规定在下一年度预算安排中予以重点审核，并对存在的问题限期整改。',
    ...noticeLines(facts.notices, (n) => {
      if (n.projectCode === null) return '';
      const name = facts.projects.find((p) => p.code === n.projectCode)?.name;
      return `关于“${name ?? n.projectCode}”，`;
    }),
    `具体应用措施：${MISSING}。`,
  ];
}
