import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { notifyUnit } from '../db/notifications.repo.ts';
import { noticeOfMonitoringAction } from '../domain/notifications.ts';
import { type MonitoringAction, insertAction, loadActions, updateActionState } from '../db/monitoring-entries.repo.ts';
import { loadMonitoredYear, requireMonitoredProject } from '../db/monitored-year.repo.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import {
  ACTION_KINDS,
  type RectificationStep,
  checkActionDeadline,
  nextRectification,
} from '../domain/monitoring/actions.ts';
import { todayUtc } from '../domain/monitoring/as-of-month.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { getUnitMonitoring } from './get-monitoring.ts';

const RecordActionInputSchema = UnitYearInputSchema.extend({
  /** null: an action about the whole unit. */
  projectCode: z.string().trim().min(1).nullable().default(null),
  /** The computed warning that prompted it, if any: it must be one the rules raise now (at `asOfMonth`). */
  warningId: z.string().trim().min(1).max(500).nullable().default(null),
  /** The month-end the caller is looking at, when not the default (warnings are computed per month-end). */
  asOfMonth: z.number().int().min(0).max(12).optional(),
  kind: z.enum(ACTION_KINDS),
  body: z.string().trim().min(1, '请填写措施内容').max(4000),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  today: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type RecordMonitoringActionInput = z.input<typeof RecordActionInputSchema>;

/**
 * The bureau or the supervising department acts on a monitoring finding (财预〔2019〕136号: 提示/警示, 纠偏,
 * 暂缓或停止拨款) with a deadline; the unit's 整改 starts as 待整改.
 */
export async function recordMonitoringAction(
  db: Db,
  actor: Actor,
  input: RecordMonitoringActionInput,
): Promise<MonitoringAction> {
  const parsed = validateInput(RecordActionInputSchema, input, '监控措施');
  checkActionDeadline(parsed.deadline, parsed.today ?? todayUtc());
  return inTransaction(db, async (trx) => {
    const year = await loadMonitoredYear(trx, parsed);
    if (parsed.projectCode !== null) requireMonitoredProject(year, parsed.projectCode);
    if (parsed.warningId !== null) await requireWarning(trx, parsed, parsed.warningId);
    const id = await insertAction(trx, year.ref, {
      projectCode: parsed.projectCode,
      warningId: parsed.warningId,
      kind: parsed.kind,
      body: parsed.body,
      deadline: parsed.deadline,
      createdBy: actor.displayName || actor.username,
    });
    const [saved] = await loadActions(trx, year.ref, id);
    await recordAudit(trx, actor, {
      action: 'record-monitoring-action',
      unitCode: parsed.unitCode,
      fiscalYear: parsed.fiscalYear,
      entity: 'monitoring-action',
      entityKey: String(id),
      before: null,
      after: saved,
    });
    await notifyUnit(trx, parsed, noticeOfMonitoringAction(actor, parsed));
    return saved!;
  });
}

async function requireWarning(
  db: Executor,
  key: { unitCode: string; fiscalYear: number; asOfMonth?: number | undefined },
  warningId: string,
) {
  const current = await getUnitMonitoring(db, {
    unitCode: key.unitCode,
    fiscalYear: key.fiscalYear,
    asOfMonth: key.asOfMonth,
  });
  if (current.warnings.some((w) => w.id === warningId)) return;
  throw new AppError('NOT_FOUND', `没有编号为 ${warningId} 的预警（预警由数据计算得出，可能已消除）`, {
    location: { field: 'warningId' },
  });
}

const UpdateActionInputSchema = UnitYearInputSchema.extend({
  actionId: z.number().int().positive(),
  /** The unit's reply (整改中 / 已整改), or the acting organisation's reopen (待整改) with its reason. */
  state: z.enum(['待整改', '整改中', '已整改']),
  reply: z.string().trim().max(4000),
});
export type UpdateMonitoringActionInput = z.input<typeof UpdateActionInputSchema>;

/**
 * Moves an action's 整改 along: the unit replies 整改中 / 已整改 (monitoring:edit), the organisation that acts
 * reopens a 已整改 one (monitoring:act). Which of the two the caller is comes from the route it used.
 */
export async function updateMonitoringAction(
  db: Db,
  actor: Actor,
  input: UpdateMonitoringActionInput & { by: RectificationStep['by'] },
): Promise<MonitoringAction> {
  const parsed = validateInput(UpdateActionInputSchema, input, '整改情况');
  const step = stepOf(input.by, parsed.state, parsed.reply);
  return inTransaction(db, async (trx) => {
    const year = await loadMonitoredYear(trx, parsed);
    const [before] = await loadActions(trx, year.ref, parsed.actionId);
    if (!before) {
      throw new AppError('NOT_FOUND', `没有编号为 ${parsed.actionId} 的监控措施`, { location: { field: 'actionId' } });
    }
    const state = nextRectification(before.state, step);
    await updateActionState(trx, year.ref, {
      id: before.id,
      state,
      reply: step.reply,
      by: actor.displayName || actor.username,
    });
    const [after] = await loadActions(trx, year.ref, before.id);
    await recordAudit(trx, actor, {
      action: 'update-monitoring-action',
      unitCode: parsed.unitCode,
      fiscalYear: parsed.fiscalYear,
      entity: 'monitoring-action',
      entityKey: String(before.id),
      before: { state: before.state, reply: before.reply },
      after: { state: after!.state, reply: after!.reply },
    });
    return after!;
  });
}

function stepOf(by: RectificationStep['by'], state: string, reply: string): RectificationStep {
  if (by === 'unit' && (state === '整改中' || state === '已整改')) return { by, to: state, reply };
  if (by === 'actor' && state === '待整改') return { by, to: state, reply };
  throw new AppError(
    'VALIDATION',
    by === 'unit' ? '单位只能将整改状态改为“整改中”或“已整改”' : '只能将已整改的事项重新打开为“待整改”',
    { location: { field: 'state' } },
  );
}
