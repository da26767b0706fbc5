import type { IndicatorCategory } from './targets.ts';

/**
 * The standard indicator framework (guide §3) as data: the web's drop-downs offer `name`, and importers
 * accept `synonyms` too while keeping the text as written.
 */
export interface StandardIndicatorName {
  name: string;
  /** Other spellings seen in real documents that mean the same thing. */
  synonyms: readonly string[];
}

export interface StandardLevel1 extends StandardIndicatorName {
  category: IndicatorCategory;
}

export const STANDARD_LEVEL1: readonly StandardLevel1[] = [
  { name: '产出指标', category: 'output', synonyms: ['预期产出指标'] },
  { name: '效益指标', category: 'benefit', synonyms: ['效果指标'] },
  { name: '满意度指标', category: 'satisfaction', synonyms: [] },
  // 财预〔2021〕101号 makes 成本指标 a 一级 of its own (guide marks this "verify"); older forms keep it under 产出.
  { name: '成本指标', category: 'cost', synonyms: [] },
];

export const STANDARD_LEVEL2: Readonly<Record<IndicatorCategory, readonly StandardIndicatorName[]>> = {
  output: [
    { name: '数量指标', synonyms: [] },
    { name: '质量指标', synonyms: [] },
    { name: '时效指标', synonyms: ['时效指标(工期指标)', '时效指标（工期指标）'] },
    { name: '成本指标', synonyms: [] },
  ],
  benefit: [
    { name: '经济效益指标', synonyms: [] },
    { name: '社会效益指标', synonyms: [] },
    { name: '生态效益指标', synonyms: ['环境效益指标'] },
    { name: '可持续影响指标', synonyms: [] },
  ],
  satisfaction: [{ name: '服务对象满意度指标', synonyms: ['社会公众或服务对象满意度指标'] }],
  cost: [
    { name: '经济成本指标', synonyms: [] },
    { name: '社会成本指标', synonyms: [] },
    { name: '生态环境成本指标', synonyms: [] },
  ],
};

/**
 * 一级指标 as written → its standard category; null when not recognised (the text itself is always kept).
 * Tolerates whitespace, numbering ("一、产出指标") and bracketed qualifiers ("产出指标（数量）").
 */
export function categoryOfLevel1(level1: string): IndicatorCategory | null {
  const core = coreName(level1);
  if (core === '') return null;
  for (const entry of STANDARD_LEVEL1) {
    const names = [entry.name, ...entry.synonyms].map(coreName);
    if (names.includes(core)) return entry.category;
  }
  // "满意度" alone, or "社会公众满意度指标": any 一级 that names a satisfaction measure.
  return /满意度$/.test(core) ? 'satisfaction' : null;
}

/** "一、产出指标（数量） " → "产出": the part that decides the category. */
function coreName(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/^(?:[一二三四五六七八九十]+|\d+)[、.．]/, '')
    .replace(/[（(【[][^）)】\]]*[）)】\]]/g, '')
    .replace(/指标$/, '');
}
