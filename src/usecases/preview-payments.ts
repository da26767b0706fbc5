import { type ImportPaymentsInput, ImportPaymentsInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { loadMonitoredYear, monitoringVersionsOf } from '../db/monitored-year.repo.ts';
import { type PaymentRows, readPaymentRows } from '../documents/payments/payment-rows.ts';
import { readTable } from '../documents/payments/read-table.ts';

export interface PaymentsPreview extends PaymentRows {
  /** Each booked project's monitoring version (0: nothing entered yet), to send back with the apply. */
  versions: Record<string, number>;
}

/**
 * Reads and checks a payments file against the unit-year's projects, as importPayments does; writes
 * nothing. The unit-year must be monitored and every row must name one of its projects, a month of
 * the year, an amount and a source: the problems of rows are listed, where the apply refuses the file.
 */
export async function previewPayments(db: Db, input: ImportPaymentsInput): Promise<PaymentsPreview> {
  const parsed = validateInput(ImportPaymentsInputSchema, input, '支付数据导入');
  const table = await readTable(input.content, parsed.fileName);
  const year = await loadMonitoredYear(db.kysely, parsed);
  const checked = readPaymentRows(table, {
    columns: parsed.columns,
    hasHeader: parsed.hasHeader,
    fileName: parsed.fileName,
    fiscalYear: year.ref.fiscalYear,
    projectCodes: new Set(year.projects.map((p) => p.code)),
  });
  const booked = checked.months.map((m) => m.projectCode);
  return { ...checked, versions: await monitoringVersionsOf(db.kysely, year.ref, booked) };
}
