import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { insertBudgetAdjustment, loadBudgetAdjustments } from '../db/monitoring.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { normaliseAmount, parseAmountToCents } from '../domain/money.ts';
import { claimMonitoringVersion, loadMonitoredYear, requireMonitoredProject } from '../db/monitored-year.repo.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

const AdjustBudgetInputSchema = UnitYearInputSchema.extend({
  projectCode: z.string().trim().min(1),
  adjustedBudget: z
    .string()
    .refine((text) => (parseAmountToCents(text) ?? -1n) >= 0n, '调整后预算数应为不小于 0 的元数，最多两位小数'),
  reason: z.string().trim().min(1, '请说明调整原因').max(2000),
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  /** The project's monitoring version read (If-Match; 0 = nothing entered yet). Only the demo loader leaves it out. */
  expectedVersion: z.number().int().nonnegative().optional(),
});
export type AdjustBudgetInput = z.input<typeof AdjustBudgetInputSchema>;

/** Records a 调整后预算数 with its reason and date; the latest by date is the one in effect. */
export async function adjustBudget(
  db: Db,
  actor: Actor,
  input: AdjustBudgetInput,
): Promise<{ id: number; version: number }> {
  const parsed = validateInput(AdjustBudgetInputSchema, input, '预算调整');
  if (!parsed.effectiveDate.startsWith(`${parsed.fiscalYear}-`) || Number.isNaN(Date.parse(parsed.effectiveDate))) {
    throw new AppError('VALIDATION', `调整日期 ${parsed.effectiveDate} 不在 ${parsed.fiscalYear} 年度内`, {
      location: { field: 'effectiveDate' },
    });
  }
  const adjustedBudget = normaliseAmount(parsed.adjustedBudget, 'adjustedBudget');
  return inTransaction(db, async (trx) => {
    const year = await loadMonitoredYear(trx, parsed);
    const project = requireMonitoredProject(year, parsed.projectCode);
    const version = await claimMonitoringVersion(trx, year, {
      projectCode: project.code,
      expectedVersion: parsed.expectedVersion,
      by: actor.username,
    });
    const previous = (await loadBudgetAdjustments(trx, year.ref)).filter((a) => a.projectCode === project.code).at(-1);
    const id = await insertBudgetAdjustment(trx, year.ref, {
      projectCode: project.code,
      adjustedBudget,
      reason: parsed.reason,
      effectiveDate: parsed.effectiveDate,
      recordedBy: actor.username,
    });
    await recordAudit(trx, actor, {
      action: 'adjust-budget',
      unitCode: parsed.unitCode,
      fiscalYear: parsed.fiscalYear,
      entity: 'project-budget',
      entityKey: project.code,
      before: { adjustedBudget: previous?.adjustedBudget ?? project.budget.total },
      after: { adjustedBudget, reason: parsed.reason, effectiveDate: parsed.effectiveDate },
    });
    return { id, version };
  });
}
