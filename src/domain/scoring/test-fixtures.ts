import { categoryOfLevel1 } from '../indicator-category.ts';
import { parseTargetValue } from '../target-value.ts';
import type { Project } from '../targets.ts';
import { presentProjectScore, scoreProject, type IndicatorActual, type ProjectActuals } from './index.ts';

/** A project with [level1, name, target] rows, budget irrelevant to scoring (the actuals carry it). */
export function project(rows: [string, string, string][]): Project {
  return {
    code: 'P1',
    name: '测试项目',
    budget: { total: '20000.00', fiscal: '20000.00', other: null },
    purpose: '',
    spendingPlan: [],
    goals: [],
    indicators: rows.map(([level1, name, raw]) => ({
      level1,
      level2: '',
      name,
      description: '',
      basis: '',
      target: parseTargetValue(raw),
      category: categoryOfLevel1(level1),
    })),
  };
}

export const SEED_LIKE = project([
  ['产出指标', '补助金发放率', '≥90%'],
  ['效果指标', '生活改善情况', '≥90%'],
  ['满意度指标', '群众满意度', '≥90%'],
]);

export function actuals(spent: string, indicators: IndicatorActual[], adjustedBudget = '20000.00'): ProjectActuals {
  return { adjustedBudget, spent, indicators };
}
export const all = (output: string, benefit: string, satisfaction: string): IndicatorActual[] => [
  { name: '补助金发放率', actual: output },
  { name: '生活改善情况', actual: benefit },
  { name: '群众满意度', actual: satisfaction },
];
export const shown = (p: Project, a: ProjectActuals | null, policy?: Parameters<typeof scoreProject>[2]) =>
  presentProjectScore(scoreProject(p, a, policy));
