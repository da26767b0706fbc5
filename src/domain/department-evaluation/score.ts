import { AppError } from '../errors.ts';
import { type Rational, RationalSum, ZERO, compare, div, fromDecimal, mul, rational, sub } from '../rational.ts';
import { type Grade, type ProjectScore, gradeOf, scoreProject } from '../scoring/score-project.ts';
import type { ScoringPolicy } from '../scoring/policy.ts';
import type { Indicator } from '../targets.ts';
import { type BudgetExecutionLine, budgetExecution } from './budget-execution.ts';
import type { DepartmentEvaluationInput } from './model.ts';
import { type DepartmentEvaluationPolicy, managementTotal } from './policy.ts';

export interface ManagementItemScore {
  key: string;
  name: string;
  guidance: string;
  /** The item's full points. */
  points: Rational;
  score: Rational | null;
  reason: string;
  missing: boolean;
  /** Below full points without a reason. */
  reasonRequired: boolean;
}

export interface DepartmentEvaluationScore {
  budget: BudgetExecutionLine[];
  /** Budget execution and the overall indicators, scored as a project is (out of 100 before weighting). */
  performance: ProjectScore;
  /** What the performance part is worth in the total: 100 − the management items' points. */
  performanceWeight: Rational;
  performancePoints: Rational;
  management: ManagementItemScore[];
  total: Rational;
  /** null while anything is missing or undecided: a grade on partial data would mislead. */
  grade: Grade | null;
  incomplete: boolean;
}

const HUNDRED = rational(100n);

/**
 * Scores a 部门整体支出绩效自评表 (decision 045): the whole department's execution rate and overall indicators by
 * the project formulas of 财预〔2020〕10号 (`scoreProject`: the same execution points, categories, bands and
 * rescaling), weighted to what the management items leave of 100, plus the evaluator's points per item.
 * Throws VALIDATION at the field for a score above an item's points, an unknown item, or a bad actual.
 */
export function scoreDepartmentEvaluation(
  indicators: readonly Indicator[],
  input: DepartmentEvaluationInput,
  policy: ScoringPolicy,
  departmentPolicy: DepartmentEvaluationPolicy,
): DepartmentEvaluationScore {
  const budget = budgetExecution(input.budget);
  const whole = budget[0]!;
  const project = {
    code: '部门整体',
    name: '部门整体支出',
    budget: { total: whole.initial, fiscal: input.budget.fiscal.initial, other: input.budget.other.initial },
    purpose: '',
    spendingPlan: [],
    goals: [],
    indicators: [...indicators],
  };
  const actuals = {
    adjustedBudget: whole.adjusted,
    spent: whole.spent,
    executionReason: input.executionReason,
    indicators: input.indicators,
  };
  const performance = scoreProject(project, actuals, policy);
  const performanceWeight = sub(HUNDRED, fromDecimal(managementTotal(departmentPolicy)));
  const performancePoints = mul(performance.score, div(performanceWeight, HUNDRED));
  const management = scoreManagement(input, departmentPolicy);
  const sum = new RationalSum().add(performancePoints);
  for (const item of management) if (item.score) sum.add(item.score);
  const total = sum.value();
  const incomplete =
    performance.incomplete || !performance.scorable || management.some((m) => m.missing || m.reasonRequired);
  return {
    budget,
    performance,
    performanceWeight,
    performancePoints,
    management,
    total,
    grade: incomplete ? null : gradeOf(total, policy),
    incomplete,
  };
}

function scoreManagement(
  input: DepartmentEvaluationInput,
  departmentPolicy: DepartmentEvaluationPolicy,
): ManagementItemScore[] {
  const rules = departmentPolicy.managementItems;
  const stray = input.management.findIndex((m) => !rules.some((r) => r.key === m.key));
  if (stray >= 0) {
    throw new AppError('VALIDATION', `评分规则中没有管理指标“${input.management[stray]!.key}”`, {
      location: { path: ['management', stray, 'key'] },
    });
  }
  return rules.map((rule) => {
    const index = input.management.findIndex((m) => m.key === rule.key);
    const entry = index >= 0 ? input.management[index]! : null;
    const points = fromDecimal(rule.points);
    const score = entry?.score == null || entry.score.trim() === '' ? null : readScore(entry.score, index);
    if (score && (compare(score, points) > 0 || compare(score, ZERO) < 0)) {
      throw new AppError('VALIDATION', `“${rule.name}”的得分应在 0–${rule.points} 分之间`, {
        location: { path: ['management', index, 'score'] },
      });
    }
    const reason = entry?.reason.trim() ?? '';
    return {
      key: rule.key,
      name: rule.name,
      guidance: rule.guidance,
      points,
      score,
      reason,
      missing: score === null,
      reasonRequired: score !== null && compare(score, points) < 0 && reason === '',
    };
  });
}

function readScore(text: string, index: number): Rational {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text.trim())) {
    throw new AppError('VALIDATION', `得分应为数字，最多两位小数：“${text}”`, {
      location: { path: ['management', index, 'score'] },
    });
  }
  return fromDecimal(text.trim());
}
