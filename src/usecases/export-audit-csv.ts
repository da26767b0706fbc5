import { AuditQueryInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { findAuditEntries, toAuditEntry } from '../db/audit-query.repo.ts';
import type { Db } from '../db/database.ts';
import { writeAuditCsv } from '../documents/audit-csv.ts';

const MAX_CSV_ROWS = 100_000;

/** The unit-year's audit log (up to 100,000 entries, newest first) as CSV for Excel (UTF-8 with BOM). */
export async function exportAuditCsv(
  db: Db,
  input: { unitCode: string; fiscalYear: number; entity?: string },
): Promise<string> {
  const query = validateInput(AuditQueryInputSchema, input, '审计日志查询条件');
  const filter = { unitCode: query.unitCode, fiscalYear: query.fiscalYear, entity: query.entity };
  const rows = await findAuditEntries(db.kysely, filter, { limit: MAX_CSV_ROWS, offset: 0 });
  return writeAuditCsv(rows.map(toAuditEntry));
}
