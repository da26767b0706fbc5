import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sampleProject, seedDocument } from '../../../test/targets-fixtures.ts';
import { shiftDecimalTwo } from './cells.ts';
import { SHEETS } from './layout.ts';
import { readTargetsXlsx, writeTargetsXlsx, writeTemplateXlsx } from './index.ts';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return book;
}

async function save(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('writeTargetsXlsx → readTargetsXlsx', () => {
  it('gives back the seed field by field, with its year', async () => {
    const seed = { ...seedDocument(), fiscalYear: 2020 };
    const { document, notes } = await readTargetsXlsx(await writeTargetsXlsx(seed), { fileName: 'seed.xlsx' });
    expect(document).toEqual(seed);
    // The seed's 补助个人数量 has "个" and no number: row 5 of 指标明细 (header + 3 rows of project 1, then row 2 of project 2).
    expect(notes).toEqual([expect.objectContaining({ code: 'target-missing-number', line: 5 })]);
    expect(notes[0]!.message).toContain('工作表“指标明细”单元格 G5');
  });

  it('keeps a document without a year without one, and exact amounts beyond a double', async () => {
    const project = sampleProject('P-1', {
      budget: { total: '123456789012345.67', fiscal: '12345678900.00', other: '1.23' },
    });
    const doc = { ...seedDocument(), projects: [project, sampleProject('P-2')] };
    const { document } = await readTargetsXlsx(await writeTargetsXlsx(doc), { fileName: 'big.xlsx' });
    expect(document).toEqual(doc);
    expect(document.fiscalYear).toBeUndefined();
    expect(document.projects[0]!.budget.total).toBe('123456789012345.67');
  });

  it('writes the data sheets, one official sheet per project, and 说明', async () => {
    const book = await load(await writeTargetsXlsx({ ...seedDocument(), fiscalYear: 2020 }));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '总体目标',
      '项目',
      '指标明细',
      '1、困难职工帮扶资金',
      '2、劳模荣誉津贴',
      '3、市级以上劳模体检费',
      '4、提前下达2020年困难职工及劳模帮扶救助专项资金',
      '说明',
    ]);
    const official = book.getWorksheet('1、困难职工帮扶资金')!;
    expect(official.getCell('A2').value).toBe('711002秦皇岛市山海关区总工会');
    expect(official.getCell('F2').value).toBe('单位：元');
    expect(official.getCell('C4').value).toBe(20000);
    // 3 indicators with three different 一级: nothing merged in column A below the header (row 9).
    expect(official.getCell('A10').isMerged).toBe(false);
    const projects = book.getWorksheet(SHEETS.projects)!;
    expect(projects.getRow(1).values).toEqual([
      undefined,
      '项目编码',
      '项目名称',
      '预算数',
      '财政资金',
      '其他资金',
      '资金用途',
      '绩效目标',
      '3月底（%）',
      '6月底（%）',
      '10月底（%）',
      '12月底（%）',
    ]);
    expect(projects.getCell('H2').value).toBe('—');
    expect(projects.getCell('I2').value).toBe(60);
  });

  it('merges repeated 一级 and 二级 cells vertically in the official sheet', async () => {
    const project = sampleProject('P-1');
    const first = project.indicators[0]!;
    project.indicators = [first, { ...first, name: '第二个' }, { ...first, level2: '质量指标', name: '第三个' }];
    const book = await load(await writeTargetsXlsx({ ...seedDocument(), projects: [project] }));
    const sheet = book.getWorksheet('1、测试项目 P-1')!;
    const header = [...Array(20).keys()].find((r) => sheet.getCell(r + 1, 1).value === '一级指标')! + 1;
    expect(sheet.getCell(header + 3, 1).master.address).toBe(`A${header + 1}`);
    expect(sheet.getCell(header + 2, 2).master.address).toBe(`B${header + 1}`);
    expect(sheet.getCell(header + 3, 2).isMerged).toBe(false);
  });
});

describe('writeTemplateXlsx', () => {
  it('has 说明 first, frozen headers and drop-downs for 一级, 二级 and 依据', async () => {
    const book = await load(await writeTemplateXlsx());
    expect(book.worksheets.map((s) => s.name)).toEqual(['说明', '总体目标', '项目', '指标明细']);
    const indicators = book.getWorksheet(SHEETS.indicators)!;
    expect(indicators.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(indicators.getCell('C2').dataValidation.formulae).toEqual(['"产出指标,效益指标,满意度指标,成本指标"']);
    expect(String(indicators.getCell('D300').dataValidation.formulae[0])).toContain('服务对象满意度指标');
    expect(indicators.getCell('H2').dataValidation.formulae).toEqual(['"计划标准,行业标准,历史标准,其他"']);
  });

  it('reads back what a person typed into it, the way Excel stores it', async () => {
    const book = await load(await writeTemplateXlsx());
    const overall = book.getWorksheet(SHEETS.overall)!;
    overall.getCell('B2').value = '711002';
    overall.getCell('B3').value = '测试单位';
    overall.getCell('B4').value = 2021;
    overall.getCell('A8').value = 1;
    overall.getCell('B8').value = '目标一';
    const projects = book.getWorksheet(SHEETS.projects)!;
    // Typed as numbers: 20000 and 20000.5; "60%" becomes 0.6 with a percent format.
    projects.getRow(2).values = [
      'P-9',
      '项目九',
      20000.5,
      20000.5,
      null,
      '用途',
      '1、第一个目标\n2、第二个目标',
      '—',
      0.6,
      null,
      100,
    ];
    projects.getCell('I2').numFmt = '0%';
    const indicators = book.getWorksheet(SHEETS.indicators)!;
    indicators.getRow(2).values = [
      'P-9',
      '项目九',
      '产出指标',
      '数量指标',
      '发放人数',
      '发放的人数',
      '≥100人',
      '计划标准',
    ];
    indicators.getRow(3).values = ['P-9', null, null, '时效指标', '及时率', '', '及时', '其他'];
    const { document, notes } = await readTargetsXlsx(await save(book), { fileName: 'filled.xlsx' });
    expect(document.unit).toEqual({ code: '711002', name: '测试单位' });
    expect(document.fiscalYear).toBe(2021);
    expect(document.overall.goals).toEqual([{ seq: 1, title: '目标一', detail: null }]);
    const project = document.projects[0]!;
    expect(project.budget).toEqual({ total: '20000.50', fiscal: '20000.50', other: null });
    expect(project.spendingPlan).toEqual([
      { month: 3, cumulativePercent: null },
      { month: 6, cumulativePercent: 60 },
      { month: 12, cumulativePercent: 100 },
    ]);
    expect(project.goals).toEqual(['第一个目标', '第二个目标']);
    expect(project.indicators[1]).toMatchObject({
      level1: '产出指标',
      level2: '时效指标',
      category: 'output',
      target: { raw: '及时', op: null },
    });
    expect(project.indicators[0]!.target).toEqual({ raw: '≥100人', op: '>=', value: 100, unit: '人' });
    expect(notes).toEqual([expect.objectContaining({ code: 'merged-cell-filled', line: 3 })]);
    expect(notes[0]!.message).toContain('单元格 C3');
  });
});

describe('shiftDecimalTwo', () => {
  it.each([
    ['0.9', '90'],
    ['0.955', '95.5'],
    ['1', '100'],
    ['0.05', '5'],
    ['-0.5', '-50'],
    ['12.3456', '1234.56'],
  ])('%s → %s', (input, output) => {
    expect(shiftDecimalTwo(input)).toBe(output);
  });
});
