import { describe, expect, it } from 'vitest';
import { deriveProjectCode } from '../../domain/codes.ts';
import { file, grid, lines } from './layouts.fixture.ts';
import { readTables } from './read-tables.ts';

/* Project target tables of each layout, as grids: recognised by their labels, values read as written. */

const centralTable = (name: string, amounts: [string, string, string]) => [
  ['项目支出绩效目标表', '<', '<', '<', '<'],
  ['（2025年度）', '<', '<', '<', '<'],
  ['项目名称', name, '<', '<', '<'],
  ['主管部门及代码', '301-某市水务局', '实施单位', '某市水务局', '<'],
  ['项目资金（万元）', '年度资金总额', amounts[0], '<', '<'],
  ['^', '其中：财政拨款', amounts[1], '<', '<'],
  ['^', '其他资金', amounts[2], '<', '<'],
  ['年度总体目标', '1、完成管网巡检\n2、保障供水安全', '<', '<', '<'],
  ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
  ['^', '产出指标', '数量指标', '巡检管网长度', '≥80公里'],
  ['^', '^', '时效指标', '巡检完成时间', '2025年11月底前'],
  ['^', '效益指标', '社会效益指标', '供水保障率', '≥99%'],
  ['^', '满意度指标', '服务对象满意度指标', '用户满意度', '≥90%'],
];

describe('readTables: project target tables', () => {
  it('财政部 form: two projects stacked in one sheet, 万元 converted exactly, codes derived, year from the title', () => {
    const sheet = grid(
      [...centralTable('管网巡检维护', ['12.5', '10', '2.5']), ...centralTable('水质监测', ['0.5', '0.5', '0'])],
      {
        sheet: '项目表',
      },
    );
    const reading = readTables(file([sheet], [], 'xlsx'));
    const targets = reading.targets!;
    expect(targets.fiscalYear).toBe(2025);
    // The code 主管部门 gives for the same name is the unit's.
    expect(targets.unit).toEqual({ code: '301', name: '某市水务局' });
    expect(targets.projects.map((p) => [p.name, p.budget])).toEqual([
      ['管网巡检维护', { total: '125000.00', fiscal: '100000.00', other: '25000.00' }],
      ['水质监测', { total: '5000.00', fiscal: '5000.00', other: '0.00' }],
    ]);
    const [first] = targets.projects;
    expect(first!.code).toBe(deriveProjectCode('管网巡检维护'));
    expect(first!.derivedCode).toBe(true);
    expect(first!.goals).toEqual(['完成管网巡检', '保障供水安全']);
    expect(first!.details?.department).toBe('301-某市水务局');
    expect(first!.indicators.map((i) => [i.level1, i.level2, i.name, i.target.raw])).toEqual([
      ['产出指标', '数量指标', '巡检管网长度', '≥80公里'],
      ['产出指标', '时效指标', '巡检完成时间', '2025年11月底前'],
      ['效益指标', '社会效益指标', '供水保障率', '≥99%'],
      ['满意度指标', '服务对象满意度指标', '用户满意度', '≥90%'],
    ]);
    expect(first!.indicators[0]!.target).toMatchObject({ op: '>=', value: 80, unit: '公里' });
    expect(reading.tables.map((t) => [t.kind, t.layout, t.rowsRead, t.moneyUnit?.unit])).toEqual([
      ['project-targets', 'central', 4, '万元'],
      ['project-targets', 'central', 4, '万元'],
    ]);
    expect(reading.notes.filter((n) => n.code === 'money-converted')).toHaveLength(2);
    expect(reading.notes.filter((n) => n.code === 'project-code-derived')).toHaveLength(2);
  });

  it('河北 (seed) layout: the stated 项目编码 kept, the unit from the code and name above, 单位：元', () => {
    const seed = grid([
      ['712003某县总工会', '<', '<', '单位：元', '<', '<'],
      ['项目编码', '712-0701-JBN-XY12', '<', '项目名称', '劳模慰问', '<'],
      ['预算规模及资金用途', '预算数', '8000.00', '其中：财政资金', '8000.00', '其他资金'],
      ['^', '慰问劳动模范', '<', '<', '<', '<'],
      ['绩效目标', '1、按时慰问劳模', '<', '<', '<', '<'],
      ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
      ['产出指标', '数量指标', '慰问人数', '慰问劳模人数', '≥40人', '计划标准'],
      ['^', '时效指标', '慰问完成时间', '春节前完成', '及时', '计划标准'],
    ]);
    const reading = readTables(file([seed]));
    expect(reading.tables[0]!.layout).toBe('hebei-seed');
    const project = reading.targets!.projects[0]!;
    expect(reading.targets!.unit).toEqual({ code: '712003', name: '某县总工会' });
    expect([project.code, project.derivedCode, project.budget.total, project.budget.other]).toEqual([
      '712-0701-JBN-XY12',
      undefined,
      '8000.00',
      null,
    ]);
    expect(project.indicators[0]).toMatchObject({ description: '慰问劳模人数', basis: '计划标准', category: 'output' });
    expect([project.purpose, project.details?.absentFields]).toEqual(['慰问劳动模范', ['spendingPlan']]);
    expect(reading.notes.some((n) => n.code === 'money-converted')).toBe(false);
  });

  it('四川一体化: one row per indicator, 度量单位 joined, 指标性质 / 权重 / 指标方向性 read, a period kept, a coded unit split', () => {
    const table = grid(
      [
        ['单位名称', '510001-某县文旅局', '<', '项目名称', '公共文化服务', '<', '<', '<'],
        ['项目编码', '51000024R000000000001', '<', '项目实施期限', '2024.07-2025.01', '<', '<', '<'],
        ['项目资金', '资金总额', '300000.00', '财政拨款', '300000.00', '其他资金', '0.00', '<'],
        ['年度绩效目标', '开展送戏下乡。', '<', '<', '<', '<', '<', '<'],
        ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性'],
        ['产出指标', '数量指标', '送戏场次', '定量', '≥40', '场', '30', '正向'],
        ['产出指标', '数量指标', '演出场次', '定量', '≥60', '场', '30', '正向'],
        ['产出指标', '成本指标', '场均成本', '定量', '≤5000', '元', '20', '反向'],
        ['满意度指标', '服务对象满意度指标', '观众满意度', '定性', '较好', '', '20', '正向'],
      ],
      { above: ['项目支出绩效目标表', '单位：元'] },
    );
    const reading = readTables(file([table]));
    expect(reading.tables[0]!.layout).toBe('sichuan-integrated');
    expect(reading.targets!.unit).toEqual({ code: '510001', name: '某县文旅局' });
    const project = reading.targets!.projects[0]!;
    expect(project.details?.period).toBe('2024.07-2025.01');
    // The form has no 资金用途, plan, 依据 or 解释: the review must not fault their absence (issue 15 item 7).
    expect(project.details?.absentFields).toEqual(['purpose', 'spendingPlan', 'basis', 'description']);
    expect(project.code).toBe('51000024R000000000001');
    expect(project.indicators.map((i) => [i.target.raw, i.nature, i.weight, i.direction])).toEqual([
      ['≥40场', 'quantitative', '30', 'positive'],
      ['≥60场', 'quantitative', '30', 'positive'],
      ['≤5000元', 'quantitative', '20', 'negative'],
      ['较好', 'qualitative', '20', 'positive'],
    ]);
  });

  it('湖北: placeholder rows skipped with a located note, an unknown column kept, a page split continued', () => {
    const page1 = grid(
      [
        ['项目名称', '河道保洁', '<', '预算单位', '某区水利局'],
        ['年度资金总额', '20', '其中：财政拨款', '20', ''],
        ['年度目标', '河道常年保洁。', '<', '<', '<'],
        ['一级指标', '二级指标', '三级指标', '指标值', '备注'],
        ['产出指标', '数量指标', '保洁河道长度', '≥15公里', '含支流'],
        ['^', '^', '……', '', ''],
        ['^', '质量指标', '保洁达标率', '≥95%', ''],
      ],
      { above: ['项目支出绩效目标表', '单位：万元'] },
    );
    const page2 = grid([
      ['一级指标', '二级指标', '三级指标', '指标值', '备注'],
      ['效益指标', '生态效益指标', '水面漂浮物', '明显减少', ''],
      ['其他', '', '', '', ''],
      ['', '', '', '', ''],
    ]);
    const reading = readTables(file([page1, page2]));
    const project = reading.targets!.projects[0]!;
    expect(reading.tables.map((t) => t.layout)).toEqual(['hubei', 'hubei']);
    expect(project.budget).toEqual({ total: '200000.00', fiscal: '200000.00', other: null });
    expect(project.indicators.map((i) => i.name)).toEqual(['保洁河道长度', '保洁达标率', '水面漂浮物']);
    expect(project.indicators[0]!.extras).toEqual({ 备注: '含支流' });
    expect(project.indicators[1]!.extras).toBeUndefined();
    expect(reading.tables[0]!.rowsSkipped).toEqual([
      { place: '第 1 个表格，第 6 行，第 3 列（文本第 6 行）', reason: '占位行（……）' },
    ]);
    expect(reading.tables[1]!.rowsSkipped.map((s) => s.reason)).toEqual(['占位行（三级指标为空）', '空行']);
    expect(reading.notes.map((n) => n.code)).toContain('table-continued');
    expect(reading.tables[0]!.columns).toContainEqual({
      label: '备注',
      field: null,
      place: '第 1 个表格，第 4 行，第 5 列（文本第 4 行）',
    });
  });

  it('a continued table without its header repeated is read with the previous header', () => {
    const page1 = grid([
      ['项目名称', '道路养护', '<', '<'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '养护里程', '≥20公里'],
    ]);
    const page2 = grid([
      ['', '质量指标', '养护合格率', '100%'],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥85%'],
    ]);
    const project = readTables(file([page1, page2])).targets!.projects[0]!;
    expect(project.indicators.map((i) => [i.level1, i.name])).toEqual([
      ['产出指标', '养护里程'],
      ['产出指标', '养护合格率'],
      ['满意度指标', '群众满意度'],
    ]);
  });

  it('湖南: one wide table of many projects under a two-row head, each project’s columns merged down', () => {
    const table = grid(
      [
        ['单位名称', '项目名称', '年度预算', '<', '<', '年度绩效目标', '绩效指标', '<', '<', '<'],
        ['^', '^', '资金总额', '财政拨款', '其他资金', '^', '一级指标', '二级指标', '三级指标', '指标值'],
        [
          '某县卫健局',
          '疫苗接种',
          '40.5',
          '40',
          '0.5',
          '提高接种率。',
          '产出指标',
          '数量指标',
          '接种人次',
          '≥5000人次',
        ],
        ['^', '^', '^', '^', '^', '^', '效益指标', '社会效益指标', '接种率', '≥95%'],
        ['^', '慢病随访', '12', '12', '0', '规范随访。', '产出指标', '数量指标', '随访人次', '≥800人次'],
      ],
      { above: ['项目支出绩效目标表', '金额单位：万元'] },
    );
    const reading = readTables(file([table]));
    expect(reading.tables[0]!.layout).toBe('hunan');
    expect(reading.targets!.unit.name).toBe('某县卫健局');
    expect(
      reading.targets!.projects.map((p) => [p.name, p.budget.total, p.budget.other, p.goals, p.indicators.length]),
    ).toEqual([
      ['疫苗接种', '405000.00', '5000.00', ['提高接种率。'], 2],
      ['慢病随访', '120000.00', '0.00', ['规范随访。'], 1],
    ]);
  });

  it('a new project’s blank cell in a many-project table stays blank: only merges fill down', () => {
    const table = grid(
      [
        ['项目名称', '资金总额', '其他资金', '一级指标', '二级指标', '三级指标', '指标值'],
        ['疫苗接种', '40.5', '0.5', '产出指标', '数量指标', '接种人次', '≥5000人次'],
        ['慢病随访', '12', '', '产出指标', '数量指标', '随访人次', '≥800人次'],
      ],
      { above: ['项目支出绩效目标表', '金额单位：万元'] },
    );
    const projects = readTables(file([table])).targets!.projects;
    expect(projects.map((p) => [p.name, p.budget.other])).toEqual([
      ['疫苗接种', '5000.00'],
      ['慢病随访', null],
    ]);
  });

  it('安徽: amounts under their labels, 千元, a code-name 主管部门, 三级指标 merged across two columns', () => {
    const table = grid(
      [
        ['项目名称', '校舍维修', '<', '<', '<'],
        ['主管部门', '340001-某县教体局', '项目实施单位', '某县教体局', '<'],
        ['项目资金（千元）', '资金总额', '财政资金', '其他资金', '<'],
        ['^', '1234.56', '1000', '234.56', '<'],
        ['总体目标', '完成校舍维修。', '<', '<', '<'],
        ['一级指标', '二级指标', '三级指标', '<', '指标值'],
        ['产出指标', '质量指标', '维修验收合格率', '<', '100%'],
      ],
      { above: ['项目支出绩效目标表'] },
    );
    const reading = readTables(file([table]));
    expect(reading.tables[0]!.layout).toBe('anhui');
    expect(reading.targets!.unit).toEqual({ code: '340001', name: '某县教体局' });
    expect(reading.targets!.projects[0]!.budget).toEqual({
      total: '1234560.00',
      fiscal: '1000000.00',
      other: '234560.00',
    });
    expect(reading.targets!.projects[0]!.indicators[0]!.name).toBe('维修验收合格率');
  });

  it('a Word paste with one cell per line and no blank lines is rebuilt into rows from the vocabulary', () => {
    const paste = lines(
      [
        '项目名称',
        '社区养老服务',
        '年度资金总额',
        '36',
        '年度目标',
        '提升社区养老服务能力。',
        '一级指标',
        '二级指标',
        '三级指标',
        '指标值',
        '产出指标',
        '数量指标',
        '服务老人人次',
        '≥1200人次',
        '建成服务站数',
        '3个',
        '满意度指标',
        '服务对象满意度指标',
        '老人满意度',
        '≥90%',
      ],
      ['项目支出绩效目标表', '单位：万元'],
    );
    const reading = readTables(file([paste], [], 'text'));
    const project = reading.targets!.projects[0]!;
    expect([project.name, project.budget.total, project.goals]).toEqual([
      '社区养老服务',
      '360000.00',
      ['提升社区养老服务能力。'],
    ]);
    expect(project.indicators.map((i) => [i.level1, i.level2, i.name, i.target.raw])).toEqual([
      ['产出指标', '数量指标', '服务老人人次', '≥1200人次'],
      ['产出指标', '数量指标', '建成服务站数', '3个'],
      ['满意度指标', '服务对象满意度指标', '老人满意度', '≥90%'],
    ]);
  });

  it('a one-cell-per-line paste with a blank line after each row is read row by row', () => {
    const paste = lines(
      [
        '项目名称',
        '图书采购',
        '',
        '预算数',
        '5.5',
        '',
        '一级指标',
        '二级指标',
        '三级指标',
        '指标值',
        '',
        '产出指标',
        '数量指标',
        '采购图书册数',
        '≥2000册',
        '',
      ],
      ['单位：万元'],
    );
    const project = readTables(file([paste], [], 'text')).targets!.projects[0]!;
    expect([project.name, project.budget.total]).toEqual(['图书采购', '55000.00']);
    expect(project.indicators.map((i) => i.target.raw)).toEqual(['≥2000册']);
  });
});
