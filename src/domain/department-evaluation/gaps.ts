import type { DepartmentEvaluationInput } from './model.ts';
import type { DepartmentEvaluationScore } from './score.ts';

export interface FormGap {
  path: (string | number)[];
  message: string;
}

/**
 * What keeps a 整体自评表 from being submitted, one gap per field, in the form's order (decision 045): the
 * money, each indicator's actual / decision / 偏差原因, each management item's score and, below full points,
 * its reason. Paths point into the form (indicators by the targets' order, management by the policy's).
 */
export function departmentEvaluationGaps(score: DepartmentEvaluationScore, form: DepartmentEvaluationInput): FormGap[] {
  const gaps: FormGap[] = [];
  const execution = score.performance.execution;
  if (execution.missing) gaps.push({ path: ['budget', 'fiscal', 'spent'], message: '缺少全年预算数或全年执行数' });
  else if (execution.deviationRequired && form.executionReason.trim() === '')
    gaps.push({ path: ['executionReason'], message: '预算执行率偏离，须说明原因' });
  if (!score.performance.scorable)
    gaps.push({ path: ['indicators'], message: '部门整体目标尚无可评分的绩效指标，请先在部门页面编辑整体指标' });
  score.performance.indicators.forEach((indicator, k) => {
    const entry = form.indicators.find((i) => i.name === indicator.name);
    const label = `指标“${indicator.name}”`;
    if (indicator.missing) gaps.push({ path: ['indicators', k, 'actual'], message: `${label}缺少实际完成值` });
    else if (indicator.decision !== null)
      gaps.push({ path: ['indicators', k, 'band'], message: `${label}须由评价人选择评价档次` });
    else if (indicator.deviationRequired && !entry?.deviationReason?.trim())
      gaps.push({ path: ['indicators', k, 'deviationReason'], message: `${label}未完成或超额，须填写偏差原因` });
  });
  score.management.forEach((item, i) => {
    if (item.missing) gaps.push({ path: ['management', i, 'score'], message: `“${item.name}”尚未评分` });
    else if (item.reasonRequired)
      gaps.push({ path: ['management', i, 'reason'], message: `“${item.name}”未得满分，须说明扣分理由` });
  });
  return gaps;
}
