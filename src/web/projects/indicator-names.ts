import { categoryOfLevel1, STANDARD_LEVEL1, STANDARD_LEVEL2 } from '../../domain/indicator-category.ts';

/** Suggestions for the editor's AutoCompletes, from the domain's standard framework; free text stays allowed. */
export const BASIS_OPTIONS = ['计划标准', '行业标准', '历史标准', '其他'] as const;

export function level1Options(): string[] {
  return STANDARD_LEVEL1.map((entry) => entry.name);
}

/** 二级 names for a 一级 as written (synonyms such as 效果指标 count); all of them when it is not recognised. */
export function level2Options(level1: string | undefined): string[] {
  const category = categoryOfLevel1(level1 ?? '');
  const entries = category ? STANDARD_LEVEL2[category] : Object.values(STANDARD_LEVEL2).flat();
  return [...new Set(entries.map((entry) => entry.name))];
}
