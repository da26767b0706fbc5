import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type DocxTable, bodyOf, readBody } from '../docx/docx-body.ts';
import { parseXmlSafely } from '../xml-guard.ts';
import { readZipSafely } from '../zip-guard.ts';
import {
  writeEvaluationDocx,
  writeEvaluationPdf,
  writeEvaluationXlsx,
  writeMonitoringDocx,
  writeMonitoringPdf,
  writeMonitoringXlsx,
} from './index.ts';
import { evaluationFixture, monitoringFixture } from './report-fixtures.ts';

async function docxParts(bytes: Buffer): Promise<{ xml: string; tables: DocxTable[] }> {
  const files = await readZipSafely(bytes, { fileName: 'report.docx' });
  const part = 'word/document.xml';
  const root = parseXmlSafely(files.get(part)!, {
    fileName: 'report.docx',
    part,
    parser: { preserveOrder: true },
  }) as Record<string, unknown>[];
  const tables = readBody(bodyOf(root)!).filter((b): b is DocxTable => b.kind === 'table');
  return { xml: files.get(part)!.toString('utf8'), tables };
}

const rowTexts = (table: DocxTable): string[][] => table.rows.map((cells) => cells.map((c) => c.text));

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describe('自评表 as .docx', () => {
  it('has one portrait table per project with the official rows, figures and scores', async () => {
    const { xml, tables } = await docxParts(await writeEvaluationDocx(evaluationFixture()));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(tables).toHaveLength(3);
    const rows = rowTexts(tables[0]!);
    expect(rows[1]).toEqual(['项目名称', '困难职工帮扶资金']);
    expect(rows[2]).toEqual([
      '主管部门',
      '秦皇岛市山海关区总工会（部门）',
      '实施单位',
      '秦皇岛市山海关区总工会（711002）',
    ]);
    expect(rows[3]).toEqual(['项目资金（元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    expect(rows[4]).toEqual(['', '年度资金总额', '20,000.00', '20,000.00', '19,600.00', '10.00', '98.00%', '9.80']);
    // 其中 财政拨款 / 其他资金 of the 年初预算数 (targets) and the 执行数 (decision 035); an adjustment has no split.
    expect(rows[5]).toEqual(['', '其中：财政拨款', '18,000.00', '—', '15,000.00', '—', '—', '—']);
    expect(rows[6]).toEqual(['', '其他资金', '2,000.00', '—', '4,600.00', '—', '—', '—']);
    expect(rows[8]![1]).toBe('1、帮扶困难职工 100 人\n2、发放及时');
    expect(rows[9]).toEqual([
      '绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
    ]);
    expect(rows[11]!.slice(3, 8)).toEqual(['补助金发放率', '=100%', '100%', '25.00', '25.00']);
    // The repeated 一级 and 二级 continue the cells above; the 不适用 indicator shows so, with no points.
    expect(tables[0]!.rows[11]!.slice(0, 3).map((c) => c.merged)).toEqual([true, true, true]);
    expect(rows[12]!.slice(5, 8)).toEqual(['不适用', '0.00', '—']);
  });

  it('prints the band a qualitative indicator was scored in, with the share chosen and the 评分理由 (10号)', async () => {
    const { tables } = await docxParts(await writeEvaluationDocx(evaluationFixture()));
    expect(rowTexts(tables[0]!)[13]).toEqual([
      '',
      '',
      '',
      '帮扶工作社会影响',
      '明显提升',
      '有所提升\n（部分达成，70%）',
      '20.00',
      '14.00',
      '评分理由：宣传覆盖面不足',
    ]);
  });

  it('prints the bureau’s 复核 beside the unit’s score: per indicator with the reason, and both totals', async () => {
    const { tables } = await docxParts(await writeEvaluationDocx(evaluationFixture()));
    const rows = rowTexts(tables[0]!);
    expect(rows[10]).toEqual([
      '',
      '产出指标',
      '数量指标',
      '帮扶人数',
      '≥100人',
      '90人',
      '25.00',
      '20.00',
      '部分职工已脱困\n下年核实名单\n复核（czj）：单位自评 22.50 分，复核 20.00 分，复核完成值 80人；理由：名单中 10 人重复',
    ]);
    expect(rows.slice(-2)).toEqual([
      ['单位自评总分（复核前）', '100.00', '91.30', '等级：优'],
      ['总分（复核后）', '100.00', '88.80', '等级：良'],
    ]);
  });

  it('flags spending above the budget with its reason, and sums big amounts with separators', async () => {
    const { tables } = await docxParts(await writeEvaluationDocx(evaluationFixture()));
    const rows = rowTexts(tables[1]!);
    // 10号: 执行率 above 100 % is flagged, not hidden in the full 10 points.
    expect(rows[4]!.slice(2)).toEqual(['1,234,567.80', '1,200,000.00', '1,260,000.00', '10.00', '105.00%', '10.00']);
    // No split entered nor booked: the 其中 rows stay blank rather than invent one.
    expect(rows[5]![4]).toBe('');
    expect(rows[7]).toEqual(['', '执行偏差原因', '执行率超过 100%，执行数超出调整后预算，须说明原因\n体检人数增加']);
    expect(rows.at(-1)).toEqual(['总分', '100.00', '58.00', '等级：差']);
  });

  it('prints a budget of 0 as not computable and a project with nothing applicable as 不可评分, not 0 差', async () => {
    const { tables } = await docxParts(await writeEvaluationDocx(evaluationFixture()));
    const rows = rowTexts(tables[2]!);
    expect(rows[4]!.slice(5)).toEqual(['10.00', '不可计算', '—']);
    expect(rows[7]).toEqual(['', '执行偏差原因', '调整后预算为 0，执行率不可计算，不计分']);
    expect(rows.at(-1)).toEqual(['总分', '100.00', '', '不可评分（无适用指标）']);
  });
});

describe('监控表 as .docx', () => {
  it('is landscape, with money to the month and the latest progress per indicator', async () => {
    const { xml, tables } = await docxParts(await writeMonitoringDocx(monitoringFixture()));
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    const rows = rowTexts(tables[0]!);
    expect(rows[2]![1]).toBe('');
    expect(rows[3]).toEqual([
      '项目资金（元）',
      '年初预算数',
      '调整后预算数',
      '1-7月执行数',
      '执行率',
      '全年预计执行数',
    ]);
    // Never adjusted: the adjusted budget is the initial one.
    expect(rows[4]).toEqual(['', '20,000.00', '20,000.00', '9,000.00', '45.00%', '19,800.00']);
    expect(rows[5]).toEqual([
      '绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '1-7月执行情况',
      '全年预计完成情况',
      '完成目标可能性',
      '偏差原因',
      '完善措施',
    ]);
    expect(rows[6]).toEqual([
      '',
      '产出指标',
      '数量指标',
      '帮扶人数',
      '≥100人',
      '45人',
      '95人',
      '有可能',
      '人员保障：摸底未完成',
      '八月完成摸底',
    ]);
    expect(rows[7]![5]).toBe('50%（截至6月）');
    expect(rows[8]!.slice(1, 6)).toEqual(['满意度指标', '服务对象满意度指标', '受助职工满意度', '≥90%', '']);
  });
});

describe('自评表 and 监控表 as .xlsx', () => {
  it('keeps a 汇总 sheet with numbers, and one sheet per project with the official merges', async () => {
    const book = await workbook(await writeEvaluationXlsx(evaluationFixture()));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '汇总',
      '1、困难职工帮扶资金',
      '2、职工体检费',
      '3、工会阵地维护',
    ]);
    const summary = book.getWorksheet('汇总')!;
    expect(summary.getRow(4).values).toEqual([
      undefined,
      '711-0701-JBN-PGN6',
      '困难职工帮扶资金',
      20000,
      19600,
      98,
      88.8,
      '良',
    ]);
    expect(summary.getRow(5).getCell(4).value).toBe(1260000);
    // Nothing applicable: no score and 不可评分 rather than 0 差.
    expect([summary.getRow(6).getCell(6).value, summary.getRow(6).getCell(7).value]).toEqual([null, '不可评分']);
    const sheet = book.getWorksheet('1、困难职工帮扶资金')!;
    expect(sheet.getCell('A1').value).toBe('项目支出绩效自评表');
    expect(sheet.getCell('B4').value).toBe('困难职工帮扶资金');
    expect(sheet.getCell('I4').master.address).toBe('B4');
    // Row 7 (money): 年初预算数 at D7 as a number; the money label merges down over rows 6–9 (其中 rows included).
    expect(sheet.getCell('D7').value).toBe(20000);
    expect(sheet.getCell('D7').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('A7').master.address).toBe('A6');
    expect(sheet.getCell('A9').master.address).toBe('A6');
    expect([sheet.getCell('B8').value, sheet.getCell('D8').value, sheet.getCell('F8').value]).toEqual([
      '其中：财政拨款',
      18000,
      15000,
    ]);
    expect(sheet.getCell('F9').value).toBe(4600);
    // Indicators from row 13: 产出指标 / 数量指标 merged over the two rows, then the totals.
    expect(sheet.getCell('D13').value).toBe('帮扶人数');
    expect(sheet.getCell('H13').value).toBe(20);
    expect(sheet.getCell('I13').value).toMatch(/复核（czj）：单位自评 22\.50 分，复核 20\.00 分/);
    expect(sheet.getCell('B14').master.address).toBe('B13');
    expect(sheet.getCell('C14').master.address).toBe('C13');
    expect(sheet.getCell('A15').master.address).toBe('A12');
    expect(sheet.getCell('F16').value).toBe('有所提升\n（部分达成，70%）');
    expect([sheet.getCell('A17').value, sheet.getCell('H17').value]).toEqual(['单位自评总分（复核前）', 91.3]);
    expect(sheet.getCell('H18').value).toBe(88.8);
    expect(sheet.getCell('I18').value).toBe('等级：良');
    expect(sheet.pageSetup.orientation).toBe('portrait');
  });

  it('writes the 监控表 landscape with the rate as a number', async () => {
    const book = await workbook(await writeMonitoringXlsx(monitoringFixture()));
    const summary = book.getWorksheet('汇总')!;
    expect(summary.getRow(4).values).toEqual([
      undefined,
      '711-0701-JBN-PGN6',
      '困难职工帮扶资金',
      20000,
      20000,
      9000,
      45,
      19800,
    ]);
    const sheet = book.getWorksheet('1、困难职工帮扶资金')!;
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.getCell('F7').value).toBe(9000);
    expect(sheet.getCell('G7').master.address).toBe('F7');
    expect(sheet.getCell('H7').value).toBe(45);
    expect(sheet.getCell('H9').value).toBe('有可能');
    expect(sheet.getCell('I9').value).toBe('人员保障：摸底未完成');
    expect(sheet.getCell('C10').master.address).toBe('C9');
  });
});

describe('自评表 and 监控表 as PDF', () => {
  it('are PDFs with the Chinese font embedded, one page per project at least', { timeout: 60_000 }, async () => {
    const evaluation = await writeEvaluationPdf(evaluationFixture());
    const monitoring = await writeMonitoringPdf(monitoringFixture());
    for (const pdf of [evaluation, monitoring]) {
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1')).toMatch(/NotoSerifSC/);
    }
    expect(evaluation.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBe(3);
    expect(monitoring.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
  });
});
