import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { loadSubmissionSnapshot } from '../db/monitoring-entries.repo.ts';
import { findUnitId } from '../db/monitoring.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { renderDocument } from '../documents/render/render-pool.ts';
import type { MonitoringStatement } from '../documents/monitoring-report/types.ts';
import type { ExportedFile } from '../documents/targets-export.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { getUnitMonitoring } from './get-monitoring.ts';
import { monitoringStatement } from './monitoring-statement.ts';

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;
const TITLES = { statement: '绩效监控情况表', report: '绩效运行监控报告' } as const;

const ExportInputSchema = UnitYearInputSchema.extend({
  document: z.enum(['statement', 'report']),
  format: z.enum(['docx', 'pdf']),
  /** The checkpoint month; default: the latest checkpoint whose month has ended (else the first). */
  month: z.number().int().min(1).max(12).optional(),
});
export type ExportMonitoringStatementInput = z.input<typeof ExportInputSchema>;

/**
 * A unit's 绩效监控情况表 or 监控报告 (财预〔2019〕136号) at a checkpoint as Word or PDF. A submitted checkpoint
 * prints its snapshot — what the unit submitted, whatever was booked since; an open one prints the live figures
 * marked as a draft. Rendered in a render thread like every export (decision 022).
 */
export async function exportMonitoringStatement(db: Db, input: ExportMonitoringStatementInput): Promise<ExportedFile> {
  const key = validateInput(ExportInputSchema, input, '导出条件');
  const statement = await inTransaction(
    db,
    async (trx): Promise<MonitoringStatement> => {
      const live = await getUnitMonitoring(trx, key);
      const month = key.month ?? defaultMonth(live.checkpoints);
      const ref = { unitId: (await findUnitId(trx, key.unitCode))!, fiscalYear: key.fiscalYear };
      const snapshot = await loadSubmissionSnapshot(trx, ref, month);
      const asOf = month === live.asOfMonth ? live : await getUnitMonitoring(trx, { ...key, asOfMonth: month });
      const current = monitoringStatement(asOf, month, null);
      // The figures as submitted (written by monitoringStatement then: the same shape); the actions taken since
      // and their 整改 are today's, since the report tells what was done about them.
      return snapshot === undefined ? current : { ...(snapshot as MonitoringStatement), actions: current.actions };
    },
    'repeatable read',
  );
  const content = await renderDocument({
    kind: key.document === 'statement' ? 'monitoring-statement' : 'monitoring-report',
    format: key.format,
    statement,
  });
  return {
    content,
    contentType: CONTENT_TYPES[key.format],
    extension: key.format,
    fileName: `${statement.unitName}${key.fiscalYear}年1-${statement.month}月${TITLES[key.document]}.${key.format}`,
  };
}

function defaultMonth(checkpoints: readonly { month: number; state: string }[]): number {
  return (checkpoints.filter((c) => c.state !== 'not-due').at(-1) ?? checkpoints[0])?.month ?? 12;
}
