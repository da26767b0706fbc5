import type { NoticeFacts, ProjectFacts, SectionKey, SelfReportFacts } from './types.ts';
import { MISSING, clause, gradeConsequence, indicatorLine, money, noticeLines, percent, points } from './wording.ts';

/*
 * The generated text of a project's 自评报告, section by section: every figure from the stored targets, actuals,
 * scores and reasons; a fact the unit has not entered reads 未填写, never a guess.
 */
export function projectSections(facts: SelfReportFacts, project: ProjectFacts): Record<SectionKey, string> {
  return {
    basics: basics(facts, project).join('\n'),
    goals: goals(project).join('\n'),
    deviation: deviation(project).join('\n'),
    improvement: improvement(project).join('\n'),
    results: results(project, facts.notices).join('\n'),
  };
}

function basics(facts: SelfReportFacts, project: ProjectFacts): string[] {
  const { total, fiscal, other } = project.budget;
  return [
    `${facts.unitName}${facts.fiscalYear}年度“${project.name}”项目（项目编码 ${project.code}），` +
      `年初预算 ${money(total)}，其中财政资金 ${money(fiscal)}、其他资金 ${money(other)}；` +
      `调整后预算 ${money(project.adjustedBudget)}。`,
    `项目资金用途：${clause(project.purpose)}。`,
  ];
}

function goals(project: ProjectFacts): string[] {
  const goalText = project.goals.length === 0 ? MISSING : project.goals.map((g) => clause(g)).join('；');
  const scored = project.indicators.filter((i) => !i.notApplicable);
  const missed = scored.filter((i) => i.met === false).length;
  return [
    `年度绩效目标：${goalText}。`,
    `全年执行 ${money(project.spent)}，预算执行率 ${percent(project.executionRate)}。`,
    `设置绩效指标 ${project.indicators.length} 个，其中已完成 ${scored.filter((i) => i.met === true).length} 个、` +
      `未完成 ${missed} 个。各指标完成情况如下：`,
    ...project.indicators.map(indicatorLine),
    project.score === null || project.incomplete
      ? '项目自评评分尚未完成（数据不完整）。'
      : `项目自评得分 ${points(project.score)}，评价等级为“${project.grade ?? MISSING}”。`,
  ];
}

/** 10号: execution below 90 % or above 100 % needs a reason, and so does every missed indicator. */
export function executionDeviates(rate: number | null): boolean {
  return rate !== null && (rate < 90 || rate > 100);
}

function deviation(project: ProjectFacts): string[] {
  const lines: string[] = [];
  if (executionDeviates(project.executionRate)) {
    lines.push(`预算执行率为 ${percent(project.executionRate)}，原因：${clause(project.executionReason)}。`);
  }
  for (const indicator of project.indicators) {
    if (indicator.met !== false && indicator.deviationReason.trim() === '') continue;
    lines.push(
      `“${indicator.name}”目标值 ${clause(indicator.target)}，实际完成值 ${clause(indicator.actual ?? '')}，` +
        `偏差原因：${clause(indicator.deviationReason)}。`,
    );
  }
  return lines.length > 0 ? lines : [noDeviation(project)];
}

/** Said only as far as the data says it: undecided indicators or an unknown rate are named, not assumed fine. */
function noDeviation(project: ProjectFacts): string {
  const undecided = project.indicators.filter((i) => !i.notApplicable && i.met === null).length;
  if (undecided > 0 || project.executionRate === null) {
    return `未发现未完成的绩效指标；尚未评定完成情况的指标 ${undecided} 个，预算执行率 ${percent(project.executionRate)}。`;
  }
  return '各项绩效指标均已完成，预算执行率在 90%—100% 之间，未出现需要分析的偏差。';
}

function improvement(project: ProjectFacts): string[] {
  const lines = project.indicators
    .filter((i) => i.improvementMeasures.trim() !== '' || i.met === false)
    .map((i) => `“${i.name}”：${clause(i.improvementMeasures)}。`);
  return lines.length > 0 ? lines : [`存在的问题及改进措施：${MISSING}。`];
}

function results(project: ProjectFacts, notices: readonly NoticeFacts[] | undefined): string[] {
  return [
    `本项目${project.incomplete ? '' : `自评得分 ${points(project.score)}，`}${gradeConsequence(project.incomplete ? null : project.grade)}`,
    ...noticeLines(notices?.filter((n) => n.projectCode === project.code)),
    `具体应用措施：${MISSING}。`,
  ];
}
