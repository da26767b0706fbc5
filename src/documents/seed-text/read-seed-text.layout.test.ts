import { describe, expect, it } from 'vitest';
import { DEFAULT_TABLE, documentText, row, table } from '../../../test/seed-text.ts';
import { readSeedText } from './read-seed-text.ts';

/** The layout in general, beyond the seed's particular content: one variation at a time. */

const read = (text: string) => readSeedText(text);
const firstProject = (text: string) => read(text).document.projects[0]!;

describe('project tables', () => {
  it('reads a document that has only 第二部分: no overall goals or measures', () => {
    const { document } = read(documentText([], [table()]));
    expect(document.unit).toEqual({ code: '703004', name: '秦皇岛市海港区民政局' });
    expect(document.overall).toEqual({ goals: [], measures: [] });
    expect(document.projects.map((p) => p.code)).toEqual(['703-0802-JBN-DB01']);
  });

  it('reads any number of tables, each with any number of indicators', () => {
    const indicators = Array.from({ length: 9 }, (_, i) => [
      '产出指标',
      '数量指标',
      `指标${i + 1}`,
      '',
      `${i + 1}次`,
      '计划标准',
    ]);
    const tables = [1, 2, 3, 4, 5].map((n) =>
      table({ title: `${n}、项目${n}绩效目标表`, code: `P-${n}`, indicators: indicators.slice(0, n + 4) }),
    );
    const { document } = read(documentText([], tables));
    expect(document.projects.map((p) => [p.code, p.indicators.length])).toEqual([
      ['P-1', 5],
      ['P-2', 6],
      ['P-3', 7],
      ['P-4', 8],
      ['P-5', 9],
    ]);
    expect(document.projects[4]!.indicators[8]!.target).toEqual({ raw: '9次', op: '=', value: 9, unit: '次' });
  });

  it('reads 其他资金 when filled, with thousands separators and a trailing 元', () => {
    const budget = [
      '预算规模及资金用途',
      '预算数',
      '1,234,567.8',
      '其中：财政资金',
      '1,000,000元',
      '其他资金',
      '234,567.80',
    ];
    expect(firstProject(documentText([], [table({ budget })])).budget).toEqual({
      total: '1234567.80',
      fiscal: '1000000.00',
      other: '234567.80',
    });
  });

  it('reads a budget row without the 其他资金 pair, and empty amount cells, as null', () => {
    const budget = ['预算规模及资金用途', '预算数', '', '其中：财政资金', '300.00'];
    expect(firstProject(documentText([], [table({ budget })])).budget).toEqual({
      total: null,
      fiscal: '300.00',
      other: null,
    });
  });

  it('reads a unit line with a space between code and name', () => {
    const { document } = read(documentText([], [table({ unit: '703004 秦皇岛市海港区民政局' })]));
    expect(document.unit).toEqual({ code: '703004', name: '秦皇岛市海港区民政局' });
  });

  it('accepts label cells with ASCII punctuation, spaces, or a common other spelling', () => {
    const p = firstProject(
      documentText(
        [],
        [
          table({
            budget: ['预算规模及资金用途', '预算数', '10.00', '其中:财政资金', '10.00', '其 他 资 金', ''],
            spending: [
              ['资金支出计划(%)', '12月底'],
              ['', '100'],
            ],
            goals: ['年度绩效目标', '1、保障'],
          }),
        ],
      ),
    );
    expect([p.budget.fiscal, p.spendingPlan, p.goals]).toEqual([
      '10.00',
      [{ month: 12, cumulativePercent: 100 }],
      ['保障'],
    ]);
  });

  it('reads any set of checkpoint months, with empty cells as null and "60.00" as 60', () => {
    const spending = [
      ['资金支出计划（%）', '1月底', '4月底', '7月底', '10月底', '12月底'],
      ['', '', '10', '45.50', '', '100.00'],
    ];
    expect(firstProject(documentText([], [table({ spending })])).spendingPlan).toEqual([
      { month: 1, cumulativePercent: null },
      { month: 4, cumulativePercent: 10 },
      { month: 7, cumulativePercent: 45.5 },
      { month: 10, cumulativePercent: null },
      { month: 12, cumulativePercent: 100 },
    ]);
  });

  it('reads a percent row that lacks the empty label cell', () => {
    const spending = [
      ['资金支出计划（%）', '6月底', '12月底'],
      ['40', '100'],
    ];
    expect(firstProject(documentText([], [table({ spending })])).spendingPlan).toEqual([
      { month: 6, cumulativePercent: 40 },
      { month: 12, cumulativePercent: 100 },
    ]);
  });

  it('reads a table without purpose, spending plan or goal rows as empty ones', () => {
    const p = firstProject(documentText([], [table({ purpose: null, spending: null, goals: null })]));
    expect([p.purpose, p.spendingPlan, p.goals]).toEqual(['', [], []]);
    expect(p.indicators).toHaveLength(2);
  });

  it('reads several goal lines, as further paragraphs of the cell or as cells of their own', () => {
    const asParagraphs = table({ goals: ['绩效目标', '1、保障基本生活\n2、按月足额发放\n3、动态管理应保尽保'] });
    const asCells = table({ goals: ['绩效目标', '1.保障基本生活', '2.按月足额发放', '（3）动态管理应保尽保'] });
    const expected = ['保障基本生活', '按月足额发放', '动态管理应保尽保'];
    expect(firstProject(documentText([], [asParagraphs])).goals).toEqual(expected);
    expect(firstProject(documentText([], [asCells])).goals).toEqual(expected);
  });

  it('keeps an unnumbered goal line whole, including one that starts with a decimal', () => {
    expect(firstProject(documentText([], [table({ goals: ['绩效目标', '保障低保对象基本生活'] })])).goals).toEqual([
      '保障低保对象基本生活',
    ]);
    expect(firstProject(documentText([], [table({ goals: ['绩效目标', '3.5万人受益'] })])).goals).toEqual([
      '3.5万人受益',
    ]);
    expect(firstProject(documentText([], [table({ goals: ['绩效目标', '1、3.5万人受益'] })])).goals).toEqual([
      '3.5万人受益',
    ]);
    expect(firstProject(documentText([], [table({ goals: ['绩效目标', ''] })])).goals).toEqual([]);
  });

  it('reads a purpose of several paragraphs, and any 一级 names (unknown ones get category null)', () => {
    const indicators = [
      ['投入指标', '资金投入', '投入资金', '', '20万元', '其他'],
      ['预期产出指标', '数量指标', '发放户数', '', '1-2家', '计划标准'],
    ];
    const p = firstProject(documentText([], [table({ purpose: ['', '按月发放\n城乡低保金'], indicators })]));
    expect(p.purpose).toBe('按月发放\n城乡低保金');
    expect(p.indicators.map((i) => [i.level1, i.category, i.target.op])).toEqual([
      ['投入指标', null, '='],
      ['预期产出指标', 'output', 'range'],
    ]);
  });

  it('fills empty 一级/二级 cells (Word merged cells) from the row above, and notes it', () => {
    const indicators = [
      ['产出指标', '数量指标', '保障人数', '', '≥3200人', ''],
      ['', '', '保障户数', '', '≥2000户', ''],
      ['', '质量指标', '发放准确率', '', '100%', ''],
    ];
    const { document, notes } = read(documentText([], [table({ indicators })]));
    expect(document.projects[0]!.indicators.map((i) => [i.level1, i.level2])).toEqual([
      ['产出指标', '数量指标'],
      ['产出指标', '数量指标'],
      ['产出指标', '质量指标'],
    ]);
    expect(notes.map((n) => n.code)).toEqual(['merged-cell-filled', 'merged-cell-filled', 'merged-cell-filled']);
  });

  it('keeps an empty target and an empty basis, and notes the empty target', () => {
    const indicators = [['产出指标', '数量指标', '保障人数', '全年人数', '', '']];
    const { document, notes } = read(documentText([], [table({ indicators })]));
    expect(document.projects[0]!.indicators[0]).toMatchObject({
      target: { raw: '', op: null, value: null, unit: null },
      basis: '',
    });
    expect(notes).toEqual([expect.objectContaining({ code: 'target-empty', message: '指标“保障人数”没有填写指标值' })]);
  });

  it('needs no title line before the first table, and tolerates a title right after the last row', () => {
    const [, ...untitled] = table();
    const second = table({ title: '2、特困人员供养资金绩效目标表', code: 'P-2' });
    const text = documentText([], [untitled.slice(0, -2), second]);
    expect(read(text).document.projects.map((p) => p.code)).toEqual([DEFAULT_TABLE.code, 'P-2']);
  });
});

describe('第一部分', () => {
  const part1 = (...lines: string[]) => documentText(lines, [table()]);

  it('matches 分项 details to 总体 titles by number; a title without a detail has detail null', () => {
    const text = part1(
      '第一部分',
      '部门整体绩效目标',
      '一、总体绩效目标',
      '1.甲。',
      '',
      '2.乙。',
      '二、分项绩效目标',
      '2.乙。详细。',
    );
    expect(read(text).document.overall.goals).toEqual([
      { seq: 1, title: '甲。', detail: null },
      { seq: 2, title: '乙。', detail: '乙。详细。' },
    ]);
  });

  it('keeps a detail that has no title, titled by its first sentence, and notes it', () => {
    const text = part1('一、总体绩效目标', '1.甲。', '二、分项绩效目标', '1.甲。详。', '', '7.丙项工作。要做好。');
    const { document, notes } = read(text);
    expect(document.overall.goals[1]).toEqual({ seq: 7, title: '丙项工作。', detail: '丙项工作。要做好。' });
    expect(notes).toEqual([expect.objectContaining({ line: 6, code: 'goal-title-derived' })]);
  });

  it('joins an unnumbered paragraph to the entry before it', () => {
    const text = part1('二、分项绩效目标', '1.第一段。', '', '第二段。');
    expect(read(text).document.overall.goals).toEqual([{ seq: 1, title: '第一段。', detail: '第一段。\n第二段。' }]);
  });

  it('reads numbering as written, gaps included, and numbering with "、" or "．"', () => {
    const text = part1('一、总体绩效目标', '3、丙', '10．癸');
    expect(read(text).document.overall.goals.map((g) => [g.seq, g.title])).toEqual([
      [3, '丙'],
      [10, '癸'],
    ]);
  });

  it('skips the subtitle naming the section, and notes other text before the first number', () => {
    const text = part1('一、总体绩效目标', '某某单位总体绩效目标', '本年度目标如下：', '1.甲');
    const { document, notes } = read(text);
    expect(document.overall.goals).toEqual([{ seq: 1, title: '甲', detail: null }]);
    expect(notes).toEqual([expect.objectContaining({ line: 3, code: 'text-ignored' })]);
  });

  it('reads measure headings with labelled items, an unlabelled paragraph under a heading, and continuations', () => {
    const text = part1(
      '三、工作保障措施',
      '某某单位工作保障措施',
      '一、组织保障',
      '成立领导小组。',
      '二、制度保障',
      '（一）建立制度。',
      '续写的段落。',
      '（三）跳号的条目。',
    );
    expect(read(text).document.overall.measures).toEqual([
      { heading: '一、组织保障', items: [{ label: '', text: '成立领导小组。' }] },
      {
        heading: '二、制度保障',
        items: [
          { label: '（一）', text: '建立制度。\n续写的段落。' },
          { label: '（三）', text: '跳号的条目。' },
        ],
      },
    ]);
  });

  it('accepts the sections in any order, headings with or without their numeral, and no 第一部分 line', () => {
    const text = part1('工作保障措施', '一、措施', '（一）做好。', '总体绩效目标', '1.甲');
    const { overall } = read(text).document;
    expect(overall.goals).toEqual([{ seq: 1, title: '甲', detail: null }]);
    expect(overall.measures).toEqual([{ heading: '一、措施', items: [{ label: '（一）', text: '做好。' }] }]);
  });

  it('ignores a cover before 第一部分, with a note', () => {
    const { document, notes } = read(part1('某某单位部门预算公开材料', '第一部分', '一、总体绩效目标', '1.甲'));
    expect(document.overall.goals).toHaveLength(1);
    expect('fiscalYear' in document).toBe(false);
    expect(notes).toEqual([expect.objectContaining({ line: 1, code: 'text-ignored' })]);
  });
});

describe('row()', () => {
  it('builds cells the way the seed writes them (guards the helpers above)', () => {
    expect(row('a', '')).toEqual(['\ta', '\t', '']);
  });
});
