import { BoundedCache } from '../bounded-cache.ts';
import { STANDARD_LEVEL1, STANDARD_LEVEL2 } from '../indicator-category.ts';
import { looksUnparsedNumber } from '../target-value.ts';
import type { Indicator, IndicatorCategory } from '../targets.ts';
import { forEachIndicator, forEachProject, hit, indicatorLabel, NONE } from './project-walk.ts';
import type { Hit, ReviewRule } from './types.ts';

/**
 * Names without their spaces. Nearly every name has none: a scan of its characters answers that
 * without the regex's new string or a cache's hashing.
 */
function squash(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (mayBeSpace(text.charCodeAt(i))) return text.replace(/[\s\u3000]+/g, '');
  }
  return text;
}

/** Every code unit JavaScript's \s matches (and a few control characters, which the regex then keeps). */
function mayBeSpace(code: number): boolean {
  if (code < 0x2000) return code <= 32 || code === 0xa0 || code === 0x1680;
  return (
    code <= 0x200a ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const CATEGORY_NAME: Record<IndicatorCategory, string> = {
  output: '产出指标',
  benefit: '效益指标',
  satisfaction: '满意度指标',
  cost: '成本指标',
};

const targetParseable: ReviewRule = {
  id: 'appropriateness.target-parseable',
  criterion: '适当性',
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
  criterion: '适当性',
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

/** Rates where more is better, and quantities where less is better (guide §4 rule 5). */
const HIGHER_IS_BETTER =
  /(?:完成|覆盖|发放|达标|合格|满意|及时|到位|知晓|参与|执行|使用|受益|普及|办结|回复|处理|入会|建会|登记|准确|完好|利用)率|满意度/;
const LOWER_IS_BETTER = /成本|费用|单价|投诉|差错|错误|事故|故障|失误|违规|超支|损失|延误|返工|不合格|发生率|误差/;

/**
 * What the rules read from a level-3 name, by regex: remembered per name, since a city's indicators
 * share a few thousand names (满意度, 完成率 …) across hundreds of thousands of rows (bounded).
 */
interface NameTraits {
  higherIsBetter: boolean;
  lowerIsBetter: boolean;
  growth: boolean;
  input: boolean;
  moneyResult: boolean;
  satisfaction: boolean;
  quality: boolean;
}

const traitsByName = new BoundedCache<string, NameTraits>(20_000);
const readTraits = (name: string): NameTraits => ({
  higherIsBetter: HIGHER_IS_BETTER.test(name),
  lowerIsBetter: LOWER_IS_BETTER.test(name),
  growth: GROWTH.test(name),
  input: INPUT_NAME.test(name),
  moneyResult: MONEY_RESULT.test(name),
  satisfaction: /满意/.test(name),
  quality: /合格率|达标率|准确率|完好率|完成率|验收/.test(name),
});
const nameTraits = (name: string): NameTraits => traitsByName.remember(name, readTraits);

const operatorDirection: ReviewRule = {
  id: 'appropriateness.operator-direction',
  criterion: '适当性',
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

const GROWTH = /增长|增幅|增速|提高|提升/;

const percentRange: ReviewRule = {
  id: 'appropriateness.percent-range',
  criterion: '适当性',
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
  criterion: '适当性',
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

/** Money or staff put in is an input, not a result (guide §3): "投入资金20万元" is a defect. */
const INPUT_NAME = /投入|资金量|资金规模|资金总额|经费额|预算数|预算额|预算金额|拨付金额|人员数量|工作人员数/;
const MONEY_UNIT = /^(?:元|万元|亿元)$/;
const MONEY_RESULT = /成本|节约|节省|收入|增收|效益|带动|撬动|降低|减少/;

const inputIndicator: ReviewRule = {
  id: 'appropriateness.input-indicator',
  criterion: '适当性',
  severity: 'warning',
  title: '不以投入（资金、人员、物资）作为绩效指标',
  check: ({ document }) =>
    forEachIndicator(document, (indicator, index) => {
      const traits = nameTraits(indicator.name);
      const moneyAsOutput =
        indicator.category === 'output' &&
        squash(indicator.level2) === '数量指标' &&
        MONEY_UNIT.test(indicator.target.unit ?? '') &&
        !traits.moneyResult;
      if (!traits.input && !moneyAsOutput) return NONE;
      const label = indicatorLabel(indicator, index);
      return [
        hit(
          ['indicators', index, 'name'],
          `${label.zh}衡量的是投入（资金/人员），不是产出或效益`,
          `${label.en} measures an input (money/staff), not an output or outcome`,
        ),
      ];
    }),
};

const level1Name: ReviewRule = {
  id: 'appropriateness.level1-name',
  criterion: '适当性',
  severity: 'info',
  title: '一级指标使用标准名称（效果指标 → 效益指标 等同义写法给出提示）',
  check: ({ document }) =>
    forEachIndicator(document, (indicator, index) => {
      const written = squash(indicator.level1);
      if (written === '' || STANDARD_LEVEL1.some((entry) => entry.name === written)) return NONE;
      if (indicator.category === null) return NONE;
      const standard = CATEGORY_NAME[indicator.category];
      return [
        hit(
          ['indicators', index, 'level1'],
          `一级指标“${written}”是“${standard}”的非标准写法，建议改为“${standard}”`,
          `Level-1 “${written}” is a non-standard name for “${standard}”`,
        ),
      ];
    }),
};

const level1Unknown: ReviewRule = {
  id: 'appropriateness.level1-unknown',
  criterion: '适当性',
  severity: 'warning',
  title: '一级指标能归入产出 / 效益 / 满意度 / 成本指标之一',
  check: ({ document }) =>
    forEachIndicator(document, (indicator, index) => {
      const written = squash(indicator.level1);
      if (written === '' || indicator.category !== null) return NONE;
      return [
        hit(
          ['indicators', index, 'level1'],
          `一级指标“${written}”不是标准名称，无法归入产出/效益/满意度/成本指标`,
          `Level-1 “${written}” is not a standard category`,
        ),
      ];
    }),
};

/** Every standard 二级 name and synonym, squashed → its category: built once, looked up per indicator. */
const LEVEL2_CATEGORY: ReadonlyMap<string, IndicatorCategory> = (() => {
  const map = new Map<string, IndicatorCategory>();
  for (const [category, names] of Object.entries(STANDARD_LEVEL2) as [
    IndicatorCategory,
    typeof STANDARD_LEVEL2.output,
  ][]) {
    for (const entry of names) {
      for (const name of [entry.name, ...entry.synonyms].map(squash)) if (!map.has(name)) map.set(name, category);
    }
  }
  return map;
})();

function level2Category(level2: string): IndicatorCategory | null {
  return LEVEL2_CATEGORY.get(squash(level2)) ?? null;
}

/** What kind an indicator looks like from its level-3 name, when that contradicts its 一级. */
function misclassification(indicator: Indicator): { zh: string; en: string } | null {
  const traits = nameTraits(indicator.name);
  if (traits.satisfaction && indicator.category !== null && indicator.category !== 'satisfaction') {
    return {
      zh: '名称是满意度，却归在“' + indicator.level1 + '”下',
      en: `a satisfaction measure filed under “${indicator.level1}”`,
    };
  }
  if (indicator.category === 'satisfaction' && !traits.satisfaction) {
    return {
      zh: '归在满意度指标下，但名称不是满意度',
      en: 'filed under satisfaction but does not measure satisfaction',
    };
  }
  if (indicator.category === 'benefit' && traits.quality) {
    return {
      zh: '衡量的是完成情况或质量（产出指标），却归在效益指标下',
      en: 'measures completion or quality (an output) but is filed as a benefit',
    };
  }
  const level2 = level2Category(indicator.level2);
  if (
    level2 !== null &&
    indicator.category !== null &&
    level2 !== indicator.category &&
    !(level2 === 'output' && squash(indicator.level2) === '成本指标')
  ) {
    return {
      zh: `二级指标“${indicator.level2}”属于${CATEGORY_NAME[level2]}，不应放在“${indicator.level1}”下`,
      en: `level-2 “${indicator.level2}” belongs to ${CATEGORY_NAME[level2]}, not “${indicator.level1}”`,
    };
  }
  return null;
}

const misclassified: ReviewRule = {
  id: 'appropriateness.misclassified',
  criterion: '适当性',
  severity: 'warning',
  title: '指标归类正确（质量 vs 效益、满意度不作效益、二级指标与一级匹配）',
  check: ({ document }) =>
    forEachIndicator(document, (indicator, index) => {
      const problem = misclassification(indicator);
      if (problem === null) return NONE;
      const label = indicatorLabel(indicator, index);
      return [hit(['indicators', index, 'level1'], `${label.zh}${problem.zh}`, `${label.en} ${problem.en}`)];
    }),
};

const duplicateIndicator: ReviewRule = {
  id: 'appropriateness.duplicate-indicator',
  criterion: '适当性',
  severity: 'warning',
  title: '同一项目内三级指标名称不重复',
  check: ({ document }) =>
    forEachProject(document, (project) => {
      const seen = new Map<string, number>();
      let hits: Omit<Hit, 'project'>[] | undefined;
      project.indicators.forEach((indicator, index) => {
        const name = squash(indicator.name);
        const first = seen.get(name);
        if (name === '' || first === undefined) {
          if (name !== '') seen.set(name, index);
          return;
        }
        (hits ??= []).push(
          hit(
            ['indicators', index, 'name'],
            `第${index + 1}个指标“${indicator.name}”与第${first + 1}个指标重名`,
            `Indicator ${index + 1} “${indicator.name}” repeats indicator ${first + 1}`,
          ),
        );
      });
      return hits ?? NONE;
    }),
};

export const APPROPRIATENESS_RULES: readonly ReviewRule[] = [
  targetParseable,
  vagueTarget,
  operatorDirection,
  percentRange,
  basisStandard,
  inputIndicator,
  level1Name,
  level1Unknown,
  misclassified,
  duplicateIndicator,
];
