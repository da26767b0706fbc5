import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { findUnitId, loadFollowUps, saveFollowUp } from '../db/monitoring.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { getUnitMonitoring } from './get-monitoring.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

const FollowUpInputSchema = UnitYearInputSchema.extend({
  warningId: z.string().trim().min(1).max(500),
  /** record-action: 纠偏/整改 措施 (open or action-recorded → action-recorded); close: action-recorded → closed; reopen: closed → open. */
  step: z.enum(['record-action', 'close', 'reopen']),
  action: z.string().trim().max(2000).optional(),
  /** The month-end the caller is looking at, when not the default: the warning must be raised there. */
  asOfMonth: z.number().int().min(0).max(12).optional(),
});
export type UpdateWarningFollowUpInput = z.input<typeof FollowUpInputSchema>;

/**
 * Moves a warning's follow-up along open → corrective action recorded → closed. The warning must
 * be one the rules raise now (its id is computed, not invented by the caller).
 */
export async function updateWarningFollowUp(db: Db, actor: Actor, input: UpdateWarningFollowUpInput) {
  const parsed = validateInput(FollowUpInputSchema, input, '预警跟踪');
  return inTransaction(db, async (trx) => {
    const current = await getUnitMonitoring(trx, {
      unitCode: parsed.unitCode,
      fiscalYear: parsed.fiscalYear,
      asOfMonth: parsed.asOfMonth,
    });
    const warning = current.warnings.find((w) => w.id === parsed.warningId);
    if (!warning)
      throw new AppError('NOT_FOUND', `没有编号为 ${parsed.warningId} 的预警（预警由数据计算得出，可能已消除）`, {
        location: { field: 'warningId' },
      });
    const unitId = (await findUnitId(trx, parsed.unitCode))!;
    const ref = { unitId, fiscalYear: parsed.fiscalYear };
    const before = warning.followUp;
    const now = new Date();
    const next = {
      warningId: warning.id,
      ...before,
      actionAt: before.actionAt === null ? null : new Date(before.actionAt),
      closedAt: before.closedAt === null ? null : new Date(before.closedAt),
    };
    if (parsed.step === 'record-action') {
      if (!parsed.action) throw new AppError('VALIDATION', '请填写纠偏/整改措施', { location: { field: 'action' } });
      if (before.state === 'closed') throw new AppError('CONFLICT', '该预警已关闭，需先重新打开再记录措施');
      Object.assign(next, {
        state: 'action-recorded',
        action: parsed.action,
        actionBy: actor.displayName || actor.username,
        actionAt: now,
      });
    } else if (parsed.step === 'close') {
      if (before.state !== 'action-recorded') throw new AppError('CONFLICT', '关闭预警前需先记录纠偏/整改措施');
      Object.assign(next, { state: 'closed', closedBy: actor.displayName || actor.username, closedAt: now });
    } else {
      if (before.state !== 'closed') throw new AppError('CONFLICT', '只有已关闭的预警可以重新打开');
      Object.assign(next, { state: 'open', closedBy: null, closedAt: null });
    }
    await saveFollowUp(trx, ref, next);
    await recordAudit(trx, actor, {
      action: 'update-warning-follow-up',
      unitCode: parsed.unitCode,
      fiscalYear: parsed.fiscalYear,
      entity: 'warning-follow-up',
      entityKey: warning.id,
      before,
      after: { state: next.state, action: next.action },
    });
    const [saved] = await loadFollowUps(trx, ref, warning.id);
    return saved!;
  });
}
