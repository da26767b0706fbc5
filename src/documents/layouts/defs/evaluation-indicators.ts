import type { LayoutDef } from '../layout.ts';
import { LEVELS } from './common.ts';

/** 绩效评价指标表 (评价指标体系 with 评分): 一级 | 二级 | 三级 | 分值 | 评分标准 | 得分, for a project or a department. */
export const EVALUATION_INDICATORS: LayoutDef = {
  id: 'evaluation-indicators',
  name: '绩效评价指标表',
  kind: 'evaluation-indicators',
  title: '绩效评价指标表',
  titleWords: ['评价指标'],
  signature: ['评分标准', '指标解释', '分值', '得分'],
  header: [[{ field: 'projectName', label: '项目名称' }]],
  indicators: {
    shape: 'tree',
    columns: [
      ...LEVELS,
      { field: 'weight', label: '分值' },
      { field: 'description', label: '评分标准' },
      { field: 'score', label: '得分' },
    ],
  },
  footer: [{ field: 'totalScore', label: '总分' }],
  moneyUnit: { unit: '元', stated: 'above' },
};
