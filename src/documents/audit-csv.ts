/** One audit entry as the CSV has it (the API's AuditEntry). */
interface AuditCsvEntry {
  at: string;
  actor: string;
  action: string;
  unitCode: string | null;
  fiscalYear: number | null;
  entity: string;
  entityKey: string;
  before: unknown;
  after: unknown;
}

const CSV_HEADER = ['时间(UTC)', '操作人', '操作', '单位', '年度', '对象', '对象编码', '修改前', '修改后'];

/**
 * Audit entries as CSV (RFC 4180), one row each in the order given. Starts with a UTF-8 BOM:
 * without it Excel reads the file as the local code page and garbles the Chinese.
 */
export function writeAuditCsv(entries: readonly AuditCsvEntry[]): string {
  const lines = [
    CSV_HEADER,
    ...entries.map((e) => [
      e.at,
      e.actor,
      e.action,
      e.unitCode ?? '',
      e.fiscalYear === null ? '' : String(e.fiscalYear),
      e.entity,
      e.entityKey,
      json(e.before),
      json(e.after),
    ]),
  ];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function json(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

/** Quotes every cell that needs it; a leading = + - @ is prefixed with ' so Excel does not run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
