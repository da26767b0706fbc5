import { type Rational, div, mul, rational, toFixed2 } from '../rational.ts';
import type { Grade } from '../scoring/score-project.ts';
import { type PresentedProject, presentProjectScore } from '../scoring/present.ts';
import type { BudgetExecutionLine } from './budget-execution.ts';
import type { DepartmentEvaluationScore } from './score.ts';

/** The 整体自评表's score as it leaves the domain: numbers rounded half-up to two decimals here only (decision 010). */
export interface PresentedDepartmentScore {
  budget: (Omit<BudgetExecutionLine, 'rate'> & { rate: number | null })[];
  performance: PresentedProject;
  performanceWeight: number;
  performancePoints: number;
  /** The execution's and each indicator's weight and points as they count in the total (× performanceWeight / 100). */
  weighted: { execution: WeightedPart; indicators: WeightedPart[] };
  management: {
    key: string;
    name: string;
    guidance: string;
    points: number;
    score: number | null;
    reason: string;
    missing: boolean;
    reasonRequired: boolean;
  }[];
  total: number;
  grade: Grade | null;
  incomplete: boolean;
}

interface WeightedPart {
  weight: number;
  points: number | null;
}

const percent = (value: Rational | null): number | null =>
  value === null ? null : toFixed2(mul(value, rational(100n)));

export function presentDepartmentScore(score: DepartmentEvaluationScore): PresentedDepartmentScore {
  const factor = div(score.performanceWeight, rational(100n));
  const part = (weight: Rational, points: Rational | null): WeightedPart => ({
    weight: toFixed2(mul(weight, factor)),
    points: points === null ? null : toFixed2(mul(points, factor)),
  });
  const execution = score.performance.execution;
  return {
    budget: score.budget.map((line) => ({ ...line, rate: percent(line.rate) })),
    performance: presentProjectScore(score.performance),
    performanceWeight: toFixed2(score.performanceWeight),
    performancePoints: toFixed2(score.performancePoints),
    weighted: {
      execution: part(execution.weight, execution.points),
      indicators: score.performance.indicators.map((i) => part(i.weight, i.points)),
    },
    management: score.management.map((m) => ({
      key: m.key,
      name: m.name,
      guidance: m.guidance,
      points: toFixed2(m.points),
      score: m.score === null ? null : toFixed2(m.score),
      reason: m.reason,
      missing: m.missing,
      reasonRequired: m.reasonRequired,
    })),
    total: toFixed2(score.total),
    grade: score.grade,
    incomplete: score.incomplete,
  };
}
