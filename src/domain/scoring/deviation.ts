import type { GapReason, GapSubject } from '../errors.ts';
import type { ProjectActuals, ProjectScore } from './score-project.ts';

export interface MissingAnalysis {
  project: string;
  /** null for the budget execution row. */
  indicator: string | null;
  path: (string | number)[];
  message: string;
  /** The gap's key and what it names, for the web to word it in English (decision 043). */
  reason: GapReason;
  subject: GapSubject;
}

/**
 * What a 自评表 still lacks before it may be finalised: a 偏差原因分析及改进措施 for every missed or far
 * over-achieved indicator (财预〔2020〕10号), and a reason for execution below 90 % or above 100 %.
 */
export function missingDeviationAnalysis(score: ProjectScore, actuals: ProjectActuals | null): MissingAnalysis[] {
  const found: MissingAnalysis[] = [];
  if (score.execution.deviationRequired && !actuals?.executionReason?.trim()) {
    const over = score.execution.flag === 'over-spent';
    found.push({
      project: score.code,
      indicator: null,
      path: ['executionReason'],
      message: over
        ? `项目 ${score.code}：执行数超过调整后预算数（执行率高于 100%），须说明原因`
        : `项目 ${score.code}：预算执行率低于要求，须说明原因`,
      reason: over ? 'gap.evaluation.over-spent-reason' : 'gap.evaluation.under-spent-reason',
      subject: { project: score.code },
    });
  }
  score.indicators.forEach((indicator, i) => {
    if (!indicator.deviationRequired) return;
    const entry = actuals?.indicators.find((a) => a.name.trim() === indicator.name.trim());
    if (entry?.deviationReason?.trim()) return;
    const why = indicator.overAchieved ? '大幅超出年度指标值' : '未达到年度指标值';
    found.push({
      project: score.code,
      indicator: indicator.name,
      path: ['indicators', i, 'deviationReason'],
      message: `项目 ${score.code} 指标“${indicator.name}”${why}，须填写偏差原因分析及改进措施`,
      reason: indicator.overAchieved ? 'gap.evaluation.over-achieved-reason' : 'gap.evaluation.missed-reason',
      subject: { project: score.code, indicator: indicator.name },
    });
  });
  return found;
}
