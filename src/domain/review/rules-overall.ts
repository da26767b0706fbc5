import { extractNarrativeIndicators } from './narrative.ts';
import type { Hit, ReviewRule } from './types.ts';

const DIGITS = '零一二三四五六七八九';

/** "（六）" → 6, "十二、" → 12; null when the label carries no Chinese or Arabic number. */
export function labelNumber(label: string): number | null {
  const arabic = /\d+/.exec(label);
  if (arabic) return Number(arabic[0]);
  const match = /[零一二三四五六七八九十]+/.exec(label);
  if (!match) return null;
  const text = match[0];
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? DIGITS.indexOf(text) : null;
  const tens = ten === 0 ? 1 : DIGITS.indexOf(text[ten - 1]!);
  const ones = ten === text.length - 1 ? 0 : DIGITS.indexOf(text[ten + 1]!);
  return tens * 10 + ones;
}

function numberingHits(
  numbers: (number | null)[],
  pathOf: (index: number) => (string | number)[],
  labelOf: (index: number) => string,
  where: string,
  whereEn: string,
): Hit[] {
  const hits: Hit[] = [];
  let expected = 1;
  numbers.forEach((number, index) => {
    if (number === null) return;
    if (number !== expected) {
      const previous = index > 0 ? labelOf(index - 1) : '开头';
      const missing =
        number > expected
          ? `，缺少第 ${expected}${number - expected > 1 ? `–${number - 1}` : ''} 项`
          : '，编号重复或倒退';
      hits.push({
        project: null,
        path: pathOf(index),
        message: `${where}编号从${previous}跳到${labelOf(index)}${missing}`,
        messageEn: `${whereEn}: numbering jumps from ${previous} to ${labelOf(index)} (expected ${expected})`,
      });
    }
    expected = number + 1;
  });
  return hits;
}

const overallNumbering: ReviewRule = {
  id: 'completeness.overall-numbering',
  criterion: '完整性',
  severity: 'warning',
  title: '部门整体目标和工作保障措施的编号连续，没有缺号（如（四）→（六））',
  check: ({ document }) => {
    const { goals, measures } = document.overall;
    const goalHits = numberingHits(
      goals.map((g) => g.seq),
      (i) => ['overall', 'goals', i],
      (i) => `${goals[i]!.seq}.`,
      '总体绩效目标',
      'Overall goals',
    );
    const sectionHits = numberingHits(
      measures.map((m) => labelNumber(m.heading.slice(0, 4))),
      (i) => ['overall', 'measures', i, 'heading'],
      (i) => `“${measures[i]!.heading.slice(0, 3)}”`,
      '工作保障措施',
      'Work measures',
    );
    const itemHits = measures.flatMap((section, s) =>
      numberingHits(
        section.items.map((item) => labelNumber(item.label)),
        (i) => ['overall', 'measures', s, 'items', i, 'label'],
        (i) => section.items[i]!.label,
        `工作保障措施“${section.heading.slice(0, 12)}…”中`,
        `Work measures section ${s + 1}`,
      ),
    );
    return [...goalHits, ...sectionHits, ...itemHits];
  },
};

const overallGoalDetail: ReviewRule = {
  id: 'completeness.overall-goal-detail',
  criterion: '完整性',
  severity: 'info',
  title: '每条总体绩效目标在分项绩效目标中都有展开说明',
  check: ({ document }) =>
    document.overall.goals.flatMap((goal, index) =>
      goal.detail === null || goal.detail.trim() === ''
        ? [
            {
              project: null,
              path: ['overall', 'goals', index],
              message: `总体绩效目标第${goal.seq}条“${goal.title}”没有分项绩效目标说明`,
              messageEn: `Overall goal ${goal.seq} has no detailed paragraph`,
            },
          ]
        : [],
    ),
};

const overallQuantified: ReviewRule = {
  id: 'appropriateness.overall-quantified',
  // 可行性: a goal without a quantity cannot be measured (88号 第三条（四）); the id is historical (decision 032).
  criterion: '可行性',
  severity: 'info',
  title: '部门整体目标中可量化的比例（提示：其余目标只有定性描述）',
  check: ({ document }) => {
    const goals = document.overall.goals;
    if (goals.length === 0) return [];
    const quantified = new Set(extractNarrativeIndicators(document.overall).map((n) => n.goalIndex)).size;
    if (quantified * 2 >= goals.length) return [];
    return [
      {
        project: null,
        path: ['overall', 'goals'],
        message: `部门整体目标 ${goals.length} 条中只有 ${quantified} 条含可量化的目标值，其余仅为定性描述`,
        messageEn: `Only ${quantified} of ${goals.length} department goals state a measurable quantity`,
      },
    ];
  },
};

export const OVERALL_RULES: readonly ReviewRule[] = [overallNumbering, overallGoalDetail, overallQuantified];
