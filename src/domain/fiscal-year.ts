import { AppError, type ErrorIssue } from './errors.ts';
import { checkpointDueDate } from './monitoring/checkpoints.ts';
import type { MonitoringCheckpoint } from './monitoring/policy.ts';

/**
 * The rules of a fiscal year (decision 038): its stage deadlines and what reopening asks for. Pure: the
 * use-cases read the policy and the stored year and apply these.
 */

export interface YearDeadlines {
  targets: string | null;
  monitoring: string | null;
  evaluation: string | null;
}

const STAGE_WORDS: Record<keyof YearDeadlines, string> = {
  targets: '绩效目标填报截止日期',
  monitoring: '运行监控截止日期',
  evaluation: '绩效自评截止日期',
};

/**
 * The deadlines a newly opened year stores: those given; the monitoring one, when not given, is the first
 * monitoring checkpoint's due date in the bureau's policy (the checkpoints stay where they are, in the policy).
 */
export function deadlinesForOpening(
  year: number,
  given: Partial<YearDeadlines>,
  checkpoints: readonly MonitoringCheckpoint[],
): YearDeadlines {
  const first = [...checkpoints].sort((a, b) => a.month - b.month)[0];
  return {
    targets: given.targets ?? null,
    monitoring: given.monitoring ?? (first ? checkpointDueDate(year, first) : null),
    evaluation: given.evaluation ?? null,
  };
}

/**
 * Deadlines in the order the stages run (targets, then monitoring, then 自评) and within the year's reach:
 * from the year before (targets are filed before the year starts) to the end of the next one (自评 of year N
 * is done in N+1). VALIDATION naming each wrong date otherwise.
 */
export function validateDeadlines(year: number, deadlines: YearDeadlines): void {
  const issues: ErrorIssue[] = [];
  const first = `${year - 1}-01-01`;
  const last = `${year + 1}-12-31`;
  const stages = Object.keys(STAGE_WORDS) as (keyof YearDeadlines)[];
  for (const stage of stages) {
    const date = deadlines[stage];
    if (date !== null && (date < first || date > last)) {
      issues.push({
        field: `deadlines.${stage}`,
        message: `${STAGE_WORDS[stage]}应在 ${first} 至 ${last} 之间`,
      });
    }
  }
  const set = stages.filter((stage) => deadlines[stage] !== null);
  for (let i = 1; i < set.length; i++) {
    const earlier = set[i - 1]!;
    const later = set[i]!;
    if (deadlines[later]! < deadlines[earlier]!) {
      issues.push({
        field: `deadlines.${later}`,
        message: `${STAGE_WORDS[later]}不能早于${STAGE_WORDS[earlier]}（${deadlines[earlier]}）`,
      });
    }
  }
  if (issues.length > 0) {
    throw new AppError('VALIDATION', issues.map((issue) => issue.message).join('；'), {
      location: { field: issues[0]!.field },
      issues,
    });
  }
}

/** A write to a closed year: LOCKED, in the words the database trigger uses (migration 0021). */
export function closedYearRefusal(year: number): AppError {
  return new AppError('LOCKED', `${year} 年度已关闭，只能查看`, {
    location: { field: 'fiscalYear' },
    details: { closedYear: year },
  });
}
