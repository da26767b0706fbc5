import { STANDARD_LEVEL1, STANDARD_LEVEL2 } from '../indicator-category.ts';
import type { Indicator, IndicatorCategory } from '../targets.ts';
import { CATEGORY_NAME, nameTraits, squash } from './name-traits.ts';
import { forEachIndicator, forEachProject, hit, indicatorLabel, NONE } from './project-walk.ts';
import type { Hit, ReviewRule } from './types.ts';

/*
 * 完整性 (财预〔2015〕88号 第三条（一）: 绩效目标的内容是否完整、明确、清晰): the indicator table in the required
 * form — standard 一级 names, each indicator filed under the right 一级/二级, no name twice. Ids keep their
 * historical prefix (decision 032).
 */

const level1Name: ReviewRule = {
  id: 'appropriateness.level1-name',
  criterion: '完整性',
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
  criterion: '完整性',
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
  criterion: '完整性',
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
  criterion: '完整性',
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

export const FORM_RULES: readonly ReviewRule[] = [level1Name, level1Unknown, misclassified, duplicateIndicator];
