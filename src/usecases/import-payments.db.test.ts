import ExcelJS from 'exceljs';
import { beforeEach, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { getUnitMonitoring } from './get-monitoring.ts';
import { importTargets } from './import-targets.ts';
import { monthOf } from '../documents/payments/payment-rows.ts';
import { importPayments } from './import-payments.ts';
import { previewPayments } from './preview-payments.ts';

const unitYear = { unitCode: '711002', fiscalYear: 2020 };
const csv = (text: string) => new TextEncoder().encode(text);
const GOOD = [
  '凭证号,项目编码,支付日期,金额,资金来源',
  'V1,711-0403-JBN-3EQS,2020-02-10,"1,200.00",财政资金',
  'V2,711-0403-JBN-3EQS,2020-02-20,300.5,财政资金',
  'V3,711-0403-JBN-MQNI,2020/6/1,5000,其他资金',
].join('\n');
const byHeader = { projectCode: '项目编码', date: '支付日期', amount: '金额', source: '资金来源' };

describeEachEngine('importPayments', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
  });
  const monthOfProject = async (code: string, month: number) =>
    (await getUnitMonitoring(getDb(), { ...unitYear, asOfMonth: 12 })).projects.find((p) => p.code === code)!.months[
      month - 1
    ]!;

  it('previews summed project-months without writing, then applies them', async () => {
    const input = { ...unitYear, fileName: 'pay.csv', content: csv(GOOD), columns: byHeader };
    const preview = await previewPayments(getDb(), input);
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => [r.row, r.amount])).toEqual([
      [2, '1200.00'],
      [3, '300.50'],
      [4, '5000.00'],
    ]);
    expect(preview.months).toEqual([
      { projectCode: '711-0403-JBN-3EQS', month: 2, source: 'fiscal', amount: '1500.50' },
      { projectCode: '711-0403-JBN-MQNI', month: 6, source: 'other', amount: '5000.00' },
    ]);
    expect((await monthOfProject('711-0403-JBN-3EQS', 2)).fiscal).toBe('0.00');
    await importPayments(getDb(), SYSTEM_ACTOR, input);
    await importPayments(getDb(), SYSTEM_ACTOR, input); // same file again: sets, does not add
    expect((await monthOfProject('711-0403-JBN-3EQS', 2)).fiscal).toBe('1500.50');
    expect((await monthOfProject('711-0403-JBN-MQNI', 6)).other).toBe('5000.00');
  });

  it('reports every bad cell by row and column and applies nothing', async () => {
    const bad = `${GOOD}\nV4,NO-SUCH,2020-03-01,10,财政资金\nV5,711-0403-JBN-3EQS,2019-12-31,abc,自筹`;
    const input = {
      ...unitYear,
      fileName: 'pay.csv',
      content: csv(bad),
      columns: { projectCode: 'B', date: 'C', amount: 'D', source: 'E' },
    };
    const preview = await previewPayments(getDb(), input);
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [5, 'B'],
      [6, 'C'],
      [6, 'D'],
      [6, 'E'],
    ]);
    const error = await expectAppError(importPayments(getDb(), SYSTEM_ACTOR, input), 'VALIDATION');
    expect(error.issues).toHaveLength(4);
    expect((await monthOfProject('711-0403-JBN-3EQS', 2)).fiscal).toBe('0.00');
    await expectAppError(
      previewPayments(getDb(), { ...input, columns: { ...byHeader, amount: '不存在的列' } }),
      'VALIDATION',
    );
  });

  it('reads an .xlsx with real dates and numbers', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('支付');
    sheet.addRow(['项目编码', '日期', '金额']);
    sheet.addRow(['711-0701-YSN-2UE1', new Date(Date.UTC(2020, 3, 15)), 2500.25]);
    const content = new Uint8Array(await book.xlsx.writeBuffer());
    const preview = await previewPayments(getDb(), {
      ...unitYear,
      fileName: 'pay.xlsx',
      content,
      columns: { projectCode: 'A', date: 'B', amount: 'C' },
    });
    expect(preview.months).toEqual([
      { projectCode: '711-0701-YSN-2UE1', month: 4, source: 'fiscal', amount: '2500.25' },
    ]);
  });
});

it('reads months from dates and month cells', () => {
  expect([monthOf('2020-06-15', 2020), monthOf('2020年6月', 2020), monthOf('6月', 2020), monthOf('12', 2020)]).toEqual([
    6, 6, 6, 12,
  ]);
  expect(monthOf('13', 2020)).toBe('月份 13 不在 1–12 之间');
  expect(monthOf('2021-01-02', 2020)).toBe('日期 2021-01-02 不在 2020 年度内');
});
