import type { Amount } from '../money.ts';
import type { IndicatorFacts, NoticeFacts } from './types.ts';

/** The fixed words the generated text is built from; every fact comes from the stored data, a missing one says so. */
export const MISSING = '未填写';

export const money = (amount: Amount | null): string => (amount === null ? MISSING : `${amount} 元`);

export const percent = (value: number | null): string => (value === null ? MISSING : `${value.toFixed(2)}%`);

export const points = (value: number | null): string => (value === null ? '未评分' : `${value.toFixed(2)} 分`);

const orMissing = (text: string | null | undefined): string =>
  text === null || text === undefined || text.trim() === '' ? MISSING : text.trim();

/** Without the closing 。 a text may already have, so that a sentence can end it once. */
export const clause = (text: string): string => orMissing(text).replace(/[。；;.\s]+$/u, '');

export function indicatorLine(indicator: IndicatorFacts): string {
  const head = `${indicator.level2 ? `${indicator.level2}“` : '“'}${indicator.name}”`;
  if (indicator.notApplicable) return `${head}：目标值 ${clause(indicator.target)}，本年度不适用。`;
  const score =
    indicator.points === null || indicator.weight === null
      ? '未评分'
      : `得分 ${indicator.points.toFixed(2)} 分（权重 ${indicator.weight.toFixed(2)} 分）`;
  const state = indicator.met === false ? '，未完成目标' : indicator.met === true ? '，已完成目标' : '';
  return `${head}：目标值 ${clause(indicator.target)}，实际完成值 ${clause(indicator.actual ?? '')}，${score}${state}。`;
}

/** The fixed consequence of a grade (财预〔2020〕10号: results feed the next budget; 中/差 are raised there). */
export function gradeConsequence(grade: string | null): string {
  if (grade === null) return '评价等级尚未确定（评分数据不完整），结果应用待评分完成后确定。';
  if (grade === '中' || grade === '差') {
    return `评价等级为“${grade}”，按规定在下一年度预算安排中予以重点审核，并对存在的问题限期整改。`;
  }
  return `评价等级为“${grade}”，评价结果作为下一年度预算安排的参考。`;
}

/**
 * The 整改通知 in 结果应用 (decision 048): each with its problem, requirement, deadline, state and the unit's
 * reply; `about` names what a notice concerns where the report covers more than one project. Nothing when the
 * facts predate notices (a frozen report), one line saying so when none was issued.
 */
export function noticeLines(
  notices: readonly NoticeFacts[] | undefined,
  about: (notice: NoticeFacts) => string = () => '',
): string[] {
  if (notices === undefined) return [];
  if (notices.length === 0) return ['整改通知：本年度未下达整改通知。'];
  return notices.map(
    (n, index) =>
      `整改通知${notices.length > 1 ? `（${index + 1}）` : ''}：${about(n)}问题：${clause(n.problem)}；` +
      `整改要求：${clause(n.requirement)}；整改期限：${n.deadline}；状态：${n.state}；单位答复：${clause(n.reply ?? '')}。`,
  );
}
