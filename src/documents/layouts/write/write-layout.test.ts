import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TargetsDocument } from '../../../domain/targets.ts';
import { seedDocument } from '../../../../test/targets-fixtures.ts';
import { readGrids } from '../../tables/read-grids.ts';
import { readZipSafely } from '../../zip-guard.ts';
import { readTables } from '../read-tables.ts';
import { PRINTABLE_LAYOUTS, layoutById } from './printable.ts';
import { writeLayoutDocx } from './write-layout-docx.ts';
import { writeLayoutXlsx } from './write-layout-xlsx.ts';

/*
 * Issue 15 item 2: the layout descriptions drive both directions. Each targets form is printed from its LayoutDef,
 * then read back by the label recogniser (readGrids → readTables): it must be recognised as that very layout and
 * give back every project, every amount exactly in 元, every indicator's 三级指标 and 指标值 as written.
 */

const WRITERS = { docx: writeLayoutDocx, xlsx: writeLayoutXlsx } as const;
const FORMATS = ['docx', 'xlsx'] as const;

function seedYear(): TargetsDocument {
  const seed = seedDocument();
  // Amounts 万元 cannot show in a few digits, and a 千元 one finer than 1 元: both must come back exactly.
  seed.projects[0]!.budget = { total: '12345678.91', fiscal: '12345000.00', other: '678.91' };
  return { ...seed, fiscalYear: 2020 };
}

async function readBack(document: TargetsDocument, id: string, format: (typeof FORMATS)[number]) {
  const bytes = await WRITERS[format](document, layoutById(id)!);
  return readTables(await readGrids(bytes, `${id}.${format}`));
}

const projectLayouts = PRINTABLE_LAYOUTS.filter((layout) => layout.kind === 'project-targets').map((l) => l.id);

describe('a unit’s targets printed in each province’s form read back as the same facts', () => {
  it('offers every 项目支出 and 部门整体 targets form of the registry, and no other', () => {
    expect(projectLayouts).toEqual(['hebei-seed', 'sichuan-integrated', 'hubei', 'hunan', 'anhui', 'central']);
    expect(PRINTABLE_LAYOUTS.map((l) => l.id)).toEqual(
      expect.arrayContaining(['chongqing-overall', 'overall-targets']),
    );
    expect(layoutById('monitoring')).toBeUndefined();
  });

  const cases = projectLayouts.flatMap((id) => FORMATS.map((format) => [id, format] as const));
  it.each(cases)('%s as .%s', async (id, format) => {
    const document = seedYear();
    const reading = await readBack(document, id, format);
    const recognised = reading.tables.filter((table) => table.kind !== null);
    expect(recognised.length).toBeGreaterThan(0);
    for (const table of recognised) expect([table.kind, table.layout]).toEqual(['project-targets', id]);
    const read = reading.targets!;
    expect(read.fiscalYear).toBe(2020);
    expect(read.unit.name).toBe(document.unit.name);
    expect(read.projects.map((p) => p.name)).toEqual(document.projects.map((p) => p.name));
    read.projects.forEach((project, i) => {
      const written = document.projects[i]!;
      expect(project.budget, written.name).toEqual(written.budget);
      const facts = (p: typeof project) => p.indicators.map((x) => [x.level1, x.level2, x.name, x.target.raw]);
      expect(facts(project), written.name).toEqual(facts(written));
    });
  });

  it.each(FORMATS)('the 部门整体 forms give back the department’s budget and indicators (.%s)', async (format) => {
    const seed = seedYear();
    const indicators = seed.projects[1]!.indicators;
    const document = { ...seed, overall: { ...seed.overall, budget: seed.projects[0]!.budget, indicators } };
    for (const id of ['chongqing-overall', 'overall-targets']) {
      const reading = await readBack(document, id, format);
      expect(reading.tables.filter((t) => t.kind).map((t) => [t.kind, t.layout])).toEqual([['overall-targets', id]]);
      const overall = reading.targets!.overall;
      expect(overall.budget).toEqual(document.overall.budget);
      expect(overall.indicators!.map((x) => [x.name, x.target.raw])).toEqual(
        indicators.map((x) => [x.name, x.target.raw]),
      );
      expect(overall.goals.map((g) => g.title)).toEqual(document.overall.goals.map((g) => g.title));
    }
  });
});

describe('what each form prints', () => {
  async function texts(document: TargetsDocument, id: string, format: (typeof FORMATS)[number]): Promise<string[]> {
    const file = await readGrids(await WRITERS[format](document, layoutById(id)!), `x.${format}`);
    return [...file.paragraphs, ...file.grids.flatMap((grid) => [...grid.above, ...grid.rows.flat()])];
  }

  it('converts amounts to the form’s unit exactly and states the unit where the form does', async () => {
    const document = seedYear();
    document.projects[0]!.budget = { total: '125000.00', fiscal: '125000.00', other: null };
    const central = await texts(document, 'central', 'docx');
    expect(central).toEqual(expect.arrayContaining(['12.5', '年度资金总额（万元）', '2020年度项目支出绩效目标申报表']));
    const hubei = await texts(document, 'hubei', 'xlsx');
    expect(hubei).toEqual(expect.arrayContaining(['12.5', '单位：万元', '年度资金总额']));
    expect(await texts(document, 'anhui', 'docx')).toEqual(expect.arrayContaining(['125', '资金总额（千元）']));
    expect(await texts(document, 'hebei-seed', 'docx')).toEqual(expect.arrayContaining(['125000.00', '单位：元']));
  });

  it('prints the fields a form has (empty where the model has none) and not those it lacks', async () => {
    const document = seedYear();
    const purpose = '用于困难职工生活补助和节日慰问';
    document.projects[0]!.purpose = purpose;
    expect(await texts(document, 'hebei-seed', 'docx')).toContain(purpose);
    const hubei = await texts(document, 'hubei', 'docx');
    expect(hubei).not.toContain(purpose);
    expect(hubei.some((text) => text.includes('指标值确定依据'))).toBe(false);
    // 四川: 指标值 and 度量单位 apart; 权重 and 指标性质 empty because the seed states none.
    const sichuan = await readGrids(await writeLayoutXlsx(document, layoutById('sichuan-integrated')!), 's.xlsx');
    const rows = sichuan.grids[0]!.rows;
    const head = rows.findIndex((row) => row.includes('度量单位'));
    const value = rows[head]!.indexOf('指标值');
    const row = rows[head + 1]!;
    expect([row[value], row[value + 1], row[rows[head]!.indexOf('权重')]]).toEqual(['≥90', '%', '']);
  });

  it('merges 一级 and 二级 over their rows: vMerge in Word, merged ranges in Excel', async () => {
    const document = seedYear();
    const docx = await writeLayoutDocx(document, layoutById('central')!);
    const parts = await readZipSafely(docx, { fileName: 'x.docx' });
    expect(parts.get('word/document.xml')!.toString('utf8')).toContain('<w:vMerge w:val="restart"/>');
    expect(parts.get('word/styles.xml')!.toString('utf8')).toContain('w:eastAsia="zh-CN"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeLayoutXlsx(document, layoutById('central')!)) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges.some((range) => /^([A-Z]+)\d+:\1\d+$/.test(range))).toBe(true);
    expect(sheet.pageSetup.paperSize).toBe(9);
  });

  it('prints every project of 湖南 in one table, the project’s columns merged down its rows', async () => {
    const file = await readGrids(await writeLayoutDocx(seedYear(), layoutById('hunan')!), 'h.docx');
    expect(file.grids).toHaveLength(1);
    expect(file.grids[0]!.origin.flat()).toContain('merge');
  });
});
