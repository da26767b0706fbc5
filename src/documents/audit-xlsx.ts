import ExcelJS from 'exceljs';

/** One audit entry as the Excel export shows it: already in words, no internal key. */
export interface AuditSheetRow {
  time: string;
  actor: string;
  unit: string;
  fiscalYear: number | null;
  what: string;
  changes: string;
}

const COLUMNS = [
  { header: '时间（北京时间）', key: 'time', width: 18 },
  { header: '操作人', key: 'actor', width: 16 },
  { header: '单位', key: 'unit', width: 28 },
  { header: '年度', key: 'fiscalYear', width: 8 },
  { header: '操作', key: 'what', width: 40 },
  { header: '改动', key: 'changes', width: 80 },
] as const;

/** The filtered audit log as one sheet, newest first, the header frozen and filterable in Excel. */
export async function writeAuditXlsx(rows: readonly AuditSheetRow[], note: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  sheet.addRow([note]);
  sheet.getRow(1).font = { italic: true };
  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow({ ...row, fiscalYear: row.fiscalYear ?? '' });
    added.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: COLUMNS.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
