import { AppError, type ErrorIssue } from '../errors.ts';
import type { MonitoringCheckpoint } from './policy.ts';

/*
 * 监控节点 (财预〔2019〕136号: the unit reports its monitoring for a month-end by a due date the finance bureau
 * sets; the central round is data to the end of July, reported in August). A submission freezes what the unit
 * reported for that checkpoint; a later checkpoint is a new round and stays editable until it is submitted.
 */

/** A checkpoint's due date as 'YYYY-MM-DD': the first 'MM-DD' after its month-end (December's falls next year). */
export function checkpointDueDate(fiscalYear: number, checkpoint: MonitoringCheckpoint): string {
  const [mm, dd] = checkpoint.dueDate.split('-').map(Number) as [number, number];
  const dueYear = mm <= checkpoint.month ? fiscalYear + 1 : fiscalYear;
  return `${dueYear}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** The policy's checkpoint for this month, or VALIDATION naming the months the bureau configured. */
export function requireCheckpoint(checkpoints: readonly MonitoringCheckpoint[], month: number): MonitoringCheckpoint {
  const found = checkpoints.find((c) => c.month === month);
  if (found) return found;
  const months = [...checkpoints]
    .sort((a, b) => a.month - b.month)
    .map((c) => `${c.month}月`)
    .join('、');
  throw new AppError('VALIDATION', `${month}月不是财政局设定的监控节点（监控节点：${months}）`, {
    location: { field: 'month' },
    details: {
      reason: 'monitoring.not-a-checkpoint',
      month,
      months: checkpoints.map((c) => c.month).sort((a, b) => a - b),
    },
  });
}

/**
 * A write of the unit's entries for `month` after that checkpoint was submitted: refused, the submitted figures
 * are what the bureau judged (a later checkpoint is a new round).
 */
export function assertCheckpointOpen(submittedMonths: ReadonlySet<number>, month: number): void {
  if (!submittedMonths.has(month)) return;
  throw new AppError('LOCKED', `${month}月监控节点的监控情况已提交，不能再修改；请在下一监控节点填报`, {
    location: { field: 'month' },
    details: { reason: 'monitoring.checkpoint-submitted', month },
  });
}

export type CheckpointState = 'submitted' | 'open' | 'overdue' | 'not-due';

export interface CheckpointStatus {
  month: number;
  /** 'YYYY-MM-DD'. */
  dueDate: string;
  state: CheckpointState;
  submittedAt: string | null;
  submittedBy: string | null;
}

/**
 * Each checkpoint of the year for one unit, in month order: submitted, overdue (past its due date, not
 * submitted), open (its month has ended, not yet due) or not due yet (its month has not ended).
 */
export function checkpointStatuses(
  fiscalYear: number,
  checkpoints: readonly MonitoringCheckpoint[],
  submissions: readonly { month: number; submittedAt: string; submittedBy: string }[],
  today: string,
): CheckpointStatus[] {
  return [...checkpoints]
    .sort((a, b) => a.month - b.month)
    .map((checkpoint) => {
      const dueDate = checkpointDueDate(fiscalYear, checkpoint);
      const submitted = submissions.find((s) => s.month === checkpoint.month);
      const monthEnded = today > monthEnd(fiscalYear, checkpoint.month);
      const state: CheckpointState = submitted
        ? 'submitted'
        : today > dueDate
          ? 'overdue'
          : monthEnded
            ? 'open'
            : 'not-due';
      return {
        month: checkpoint.month,
        dueDate,
        state,
        submittedAt: submitted?.submittedAt ?? null,
        submittedBy: submitted?.submittedBy ?? null,
      };
    });
}

function monthEnd(fiscalYear: number, month: number): string {
  return new Date(Date.UTC(fiscalYear, month, 0)).toISOString().slice(0, 10);
}

/**
 * What a submission for `month` still lacks: each project's 全年预计执行数 and each indicator's progress at that
 * month (136号 asks for both halves of 双监控). One issue per gap, with its path; empty when complete.
 */
export function submissionGaps(
  month: number,
  projects: readonly {
    code: string;
    entries: readonly { month: number }[];
    indicators: readonly { name: string; progress: readonly { month: number }[] }[];
  }[],
): ErrorIssue[] {
  return projects.flatMap((project, p) => {
    const issues: ErrorIssue[] = [];
    if (!project.entries.some((e) => e.month === month)) {
      issues.push({
        path: ['projects', p, 'forecastFullYear'],
        message: `项目 ${project.code} 未填报全年预计执行数`,
        rule: 'required',
        reason: 'gap.monitoring.forecast-missing',
        subject: { project: project.code },
      });
    }
    project.indicators.forEach((indicator, i) => {
      if (indicator.progress.some((g) => g.month === month)) return;
      issues.push({
        path: ['projects', p, 'indicators', i],
        message: `项目 ${project.code} 的指标“${indicator.name}”未填报${month}月执行情况`,
        rule: 'required',
        reason: 'gap.monitoring.progress-missing',
        subject: { project: project.code, indicator: indicator.name, month },
      });
    });
    return issues;
  });
}
