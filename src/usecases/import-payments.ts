import type { Db } from '../db/database.ts';
import type { PaymentsPreview } from './preview-payments.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { bumpMonitoringVersions, setMonthlySpending } from '../db/monitoring.repo.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { type PaymentRows, readPaymentRows } from '../documents/payments/payment-rows.ts';
import { readTable } from '../documents/payments/read-table.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import {
  type MonitoredYear,
  claimMonitoringVersion,
  loadMonitoredYear,
  monitoringVersionsOf,
} from '../db/monitored-year.repo.ts';
import { type ImportPaymentsInput, ImportPaymentsInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

/**
 * Applies a payments file: each project-month-source it mentions is SET to the file's sum (a re-import
 * of the same file changes nothing). Any error row and nothing is written (VALIDATION with every issue).
 */
export async function importPayments(db: Db, actor: Actor, input: ImportPaymentsInput): Promise<PaymentsPreview> {
  const parsed = validateInput(ImportPaymentsInputSchema, input, '支付数据导入');
  const table = await readTable(input.content, parsed.fileName);
  return inTransaction(db, async (trx) => {
    // The checks of previewPayments, inside the transaction that writes.
    const year = await loadMonitoredYear(trx, parsed);
    const preview = readPaymentRows(table, {
      columns: parsed.columns,
      hasHeader: parsed.hasHeader,
      fileName: parsed.fileName,
      fiscalYear: year.ref.fiscalYear,
      projectCodes: new Set(year.projects.map((p) => p.code)),
    });
    if (preview.errors.length > 0) throw rowErrors(parsed.fileName, preview.errors);
    await claimBookedProjects(trx, year, preview.months, {
      expected: parsed.expectedVersions,
      by: actor.username,
      fileName: parsed.fileName,
    });
    for (const entry of preview.months) await setMonthlySpending(trx, year.ref, entry);
    await recordAudit(trx, actor, {
      action: 'import-payments',
      unitCode: parsed.unitCode,
      fiscalYear: parsed.fiscalYear,
      entity: 'payments-file',
      entityKey: parsed.fileName,
      after: { rows: preview.rows.length, months: preview.months },
    });
    const booked = preview.months.map((m) => m.projectCode);
    return { ...preview, versions: await monitoringVersionsOf(trx, year.ref, booked) };
  });
}

/** Any error row refuses the whole file: VALIDATION naming the first, with every one as an issue. */
function rowErrors(fileName: string, errors: PaymentRows['errors']): AppError {
  const first = errors[0]!;
  return new AppError(
    'VALIDATION',
    `${fileName} 有 ${errors.length} 处错误，未导入任何数据。第 ${first.row} 行 ${first.column} 列：${first.message}`,
    {
      location: { file: fileName, line: first.row, field: first.column },
      issues: errors.map((e) => ({ file: fileName, line: e.row, field: e.column, message: e.message })),
    },
  );
}

/**
 * A file's spending changes its projects as a form would: each booked project's version is
 * compare-and-set against the preview's (stale → CONFLICT naming who wrote last, decision 023), so
 * editors that read them before go stale and a file never overwrites spending its preview did not show.
 * Without `expected` (scripts, tests) the versions are only bumped.
 */
async function claimBookedProjects(
  trx: Executor,
  year: MonitoredYear,
  months: PaymentRows['months'],
  options: { expected: Record<string, number> | undefined; by: string; fileName: string },
): Promise<void> {
  const booked = [...new Set(months.map((m) => m.projectCode))].sort(); // one lock order for concurrent applies
  if (!options.expected) return bumpMonitoringVersions(trx, year.ref, booked, options.by);
  for (const projectCode of booked) {
    const expectedVersion = options.expected[projectCode];
    if (expectedVersion === undefined) {
      throw new AppError('VALIDATION', `预览中没有项目 ${projectCode} 的版本（文件可能已更换），请重新预览后再导入`, {
        location: { file: options.fileName, field: 'expectedVersions' },
      });
    }
    await claimMonitoringVersion(trx, year, { projectCode, expectedVersion, by: options.by });
  }
}
