import { describeTargetKind, looksUnparsedNumber } from '../target-value.ts';
import type { Indicator } from '../targets.ts';
import { nameTraits, squash } from './name-traits.ts';
import { forEachIndicator, hit, indicatorLabel, NONE } from './project-walk.ts';
import type { ReviewRule } from './types.ts';

/*
 * 可行性 (财预〔2015〕88号 第三条（四）: 绩效目标是否经过充分论证和合理测算): a target can be measured — a readable
 * number, no vague word, the comparison pointing the right way, a possible percentage, a stated basis, and for a
 * quantitative indicator how it is computed. Ids keep their historical prefix (decision 032).
 */

const targetParseable: ReviewRule = {
  id: 'appropriateness.target-parseable',
  criterion: '可行性',
  severity: 'warning',
  title: '含数字的指标值能被读成“运算符 + 数值 + 单位”',
  check: ({ document }) =>
    forEachIndicator(document, (indicator, index) => {
      if (!looksUnparsedNumber(indicator.target)) return NONE;
      const label = indicatorLabel(indicator, index);
      return [
        hit(
          ['indicators', index, 'target'],
          `${label.zh}的指标值“${indicator.target.raw}”无法读成可比较的数值（如 ≥90%）`,
          `${label.en}: the target “${indicator.target.raw}” cannot be read as a comparable value (e.g. ≥90%)`,
        ),
      ];
    }),
};

const vagueTarget: ReviewRule = {
  id: 'appropriateness.vague-target',
  criterion: '可行性',
  severity: 'warning',
  title: '指标值不用“有所提高”“进一步”等模糊词代替具体数值或等级（vagueWords）',
  check: ({ document, policy }) =>
    forEachIndicator(document, (indicator, index) => {
      if (indicator.target.value !== null || indicator.target.op === 'range') return NONE;
      const word = policy.vagueWords.find((vague) => indicator.target.raw.includes(vague));
      if (word === undefined) return NONE;
      const label = indicatorLabel(indicator, index);
      return [
        hit(
          ['indicators', index, 'target'],
          `${label.zh}的指标值“${indicator.target.raw}”含模糊表述“${word}”，应给出数值或等级`,
          `${label.en}: the target “${indicator.target.raw}” is vague (“${word}”); give a number or a grade`,
        ),
      ];
    }),
};

const operatorDirection: ReviewRule = {
  id: 'appropriateness.operator-direction',
  criterion: '可行性',
  severity: 'warning',
  title: '运算符方向与指标性质一致：成本、差错、投诉类用 ≤；完成率、覆盖率类用 ≥ 或 =',
  check: ({ document }) =>
    forEachIndicator(document, (indicator, index) => {
      const op = indicator.target.op;
      if (op === null || op === 'range' || op === '=') return NONE;
      const label = indicatorLabel(indicator, index);
      const path = ['indicators', index, 'target'];
      const traits = nameTraits(indicator.name);
      if (traits.higherIsBetter) {
        if (op === '<=' || op === '<')
          return [
            hit(
              path,
              `${label.zh}越高越好，指标值应使用 ≥ 或 =（现为“${indicator.target.raw}”）`,
              `${label.en} is better when higher: use ≥ or = (is “${indicator.target.raw}”)`,
            ),
          ];
        return NONE;
      }
      if (traits.lowerIsBetter && (op === '>=' || op === '>')) {
        return [
          hit(
            path,
            `${label.zh}越低越好，指标值应使用 ≤（现为“${indicator.target.raw}”）`,
            `${label.en} is better when lower: use ≤ (is “${indicator.target.raw}”)`,
          ),
        ];
      }
      return NONE;
    }),
};

const percentRange: ReviewRule = {
  id: 'appropriateness.percent-range',
  criterion: '可行性',
  severity: 'error',
  title: '百分比指标值在 0–100 之间（增长率可超过 100，±区间可为负）',
  check: ({ document }) =>
    forEachIndicator(document, (indicator, index) => {
      const target = indicator.target;
      if (target.unit !== '%' && target.unit !== '百分比') return NONE;
      const isBand = /^\s*(?:±|\+-|\+\/-)/.test(target.raw);
      const values = [target.value, isBand ? null : target.min, target.max].filter(
        (v): v is number => v !== null && v !== undefined,
      );
      const growth = nameTraits(indicator.name).growth;
      const bad = values.find((v) => (v < 0 && !isBand) || (v > 100 && !growth));
      if (bad === undefined) return NONE;
      const label = indicatorLabel(indicator, index);
      return [
        hit(
          ['indicators', index, 'target'],
          `${label.zh}的百分比 ${bad}% 超出 0–100 范围`,
          `${label.en}: ${bad}% is outside 0–100`,
        ),
      ];
    }),
};

const basisStandard: ReviewRule = {
  id: 'appropriateness.basis',
  criterion: '可行性',
  severity: 'warning',
  title: '指标值确定依据为 计划标准 / 行业标准 / 历史标准 / 其他（allowedBases）',
  check: ({ document, policy }) =>
    forEachIndicator(document, (indicator, index) => {
      const basis = squash(indicator.basis);
      if (policy.allowedBases.includes(basis)) return NONE;
      const label = indicatorLabel(indicator, index);
      const shown = basis === '' ? '未填写' : `为“${indicator.basis}”`;
      return [
        hit(
          ['indicators', index, 'basis'],
          `${label.zh}的指标值确定依据${shown}，应为${policy.allowedBases.join('、')}之一`,
          `${label.en}: the basis ${basis === '' ? 'is missing' : `“${indicator.basis}” is not standard`}; use one of ${policy.allowedBases.join(', ')}`,
        ),
      ];
    }),
};

/** A column of a provincial layout that says how an indicator is measured (kept in extras). */
const METHOD_COLUMN = /公式|计算|数据来源|取值|口径|评分标准|考核方法/;

function isQuantitative(indicator: Indicator): boolean {
  return indicator.nature === 'quantitative' || indicator.target.value !== null || indicator.target.op === 'range';
}

function statesMethod(indicator: Indicator): boolean {
  if (indicator.description.trim() !== '') return true;
  return Object.entries(indicator.extras ?? {}).some(
    ([label, text]) => METHOD_COLUMN.test(label) && text.trim() !== '',
  );
}

const quantitativeMeasurable: ReviewRule = {
  id: 'feasibility.quantitative-measurable',
  criterion: '可行性',
  severity: 'warning',
  title: '定量指标有数值，并说明计算方法或数据来源（指标解释 / 计算公式 / 数据来源栏，requireMeasurementMethod）',
  check: ({ document, policy }) =>
    forEachIndicator(document, (indicator, index) => {
      if (!isQuantitative(indicator)) return NONE;
      const label = indicatorLabel(indicator, index);
      const kind = describeTargetKind(indicator.target);
      const noNumber =
        indicator.target.value === null &&
        indicator.target.op !== 'range' &&
        kind !== 'empty' &&
        kind !== 'missing-number';
      if (noNumber)
        return [
          hit(
            ['indicators', index, 'target'],
            `${label.zh}是定量指标，指标值“${indicator.target.raw}”却没有数值`,
            `${label.en} is quantitative but its target “${indicator.target.raw}” has no number`,
          ),
        ];
      if (!policy.requireMeasurementMethod || statesMethod(indicator)) return NONE;
      return [
        hit(
          ['indicators', index, 'description'],
          `${label.zh}是定量指标，未说明计算方法或数据来源（指标解释为空）`,
          `${label.en} is quantitative but states no formula or source of data`,
        ),
      ];
    }),
};

export const MEASURABILITY_RULES: readonly ReviewRule[] = [
  targetParseable,
  vagueTarget,
  operatorDirection,
  percentRange,
  basisStandard,
  quantitativeMeasurable,
];
