import { AuditLogFilterSchema, MAX_AUDIT_EXPORT_ROWS } from '../contract/audit-log.ts';
import { actionWords, auditChanges, auditFieldLabel, entityKeyWords, entityWords } from '../contract/audit-words.ts';
import { validateInput } from '../contract/validate-input.ts';
import { type AuditLogRow, countAuditLog, findAuditLog } from '../db/audit-log.repo.ts';
import type { Db } from '../db/database.ts';
import { type AuditSheetRow, writeAuditXlsx } from '../documents/audit-xlsx.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { auditLogFilter } from './list-audit-log.ts';

const BATCH = 500;

/** Times as the finance offices read them (China Standard Time, no daylight saving). */
const CHINA_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * The audit log the actor may read, with the page's filters, as an Excel workbook in plain words.
 * Capped: a filter matching more than MAX_AUDIT_EXPORT_ROWS entries is refused with what to do,
 * rather than cut silently or built in memory without bound.
 */
export async function exportAuditXlsx(db: Db, actor: Actor, input: unknown): Promise<Buffer> {
  const query = validateInput(AuditLogFilterSchema, input, '审计日志查询条件');
  const filter = auditLogFilter(actor, query);
  const total = await countAuditLog(db.kysely, filter);
  if (total > MAX_AUDIT_EXPORT_ROWS) {
    throw new AppError(
      'VALIDATION',
      `符合条件的审计记录有 ${total} 条，一次最多导出 ${MAX_AUDIT_EXPORT_ROWS} 条：请缩短日期范围，或按操作人、单位、操作筛选后再导出。`,
      { location: { field: 'from' } },
    );
  }
  const rows: AuditSheetRow[] = [];
  // In batches, newest first: an entry's before/after (a whole imported document) is dropped once worded.
  for (let beforeId: string | undefined; rows.length < MAX_AUDIT_EXPORT_ROWS;) {
    const batch = await findAuditLog(db.kysely, { ...filter, beforeId }, { limit: BATCH, offset: 0 });
    rows.push(...batch.map(sheetRow));
    if (batch.length < BATCH) break;
    beforeId = batch.at(-1)!.id;
  }
  const note = `导出时间 ${CHINA_TIME.format(new Date())}，共 ${rows.length} 条，按时间从新到旧排列。`;
  return writeAuditXlsx(rows.slice(0, MAX_AUDIT_EXPORT_ROWS), note);
}

function sheetRow(row: AuditLogRow): AuditSheetRow {
  const changes = auditChanges(row.before, row.after).map(
    (c) => `${auditFieldLabel(row.entity, c.path)}：${c.before} → ${c.after}`,
  );
  return {
    time: CHINA_TIME.format(row.at),
    actor: row.actorDisplayName ? `${row.actorDisplayName}（${row.actorName}）` : row.actorName,
    unit: row.unitCode === null ? '' : `${row.unitCode} ${row.unitName ?? ''}`.trim(),
    fiscalYear: row.fiscalYear,
    what: `${actionWords(row.action)} ${entityWords(row.entity)} ${entityKeyWords(row.entity, row.entityKey)}`,
    changes: changes.join('\n'),
  };
}
