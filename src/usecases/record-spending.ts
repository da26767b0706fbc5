import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { setMonthlySpending } from '../db/monitoring.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { normaliseAmount, parseAmountToCents } from '../domain/money.ts';
import { claimMonitoringVersion, loadMonitoredYear, requireMonitoredProject } from '../db/monitored-year.repo.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

const SpendingEntrySchema = z.object({
  month: z.number().int().min(1).max(12),
  /** 财政资金 or 其他资金. */
  source: z.enum(['fiscal', 'other']),
  /** Spent in that month (本月支出), 元. */
  amount: z.string().refine((text) => (parseAmountToCents(text) ?? -1n) >= 0n, '金额应为不小于 0 的元数，最多两位小数'),
});

const RecordSpendingInputSchema = UnitYearInputSchema.extend({
  projectCode: z.string().trim().min(1),
  entries: z.array(SpendingEntrySchema).min(1).max(24),
  /** The project's monitoring version read (If-Match; 0 = nothing entered yet). Only the demo loader leaves it out. */
  expectedVersion: z.number().int().nonnegative().optional(),
});
export type RecordSpendingInput = z.input<typeof RecordSpendingInputSchema>;

/**
 * Sets one project's spending for the given months and sources (decision 011: per-month amounts,
 * replacing what the month held, so entering the same figures twice changes nothing), if the
 * project's monitoring is still at the version the caller read; returns the new version.
 */
export async function recordSpending(db: Db, actor: Actor, input: RecordSpendingInput): Promise<{ version: number }> {
  const parsed = validateInput(RecordSpendingInputSchema, input, '支出数据');
  return inTransaction(db, async (trx) => {
    const year = await loadMonitoredYear(trx, parsed);
    requireMonitoredProject(year, parsed.projectCode);
    const version = await claimMonitoringVersion(trx, year, {
      projectCode: parsed.projectCode,
      expectedVersion: parsed.expectedVersion,
      by: actor.username,
    });
    const before: Record<string, string | null> = {};
    const after: Record<string, string> = {};
    for (const entry of parsed.entries) {
      const amount = normaliseAmount(entry.amount);
      const key = `${entry.month}-${entry.source}`;
      before[key] = await setMonthlySpending(trx, year.ref, {
        projectCode: parsed.projectCode,
        month: entry.month,
        source: entry.source,
        amount,
      });
      after[key] = amount;
    }
    await recordAudit(trx, actor, {
      action: 'record-spending',
      unitCode: parsed.unitCode,
      fiscalYear: parsed.fiscalYear,
      entity: 'project-spending',
      entityKey: parsed.projectCode,
      before,
      after,
    });
    return { version };
  });
}
