import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { findDocument } from '../db/documents.repo.ts';
import { type MonitoredYear, loadMonitoredYear } from '../db/monitored-year.repo.ts';
import {
  bumpMonitoringVersions,
  loadMonthlySpending,
  setMonthlySpending,
  upsertIndicatorProgress,
} from '../db/monitoring.repo.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError, isAppError } from '../domain/errors.ts';
import type { ImportNote } from '../domain/import-note.ts';
import { progressFromTable, spendingToReach } from '../domain/monitoring/monitoring-table.ts';
import { assertCheckpointOpen } from '../domain/monitoring/checkpoints.ts';
import { loadSubmissions } from '../db/monitoring-entries.repo.ts';
import { type IndicatorProgress, checkIndicatorProgress } from '../domain/monitoring/progress.ts';
import type { SpendingRow } from '../domain/monitoring/summary.ts';
import type { MonitoringDocument, ProjectMonitoring } from '../domain/table-documents.ts';
import type { Project, Unit } from '../domain/targets.ts';
import { matchStatedProject } from '../domain/unit-match.ts';
import type { UploadInput } from './prepare-upload.ts';
import { type ResolvedUnit, resolveStatedUnit } from './resolve-stated-unit.ts';

export interface ImportMonitoringResult {
  unitCode: string;
  fiscalYear: number;
  /** The month the table's figures run to (1–N月执行数). */
  asOfMonth: number;
  projects: number;
  /** Indicators whose progress was recorded. */
  indicators: number;
  notes: ImportNote[];
}

/** What an import of a 监控表 writes, checked against the stored targets and spending: `--dry-run` shows it. */
export interface MonitoringPlan extends ImportMonitoringResult {
  unit: Unit;
  unitMatch: ResolvedUnit['how'];
  spending: (SpendingRow & { projectCode: string })[];
  progress: IndicatorProgress[];
}

/**
 * Stores a 项目支出绩效目标执行监控表 (jixiao/monitoring@1, read from any layout) as the unit-year's monitoring at
 * its as-of month N, in one transaction (all or nothing): per project the 1–N月执行数 as spending (month N holds
 * the difference to months 1..N−1, see spendingToReach) and each indicator's progress with its deviation reason,
 * by the 运行监控 rules. The year's targets must be stored: monitoring watches them, and a 监控表 is read against
 * them rather than creating them (its projects are matched by code, or by name when it states no 项目编码).
 */
export async function importMonitoring(
  db: Db,
  actor: Actor,
  input: UploadInput,
  document: MonitoringDocument,
  notes: ImportNote[],
): Promise<ImportMonitoringResult> {
  const { fiscalYear, asOfMonth } = statedPeriod(document, input.fileName);
  const resolved = await resolveStatedUnit(db, document.unit, input);
  return inTransaction(db, async (trx) => {
    const plan = await planMonitoring(trx, { document, resolved, fiscalYear, asOfMonth, file: input.fileName });
    // Every project the table touches moves to a new monitoring version: open editors go stale (decision 023).
    const codes = [...new Set(plan.projectCodes)].sort(); // one lock order for concurrent writes
    await bumpMonitoringVersions(trx, plan.ref, codes, actor.username);
    for (const entry of plan.spending) await setMonthlySpending(trx, plan.ref, entry);
    for (const progress of plan.progress) await upsertIndicatorProgress(trx, plan.ref, progress, actor.username);
    await recordAudit(trx, actor, {
      action: 'import-monitoring',
      unitCode: plan.unitCode,
      fiscalYear,
      entity: 'monitoring-file',
      entityKey: input.fileName,
      after: { asOfMonth, spending: plan.spending, progress: plan.progress },
    });
    return resultOf(plan, notes);
  });
}

/** importMonitoring without the writes: the same reads and checks, for `jixiao import --dry-run`. */
export async function previewMonitoring(
  db: Db,
  input: UploadInput,
  document: MonitoringDocument,
  notes: ImportNote[],
): Promise<MonitoringPlan> {
  const { fiscalYear, asOfMonth } = statedPeriod(document, input.fileName);
  const resolved = await resolveStatedUnit(db, document.unit, input);
  const plan = await planMonitoring(db.kysely, { document, resolved, fiscalYear, asOfMonth, file: input.fileName });
  return {
    ...resultOf(plan, notes),
    unit: resolved.unit,
    unitMatch: resolved.how,
    spending: plan.spending,
    progress: plan.progress,
  };
}

function resultOf(plan: Plan, notes: ImportNote[]): ImportMonitoringResult {
  return {
    unitCode: plan.unitCode,
    fiscalYear: plan.fiscalYear,
    asOfMonth: plan.asOfMonth,
    projects: plan.projectCodes.length,
    indicators: plan.progress.length,
    notes: [...notes, ...plan.notes],
  };
}

function statedPeriod(document: MonitoringDocument, file: string): { fiscalYear: number; asOfMonth: number } {
  if (document.fiscalYear === undefined) {
    throw new AppError('USAGE', `文件未写明年度，请用 --year 指定（${file}）`, { location: { file } });
  }
  if (document.asOfMonth === null) {
    throw new AppError('BAD_INPUT', `${file} 未写明监控截至月份（如“1-7月执行数”），无法记录执行进度`, {
      location: { file, field: 'asOfMonth' },
    });
  }
  return { fiscalYear: document.fiscalYear, asOfMonth: document.asOfMonth };
}

interface Plan {
  ref: MonitoredYear['ref'];
  unitCode: string;
  fiscalYear: number;
  asOfMonth: number;
  /** The stored project of each of the document's projects, by index. */
  projectCodes: string[];
  spending: (SpendingRow & { projectCode: string })[];
  progress: IndicatorProgress[];
  notes: ImportNote[];
}

interface PlanInput {
  document: MonitoringDocument;
  resolved: ResolvedUnit;
  fiscalYear: number;
  asOfMonth: number;
  file: string;
}

async function planMonitoring(trx: Executor, input: PlanInput): Promise<Plan> {
  const { document, fiscalYear, asOfMonth, file } = input;
  const unitCode = input.resolved.unit.code;
  if (!(await findDocument(trx, unitCode, fiscalYear))) {
    throw new AppError(
      'VALIDATION',
      `单位 ${unitCode} 尚无 ${fiscalYear} 年度的绩效目标：监控表是对照已批复的绩效目标记录执行进度的，请先导入该年度的绩效目标表，再导入监控表`,
      { location: { file } },
    );
  }
  const year = await loadMonitoredYear(trx, { unitCode, fiscalYear });
  // A submitted checkpoint is locked for an imported table too (decision 036).
  assertCheckpointOpen(new Set((await loadSubmissions(trx, year.ref)).map((s) => s.month)), asOfMonth);
  const stored = await loadMonthlySpending(trx, year.ref);
  const plan: Plan = {
    ref: year.ref,
    unitCode,
    fiscalYear,
    asOfMonth,
    projectCodes: [],
    spending: [],
    progress: [],
    notes: [],
  };
  let assumed = 0;
  let fromReason = 0;
  document.projects.forEach((entry, p) => {
    const project = storedProject(entry, p, year, file);
    if (plan.projectCodes.includes(project.code)) {
      throw new AppError('VALIDATION', `监控表中项目“${project.name}”（${project.code}）出现了两次`, {
        location: { file, path: ['projects', p] },
      });
    }
    plan.projectCodes.push(project.code);
    located(file, ['projects', p, 'execution'], project, () => {
      const rows = stored.filter((row) => row.projectCode === project.code);
      for (const row of spendingToReach(rows, entry.execution, asOfMonth)) {
        plan.spending.push({ ...row, projectCode: project.code });
      }
    });
    entry.indicators.forEach((indicator, k) => {
      located(file, ['projects', p, 'indicators', k], project, () => {
        const read = progressFromTable(project.code, indicator, asOfMonth);
        if (read === null) return;
        checkProgress(project, read.progress);
        if (read.likelihoodAssumed) assumed += 1;
        if (read.measuresFromReason) fromReason += 1;
        plan.progress.push(read.progress);
      });
    });
  });
  if (assumed > 0) {
    plan.notes.push({
      line: 0,
      code: 'likelihood-assumed',
      message: `${assumed} 个指标未填写完成目标可能性，按“确定能”记录`,
    });
  }
  if (fromReason > 0) {
    plan.notes.push({
      line: 0,
      code: 'measures-from-reason',
      message: `监控表没有“拟采取的措施”一栏：${fromReason} 个可能完不成的指标以偏差原因分析作为措施记录，请在运行监控中核对`,
    });
  }
  return plan;
}

/** The 运行监控 rule for progress (recordIndicatorProgress's), against the stored project's indicators. */
function checkProgress(project: Project, progress: IndicatorProgress): void {
  if (!project.indicators.some((indicator) => indicator.name === progress.indicatorName)) {
    throw new AppError('VALIDATION', `已存的绩效目标中没有名为“${progress.indicatorName}”的三级指标`, {
      location: { field: 'name' },
    });
  }
  checkIndicatorProgress(progress);
}

/** An error of one project's figures, named with the project and located at its place in the document. */
function located(file: string, path: (string | number)[], project: Project, work: () => void): void {
  try {
    work();
  } catch (error) {
    if (!isAppError(error)) throw error;
    throw new AppError(error.code, `项目“${project.name}”（${project.code}）：${error.message}`, {
      location: { file, path: [...path, ...(error.location?.field ? [error.location.field] : [])] },
      issues: error.issues,
    });
  }
}

/**
 * The stored project a 监控表 project is: the same code, or (for a key derived from the name, the table stating no
 * 项目编码) the one stored project of the same name — as importEvaluation matches a 自评表.
 */
function storedProject(project: ProjectMonitoring, index: number, year: MonitoredYear, file: string): Project {
  const match = matchStatedProject(project, year.projects);
  if (match) return match;
  throw new AppError('VALIDATION', `监控表中的项目“${project.name}”（${project.code}）不在已存的绩效目标中`, {
    location: { file, path: ['projects', index] },
  });
}
