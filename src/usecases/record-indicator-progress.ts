import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { loadIndicatorProgress, upsertIndicatorProgress } from '../db/monitoring.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import {
  DEVIATION_CATEGORIES,
  LIKELIHOODS,
  type IndicatorProgress,
  checkIndicatorProgress,
  normaliseLikelihood,
} from '../domain/monitoring/progress.ts';
import { assertCheckpointOpen } from '../domain/monitoring/checkpoints.ts';
import { loadSubmissions } from '../db/monitoring-entries.repo.ts';
import { claimMonitoringVersion, loadMonitoredYear, requireMonitoredProject } from '../db/monitored-year.repo.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

const IndicatorProgressFieldsSchema = z.object({
  indicatorName: z.string().trim().min(1),
  month: z.number().int().min(1).max(12),
  valueToDate: z.string().trim().max(500),
  forecast: z.string().trim().max(500),
  likelihood: z.preprocess(normaliseLikelihood, z.enum(LIKELIHOODS)),
  /** One category (older callers) or several; both given: the list wins. */
  deviationCategory: z.enum(DEVIATION_CATEGORIES).nullable().default(null),
  deviationCategories: z.array(z.enum(DEVIATION_CATEGORIES)).max(DEVIATION_CATEGORIES.length).optional(),
  reason: z.string().trim().max(2000).default(''),
  measures: z.string().trim().max(2000).default(''),
});

const RecordProgressInputSchema = UnitYearInputSchema.extend({
  projectCode: z.string().trim().min(1),
  /** The project's monitoring version read (If-Match; 0 = nothing entered yet). Only the demo loader leaves it out. */
  expectedVersion: z.number().int().nonnegative().optional(),
}).extend(IndicatorProgressFieldsSchema.shape);
export type RecordIndicatorProgressInput = z.input<typeof RecordProgressInputSchema>;

/**
 * Records (or replaces) one indicator's progress at a checkpoint month (136号): 有可能/不可能 need categories, 原因说明
 * and 改进措施; a checkpoint already submitted is locked.
 */
export async function recordIndicatorProgress(
  db: Db,
  actor: Actor,
  input: RecordIndicatorProgressInput,
): Promise<IndicatorProgress & { version: number }> {
  const parsed = validateInput(RecordProgressInputSchema, input, '指标监控信息');
  const categories = [
    ...new Set(parsed.deviationCategories ?? (parsed.deviationCategory === null ? [] : [parsed.deviationCategory])),
  ];
  const progress: IndicatorProgress = {
    projectCode: parsed.projectCode,
    indicatorName: parsed.indicatorName,
    month: parsed.month,
    valueToDate: parsed.valueToDate,
    forecast: parsed.forecast,
    likelihood: parsed.likelihood,
    deviationCategory: categories[0] ?? null,
    deviationCategories: categories,
    reason: parsed.reason,
    measures: parsed.measures,
  };
  checkIndicatorProgress(progress);
  return inTransaction(db, async (trx) => {
    const year = await loadMonitoredYear(trx, parsed);
    const project = requireMonitoredProject(year, parsed.projectCode);
    assertCheckpointOpen(new Set((await loadSubmissions(trx, year.ref)).map((s) => s.month)), progress.month);
    if (!project.indicators.some((i) => i.name === progress.indicatorName)) {
      throw new AppError('NOT_FOUND', `项目 ${project.code} 没有名为“${progress.indicatorName}”的三级指标`, {
        location: { field: 'indicatorName' },
      });
    }
    const version = await claimMonitoringVersion(trx, year, {
      projectCode: project.code,
      expectedVersion: parsed.expectedVersion,
      by: actor.username,
    });
    const before = (await loadIndicatorProgress(trx, year.ref)).find(
      (p) =>
        p.projectCode === progress.projectCode &&
        p.indicatorName === progress.indicatorName &&
        p.month === progress.month,
    );
    await upsertIndicatorProgress(trx, year.ref, progress, actor.username);
    await recordAudit(trx, actor, {
      action: 'record-indicator-progress',
      unitCode: parsed.unitCode,
      fiscalYear: parsed.fiscalYear,
      entity: 'indicator-progress',
      entityKey: `${progress.projectCode}:${progress.indicatorName}:${progress.month}`,
      before: before ?? null,
      after: progress,
    });
    return { ...progress, version };
  });
}
