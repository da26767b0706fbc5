import type { ReviewRule } from './types.ts';

/**
 * 结果应用 (decision 048): last year's 自评 feeds this year's review. A project graded 差 last year (matched by
 * code, else by name: `matchLastYear`) is shown to the reviewer as a suggestion, never as a defect of the targets.
 */
const lastYearPoor: ReviewRule = {
  id: 'feasibility.last-year-poor',
  // 可行性: whether the targets can be reached is read against how the project did last year (88号 第三条（四）).
  criterion: '可行性',
  severity: 'info',
  title: '上年自评为差（提示：关注本年目标能否实现及整改落实）',
  check: ({ document, lastYear }) =>
    (lastYear ?? [])
      .filter((match) => match.grade === '差' && document.projects.some((p) => p.code === match.projectCode))
      .map((match) => {
        const score = match.score === null ? '' : `（${match.score} 分）`;
        const scoreEn = match.score === null ? '' : ` (${match.score} points)`;
        const open = match.openNotices > 0 ? `，仍有 ${match.openNotices} 项整改未完成` : '';
        const openEn = match.openNotices > 0 ? `; ${match.openNotices} rectification notice(s) still open` : '';
        return {
          project: match.projectCode,
          path: [],
          message: `该项目上年自评为差${score}${open}`,
          messageEn: `Last year's self-evaluation of this project was 差 (poor)${scoreEn}${openEn}`,
        };
      }),
};

export const FOLLOW_THROUGH_RULES: readonly ReviewRule[] = [lastYearPoor];
