import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { loadProjectEntries, loadSubmissions, upsertProjectEntry } from '../db/monitoring-entries.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { normaliseAmount, parseAmountToCents } from '../domain/money.ts';
import { assertCheckpointOpen } from '../domain/monitoring/checkpoints.ts';
import { claimMonitoringVersion, loadMonitoredYear, requireMonitoredProject } from '../db/monitored-year.repo.ts';
import { ProjectKeyInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

const amount = (label: string) =>
  z.string().refine((text) => (parseAmountToCents(text) ?? -1n) >= 0n, `${label}应为不小于 0 的元数，最多两位小数`);

const RecordEntryInputSchema = ProjectKeyInputSchema.extend({
  month: z.number().int().min(1).max(12),
  forecastFullYear: amount('全年预计执行数'),
  releasedToDate: amount('拨付数').nullable().default(null),
  carryOver: amount('结转结余').nullable().default(null),
  /** The project's monitoring version read (If-Match; 0 = nothing entered yet). */
  expectedVersion: z.number().int().nonnegative(),
});
export type RecordMonitoringEntryInput = z.input<typeof RecordEntryInputSchema>;

/**
 * Sets what the unit states for a project at a checkpoint month (财预〔2019〕136号 监控表): 全年预计执行数 is the
 * unit's own estimate — the computed one is only shown beside it — with 拨付 to date and 结转结余. A submitted
 * checkpoint is locked.
 */
export async function recordMonitoringEntry(
  db: Db,
  actor: Actor,
  input: RecordMonitoringEntryInput,
): Promise<{ version: number }> {
  const parsed = validateInput(RecordEntryInputSchema, input, '项目监控数据');
  const optional = (text: string | null) => (text === null ? null : normaliseAmount(text));
  const entry = {
    projectCode: parsed.projectCode,
    month: parsed.month,
    forecastFullYear: normaliseAmount(parsed.forecastFullYear),
    releasedToDate: optional(parsed.releasedToDate),
    carryOver: optional(parsed.carryOver),
    updatedBy: actor.username,
  };
  return inTransaction(db, async (trx) => {
    const year = await loadMonitoredYear(trx, parsed);
    requireMonitoredProject(year, parsed.projectCode);
    assertCheckpointOpen(new Set((await loadSubmissions(trx, year.ref)).map((s) => s.month)), parsed.month);
    const version = await claimMonitoringVersion(trx, year, {
      projectCode: parsed.projectCode,
      expectedVersion: parsed.expectedVersion,
      by: actor.username,
    });
    const before = (await loadProjectEntries(trx, year.ref)).find(
      (e) => e.projectCode === entry.projectCode && e.month === entry.month,
    );
    await upsertProjectEntry(trx, year.ref, entry);
    await recordAudit(trx, actor, {
      action: 'record-monitoring-entry',
      unitCode: parsed.unitCode,
      fiscalYear: parsed.fiscalYear,
      entity: 'monitoring-entry',
      entityKey: `${entry.projectCode}:${entry.month}`,
      before: before ?? null,
      after: entry,
    });
    return { version };
  });
}
