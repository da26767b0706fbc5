import type { Evaluation } from '../contract/evaluation.ts';
import { loadDepartmentYear, presentDepartmentEvaluation } from '../db/department-evaluation-year.repo.ts';
import { loadEvaluatedYear, presentEvaluation } from '../db/evaluated-year.repo.ts';
import { type MonthlySpending, loadMonthlySpending } from '../db/monitoring.repo.ts';
import { findDocument } from '../db/documents.repo.ts';
import { loadNotices } from '../db/results.repo.ts';
import type { Executor } from '../db/schema.ts';
import { parseAmountToCents } from '../domain/money.ts';
import { executionPercent } from '../domain/monitoring/plan.ts';
import { toFixed2 } from '../domain/rational.ts';
import type {
  DepartmentEvaluationFacts,
  NoticeFacts,
  ProjectFacts,
  SelfReportFacts,
  SpendingPoint,
} from '../domain/self-report/types.ts';
import type { Project } from '../domain/targets.ts';

type Key = { unitCode: string; fiscalYear: number };

/** Quarter-ends: the spending chart's month-ends when a project states no 资金支出计划. */
const QUARTER_ENDS = [3, 6, 9, 12];

/**
 * The figures of a unit-year's 自评报告 (decision 046), read in the caller's transaction: the 自评表 as the API
 * shows it (targets, year-end money, actuals, scores, reasons), each project's purpose, goals and spending plan, the
 * monthly spending ledger, the 部门整体支出绩效自评表's total when one is stored (decision 045) and the unit-year's
 * 整改通知 as they stand (decision 048).
 */
export async function readSelfReportFacts(trx: Executor, key: Key): Promise<SelfReportFacts> {
  const year = await loadEvaluatedYear(trx, key);
  const evaluation = presentEvaluation(year);
  const spending = await loadMonthlySpending(trx, { unitId: year.unitId, fiscalYear: key.fiscalYear });
  const document = await findDocument(trx, key.unitCode, key.fiscalYear);
  return {
    unitCode: evaluation.unitCode,
    unitName: evaluation.unitName,
    fiscalYear: evaluation.fiscalYear,
    evaluationStatus: evaluation.status,
    overallGoals: (document?.overall.goals ?? []).map((g) => g.title),
    meanScore: evaluation.incomplete ? null : evaluation.meanScore,
    projects: evaluation.projects.map((p) =>
      projectFacts(
        p,
        year.projects.find((t) => t.code === p.code)!,
        spending,
      ),
    ),
    department: await departmentFacts(trx, key),
    notices: await noticeFacts(trx, key),
  };
}

function projectFacts(
  presented: Evaluation['projects'][number],
  project: Project,
  spending: readonly MonthlySpending[],
): ProjectFacts {
  const score = presented.score;
  return {
    code: presented.code,
    name: presented.name,
    purpose: project.purpose,
    goals: project.goals,
    budget: { ...project.budget },
    adjustedBudget: presented.adjustedBudget,
    spent: presented.spent,
    executionRate: score.execution.rate,
    executionReason: presented.executionReason,
    score: score.scorable ? score.score : null,
    grade: score.grade,
    scorable: score.scorable,
    incomplete: score.incomplete,
    indicators: presented.indicators.map((i) => {
      const scored = score.indicators.find((s) => s.name === i.name);
      return {
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        target: i.target,
        actual: i.recheck?.actual ?? i.actual,
        weight: scored?.weight ?? i.weight,
        points: scored?.points ?? null,
        met: scored?.met ?? null,
        notApplicable: i.notApplicable,
        deviationReason: i.deviationReason,
        improvementMeasures: i.improvementMeasures,
      };
    }),
    spending: spendingPoints(project, presented.adjustedBudget ?? project.budget.total, spending),
  };
}

/** Cumulative plan % and spent % (of the adjusted budget) at each month-end of the plan, else at quarter-ends. */
function spendingPoints(
  project: Project,
  budget: string | null,
  spending: readonly MonthlySpending[],
): SpendingPoint[] {
  const planned = project.spendingPlan.filter((c) => c.cumulativePercent !== null);
  const months = planned.length > 0 ? planned.map((c) => c.month) : QUARTER_ENDS;
  const budgetCents = budget === null ? null : parseAmountToCents(budget);
  const own = spending.filter((s) => s.projectCode === project.code);
  return months.map((month) => {
    const spent = own
      .filter((s) => s.month <= month)
      .reduce((sum, s) => sum + (parseAmountToCents(s.amount) ?? 0n), 0n);
    const rate = executionPercent(spent, budgetCents);
    return {
      month,
      plannedPercent: planned.find((c) => c.month === month)?.cumulativePercent ?? null,
      actualPercent: rate === null ? null : toFixed2(rate),
    };
  });
}

/** The 整体自评表's total and grade when the unit stored one; null otherwise (the report says 未填写). */
async function departmentFacts(trx: Executor, key: Key): Promise<DepartmentEvaluationFacts | null> {
  const year = await loadDepartmentYear(trx, key);
  if (!year.stored) return null;
  const { score } = presentDepartmentEvaluation(year);
  return { total: score.incomplete ? null : score.total, grade: score.grade };
}

/** The unit-year's 整改通知 as they stand (decision 048), oldest first: the report's 结果应用 states each. */
async function noticeFacts(trx: Executor, key: Key): Promise<NoticeFacts[]> {
  const notices = await loadNotices(trx, key);
  return notices.reverse().map((n) => ({
    projectCode: n.projectCode,
    problem: n.body,
    requirement: n.requirement,
    deadline: n.deadline,
    state: n.state,
    reply: n.reply,
  }));
}
