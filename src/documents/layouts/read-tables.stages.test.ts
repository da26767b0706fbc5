import { describe, expect, it } from 'vitest';
import { file, grid } from './layouts.fixture.ts';
import { readTables } from './read-tables.ts';

/* 自评表, 监控表 and the department's own tables: every stage's forms, as grids with our own values. */

const EXECUTION = [
  ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', ''],
  ['^', '年度资金总额', '20', '22.5', '21', '10', '93.33%', '9.33', ''],
  ['^', '其中：当年财政拨款', '20', '20', '19', '—', '95.00%', '—', ''],
  ['^', '上年结转资金', '', '2.5', '2', '—', '80.00%', '—', ''],
  ['^', '其他资金', '', '', '', '—', '', '—', ''],
];

describe('readTables: every stage', () => {
  it('项目支出绩效自评表 (财政部 10号): execution rows, goals and results, indicators with actuals and scores, 总分', () => {
    const table = grid(
      [
        ['项目名称', '农机购置补贴', '<', '<', '<', '<', '<', '<', '<'],
        ['主管部门', '某县农业局', '<', '<', '实施单位', '某县农业局', '<', '<', '<'],
        ...EXECUTION,
        ['年度总体目标', '预期目标', '<', '<', '<', '实际完成情况', '<', '<', '<'],
        ['^', '补贴农机300台。', '<', '<', '<', '补贴农机310台。', '<', '<', '<'],
        [
          '绩效指标',
          '一级指标',
          '二级指标',
          '三级指标',
          '年度指标值',
          '实际完成值',
          '分值',
          '得分',
          '偏差原因分析及改进措施',
        ],
        ['^', '产出指标', '数量指标', '补贴农机台数', '≥300台', '310台', '50', '50', ''],
        ['^', '效益指标', '经济效益指标', '户均增收', '≥2000元', '1800元', '30', '27', '部分机具到货晚'],
        ['^', '满意度指标', '服务对象满意度指标', '农户满意度', '≥90%', '92%', '10', '10', ''],
        ['总分', '<', '<', '<', '<', '<', '100', '96.33', ''],
        ['自评等级', '<', '<', '<', '<', '<', '优', '<', '<'],
      ],
      { above: ['项目支出绩效自评表', '（2024年度）'] },
    );
    const reading = readTables(file([table]));
    expect(reading.tables[0]).toMatchObject({ kind: 'project-evaluation', layout: 'project-evaluation', rowsRead: 3 });
    const evaluation = reading.evaluation!;
    expect([evaluation.fiscalYear, evaluation.unit.name]).toEqual([2024, '某县农业局']);
    const project = evaluation.projects[0]!;
    expect(project.execution).toEqual({
      planned: '200000.00',
      adjusted: '225000.00',
      executed: '210000.00',
      rate: '93.33%',
      weight: '10',
      score: '9.33',
      fiscal: { planned: '200000.00', adjusted: '200000.00', executed: '190000.00', rate: '95.00%' },
      other: { planned: null, adjusted: null, executed: null, rate: null },
    });
    expect([project.goals, project.goalResults]).toEqual([['补贴农机300台。'], ['补贴农机310台。']]);
    expect(project.indicators[1]).toMatchObject({
      name: '户均增收',
      actual: '1800元',
      weight: '30',
      score: '27',
      deviationReason: '部分机具到货晚',
    });
    expect([project.totalScore, project.grade]).toEqual(['96.33', '优']);
    expect(reading.targets).toBeNull();
  });

  it('四川一体化 自评表 is named as such', () => {
    const table = grid([
      ['项目名称', '乡村道路养护', '<', '<', '<', '<', '<', '<', '<', '<'],
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性', '完成值', '得分'],
      ['产出指标', '数量指标', '养护里程', '定量', '≥30', '公里', '60', '正向', '32公里', '60'],
    ]);
    const reading = readTables(file([table]));
    expect(reading.tables[0]!.layout).toBe('sichuan-integrated-evaluation');
    expect(reading.evaluation!.projects[0]!.indicators[0]).toMatchObject({
      actual: '32公里',
      score: '60',
      weight: '60',
    });
  });

  it('部门（单位）整体支出绩效自评表 → evaluation.overall', () => {
    const table = grid(
      [
        ['部门（单位）名称', '某区档案馆', '<', '<', '<', '<', '<', '<', '<'],
        ...EXECUTION.map((row) => row.map((cell) => (cell === '项目资金（万元）' ? '年度预算安排情况（万元）' : cell))),
        ['年度总体目标', '预期目标', '<', '<', '<', '实际完成情况', '<', '<', '<'],
        ['^', '完成档案数字化。', '<', '<', '<', '完成数字化12万卷。', '<', '<', '<'],
        [
          '年度绩效指标',
          '一级指标',
          '二级指标',
          '三级指标',
          '年度指标值',
          '实际完成值',
          '分值',
          '得分',
          '偏差原因分析及改进措施',
        ],
        ['^', '产出指标', '数量指标', '数字化卷数', '≥10万卷', '12万卷', '90', '90', ''],
      ],
      { above: ['部门（单位）整体支出绩效自评表'] },
    );
    const reading = readTables(file([table]));
    expect(reading.tables[0]).toMatchObject({ kind: 'overall-evaluation', layout: 'overall-evaluation' });
    const overall = reading.evaluation!.overall!;
    expect(overall.execution?.executed).toBe('210000.00');
    expect(overall.indicators[0]).toMatchObject({ name: '数字化卷数', actual: '12万卷' });
    expect(reading.evaluation!.unit.name).toBe('某区档案馆');
  });

  it('绩效评价指标表: weights, scoring rules and scores', () => {
    const table = grid(
      [
        ['一级指标', '二级指标', '三级指标', '分值', '评分标准', '得分'],
        ['决策', '项目立项', '立项依据充分性', '5', '依据充分得5分', '5'],
        ['产出', '产出数量', '实际完成率', '20', '按完成比例计分', '18'],
        ['合计', '', '', '100', '', '90'],
      ],
      { above: ['某项目绩效评价指标表'] },
    );
    const reading = readTables(file([table]));
    expect(reading.tables[0]!.kind).toBe('evaluation-indicators');
    expect(reading.evaluation!.overall!.indicators.map((i) => [i.name, i.weight, i.description, i.score])).toEqual([
      ['立项依据充分性', '5', '依据充分得5分', '5'],
      ['实际完成率', '20', '按完成比例计分', '18'],
    ]);
  });

  it('监控表 (财政部 136号): 1-7月 figures give asOfMonth; a grouped 偏差原因 column reads its ticked choice', () => {
    const table = grid(
      [
        ['项目名称', '路灯改造', '<', '<', '<', '<', '<', '<', '<', '<'],
        ['项目资金（万元）', '', '年初预算数', '1-7月执行数', '1-7月执行率', '全年预计执行数', '', '', '', ''],
        ['^', '年度资金总额', '50', '20', '40.00%', '50', '', '', '', ''],
        ['年度总体目标', '完成路灯改造。', '<', '<', '<', '<', '<', '<', '<', '<'],
        [
          '一级指标',
          '二级指标',
          '三级指标',
          '年度指标值',
          '1-7月执行情况',
          '全年预计完成情况',
          '偏差原因分析',
          '<',
          '完成目标可能性',
          '备注',
        ],
        ['^', '^', '^', '^', '^', '^', '经费保障', '制度保障', '^', '^'],
        ['产出指标', '数量指标', '改造路灯数', '≥500盏', '210盏', '500盏', '√', '', '确定能', ''],
        ['产出指标', '时效指标', '完工时间', '11月底前', '进行中', '按期', '', '', '有可能', '汛期影响'],
      ],
      { above: ['项目支出绩效目标执行监控表', '（2024年度）'] },
    );
    const reading = readTables(file([table]));
    const monitoring = reading.monitoring!;
    expect([monitoring.asOfMonth, monitoring.fiscalYear]).toEqual([7, 2024]);
    const project = monitoring.projects[0]!;
    expect(project.execution).toMatchObject({ planned: '500000.00', executed: '200000.00', rate: '40.00%' });
    expect(project.indicators[0]).toMatchObject({
      progress: '210盏',
      expected: '500盏',
      deviationReason: '经费保障',
      likelihood: '确定能',
    });
    expect(project.indicators[1]!.extras).toEqual({ 备注: '汛期影响' });
    expect(project.goals).toEqual(['完成路灯改造。']);
  });

  it('监控表 goals under a 年初设定目标 | 1-7月实际完成情况 | 全年预计完成情况 head are the text, not the head', () => {
    const table = grid(
      [
        ['项目名称', '路灯改造', '<', '<'],
        ['年度总体目标', '年初设定目标', '1-7月实际完成情况', '全年预计完成情况'],
        ['^', '完成路灯改造。', '已改造210盏。', '年底前完成。'],
        ['一级指标', '二级指标', '三级指标', '年度指标值', '1-7月执行情况'],
        ['产出指标', '数量指标', '改造路灯数', '≥500盏', '210盏'],
      ].map((row) => [...row, ...Array<string>(5 - row.length).fill('')]),
      { above: ['项目支出绩效目标执行监控表', '（2024年度）'] },
    );
    expect(readTables(file([table])).monitoring!.projects[0]!.goals).toEqual(['完成路灯改造。']);
  });

  it('部门整体支出绩效目标表 → targets.overall (goals, budget, indicators)', () => {
    const table = grid(
      [
        ['部门（单位）名称', '某区民政局', '<', '<', '<'],
        ['年度主要任务', '任务名称', '主要内容', '<', '预算金额'],
        ['^', '社会救助', '保障低保对象', '<', '1000'],
        ['金额合计', '<', '<', '<', '1200.5'],
        ['年度总体目标', '1、保障困难群众生活\n2、完善养老服务', '<', '<', '<'],
        ['年度绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
        ['^', '产出指标', '数量指标', '救助人数', '≥3000人'],
      ],
      { above: ['部门（单位）整体支出绩效目标申报表', '单位：万元'] },
    );
    const reading = readTables(file([table]));
    expect(reading.tables[0]).toMatchObject({ kind: 'overall-targets', layout: 'overall-targets' });
    const overall = reading.targets!.overall;
    expect(overall.goals.map((g) => g.title)).toEqual(['保障困难群众生活', '完善养老服务']);
    expect(overall.budget?.total).toBe('12005000.00');
    expect(overall.indicators?.[0]?.name).toBe('救助人数');
    expect(reading.targets!.projects).toEqual([]);
  });
});
