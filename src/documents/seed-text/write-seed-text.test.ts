import { describe, expect, it } from 'vitest';
import type { TargetsDocument } from '../../domain/targets.ts';
import { fixtureJson, fixtureText } from '../../../test/seed-text.ts';
import { readSeedText } from './read-seed-text.ts';
import { writeSeedText } from './write-seed-text.ts';

const seedDoc = () => fixtureJson('shanhaiguan-2020.expected.json') as TargetsDocument;
const roundTrip = (doc: TargetsDocument) => readSeedText(writeSeedText(doc)).document;

describe('writeSeedText', () => {
  it.each([
    'shanhaiguan-2020.expected.json',
    'funing-education-2021.expected.json',
    'shanhaiguan-health-2021.expected.json',
  ])('round-trips %s: reading what it writes gives the same document', (name) => {
    const doc = fixtureJson(name) as TargetsDocument;
    expect(roundTrip(doc)).toStrictEqual(doc);
  });

  it("writes the seed's own layout: the seed without its field codes and with the unit's full name in subtitles", () => {
    const seed = fixtureText('../../examples/shanhaiguan-2020.txt')
      .replace(/ TC .*\\l 1 $/gm, '')
      .replace(/^ /, '')
      .replace(/^山海关区总工会/gm, '秦皇岛市山海关区总工会')
      .replace(/\n \n?$/, '\n');
    expect(writeSeedText(seedDoc())).toBe(seed);
  });

  it('writes LF only, no field codes, tab-prefixed cells and the section headings', () => {
    const text = writeSeedText(seedDoc());
    expect(text).not.toMatch(/\r|\\f|\bTC\b/);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '第一部分',
      '部门整体绩效目标',
      '一、总体绩效目标',
      '秦皇岛市山海关区总工会总体绩效目标',
    ]);
    expect(text).toContain('\n二、分项绩效目标\n');
    expect(text).toContain('\n三、工作保障措施\n');
    expect(text).toContain(
      '\n第二部分\n预算项目绩效目标\n1、困难职工帮扶资金绩效目标表\n\t711002秦皇岛市山海关区总工会\n\t单位：元\n',
    );
    expect(text.endsWith('\t行业标准\n')).toBe(true);
  });

  it('writes 其他资金, null checkpoints and null amounts as empty cells, and reads them back', () => {
    const doc = seedDoc();
    doc.projects[0]!.budget = { total: '1234567.89', fiscal: null, other: '1234567.89' };
    doc.projects[0]!.spendingPlan = [
      { month: 2, cumulativePercent: null },
      { month: 5, cumulativePercent: 33.333 },
      { month: 12, cumulativePercent: null },
    ];
    const text = writeSeedText(doc);
    expect(text).toContain('\t预算数\n\t1234567.89\n\t其中：财政资金\n\t\n\t其他资金\n\t1234567.89\n');
    expect(text).toContain('\t资金支出计划（%）\n\t2月底\n\t5月底\n\t12月底\n\n\t\n\t\n\t33.333\n\t\n');
    expect(roundTrip(doc)).toStrictEqual(doc);
  });

  it('states the fiscal year on a cover line, which reads back', () => {
    const doc = { ...seedDoc(), fiscalYear: 2020 };
    expect(writeSeedText(doc).split('\n')[0]).toBe('秦皇岛市山海关区总工会2020年绩效目标');
    expect(roundTrip(doc)).toStrictEqual(doc);
  });

  it('round-trips texts of several paragraphs, goals that start with digits, and edge shapes', () => {
    const doc = seedDoc();
    doc.overall.goals = [
      { seq: 1, title: '2020年完成改造。', detail: '2020年完成改造。\n分两期实施。' },
      { seq: 3, title: '3个重点项目。', detail: null },
    ];
    doc.overall.measures = [
      { heading: '一、组织保障', items: [{ label: '', text: '成立领导小组。\n定期调度。' }] },
      { heading: '二、空的标题', items: [] },
    ];
    const p = doc.projects[0]!;
    p.goals = ['3.5万人受益', '1、有编号样式的目标', '2020年底前完成'];
    p.purpose = '第一段用途\n第二段用途';
    p.spendingPlan = [];
    doc.projects[1]!.goals = [];
    expect(roundTrip(doc)).toStrictEqual(doc);
  });

  it('separates a unit name that starts with a digit from the code, so it reads back', () => {
    const doc = { ...seedDoc(), unit: { code: '711002', name: '9号工作站' } };
    expect(writeSeedText(doc)).toContain('\n\t711002 9号工作站\n');
    expect(roundTrip(doc).unit).toEqual(doc.unit);
  });

  it('refuses a unit code that the layout cannot carry', () => {
    expect(() => writeSeedText({ ...seedDoc(), unit: { code: 'A-711', name: '某单位' } })).toThrow(
      expect.objectContaining({ code: 'VALIDATION', location: { field: 'unit.code' } }),
    );
  });

  it('writes a document without projects, which cannot be read back: the unit lives in the tables', () => {
    const text = writeSeedText({ ...seedDoc(), projects: [] });
    expect(text.endsWith('第二部分\n预算项目绩效目标\n')).toBe(true);
    expect(() => readSeedText(text)).toThrow(/找不到单位编码/);
  });
});
