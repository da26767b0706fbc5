import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { insertSubmission } from '../db/monitoring-entries.repo.ts';
import { findUnitId } from '../db/monitoring.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { requireCheckpoint, submissionGaps } from '../domain/monitoring/checkpoints.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { getUnitMonitoring } from './get-monitoring.ts';
import { monitoringStatement } from './monitoring-statement.ts';

const SubmitInputSchema = UnitYearInputSchema.extend({ month: z.number().int().min(1).max(12) });
export type SubmitMonitoringInput = z.input<typeof SubmitInputSchema>;

/**
 * The unit submits its monitoring for one of the bureau's checkpoints (财预〔2019〕136号): complete (every project's
 * 全年预计执行数, every indicator's progress at that month), stored as a snapshot, and from then on that month's
 * entries are locked. Submitting the same checkpoint twice is a CONFLICT: the first submission stands.
 */
export async function submitMonitoring(
  db: Db,
  actor: Actor,
  input: SubmitMonitoringInput,
): Promise<{ month: number; submittedAt: string; submittedBy: string }> {
  const parsed = validateInput(SubmitInputSchema, input, '监控提交');
  return inTransaction(db, async (trx) => {
    const monitoring = await getUnitMonitoring(trx, { ...parsed, asOfMonth: parsed.month });
    requireCheckpoint(monitoring.policy.checkpoints, parsed.month);
    const gaps = submissionGaps(parsed.month, monitoring.projects);
    if (gaps.length > 0) {
      throw new AppError('VALIDATION', `${parsed.month}月监控情况尚未填完（${gaps.length} 处）：${gaps[0]!.message}`, {
        location: { path: gaps[0]!.path },
        issues: gaps,
        details: { reason: 'monitoring.incomplete', month: parsed.month, count: gaps.length },
      });
    }
    const submittedAt = new Date().toISOString();
    const snapshot = monitoringStatement(monitoring, parsed.month, submittedAt);
    // getUnitMonitoring found the unit, so its id exists.
    const ref = { unitId: (await findUnitId(trx, parsed.unitCode))!, fiscalYear: parsed.fiscalYear };
    const inserted = await insertSubmission(trx, ref, { month: parsed.month, snapshot, by: actor.username });
    if (!inserted) {
      throw new AppError('CONFLICT', `${parsed.month}月监控节点已提交过，不能重复提交`, {
        location: { field: 'month' },
        details: { reason: 'monitoring.already-submitted', month: parsed.month },
      });
    }
    await recordAudit(trx, actor, {
      action: 'submit-monitoring',
      unitCode: parsed.unitCode,
      fiscalYear: parsed.fiscalYear,
      entity: 'monitoring-submission',
      entityKey: String(parsed.month),
      before: null,
      after: { month: parsed.month, projects: snapshot.projects.length },
    });
    return { month: parsed.month, submittedAt, submittedBy: actor.username };
  });
}
