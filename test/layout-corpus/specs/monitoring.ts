import type { Facts, IndicatorFacts } from '../facts.ts';
import { span, treeRows, type CorpusDocument } from '../table.ts';

/**
 * 项目支出绩效目标执行监控表 (财预〔2019〕136号 附件): 项目资金（万元） with 年初预算数 | 1-7月执行数 | 1-7月执行率 |
 * 全年预计执行数, 年度总体目标 (年初设定目标 | 1-7月实际完成情况 | 全年预计完成情况), then per indicator 年度指标值 |
 * 1-7月执行情况 | 全年预计完成情况 | 偏差原因分析 | 完成目标可能性 | 备注 (备注 is kept as an extra).
 */
const m = (
  level1: string,
  level2: string,
  name: string,
  target: string,
  progress: string,
  expected: string,
  likelihood: string,
  deviationReason = '',
  note = '',
): IndicatorFacts => ({
  level1,
  level2,
  name,
  target,
  progress,
  expected,
  likelihood,
  ...(deviationReason ? { deviationReason } : {}),
  ...(note ? { extras: { 备注: note } } : {}),
});

const indicators: IndicatorFacts[] = [
  m('产出指标', '数量指标', '更换节能路灯数量', '≥1500盏', '820盏', '1500盏', '确定能', '', '已完成招标'),
  m('产出指标', '质量指标', '路灯亮灯率', '≥98%', '98.6%', '98.5%', '确定能'),
  m(
    '产出指标',
    '时效指标',
    '改造完成时间',
    '2024年11月底前',
    '进行中',
    '按期完成',
    '有可能',
    '其他：部分路段需配合道路施工',
  ),
  m('效益指标', '经济效益指标', '年节约电费', '≥18万元', '7.2万元', '18万元', '确定能'),
  m('满意度指标', '服务对象满意度指标', '市民满意度', '≥90%', '未开展', '92%', '确定能'),
];

const facts: Facts = {
  layout: 'monitoring',
  kind: 'monitoring',
  unit: { name: '某县城市管理局', code: null },
  fiscalYear: 2024,
  asOfMonth: 7,
  projects: [
    {
      name: '城区道路照明设施改造',
      code: null,
      execution: {
        planned: '1200000.00',
        executed: '546000.00',
        rate: '45.50%',
        fiscal: { planned: '1000000.00', executed: '466000.00', rate: '46.60%' },
      },
      indicators,
    },
  ],
};

export const monitoring: CorpusDocument = {
  id: 'monitoring',
  facts,
  intro: [],
  tables: [
    {
      above: ['项目支出绩效目标执行监控表', '（2024年度）'],
      sheet: '监控表',
      rows: [
        ['项目名称', span('城区道路照明设施改造', 9)],
        ['主管部门及代码', span('某县城市管理局', 4), '实施单位', span('某县城市管理局', 4)],
        [
          { text: '项目资金（万元）', rowSpan: 4 },
          span('', 2),
          span('年初预算数', 2),
          span('1-7月执行数', 2),
          '1-7月执行率',
          span('全年预计执行数', 2),
        ],
        [span('年度资金总额', 2), span('120', 2), span('54.6', 2), '45.50%', span('120', 2)],
        [span('其中：财政拨款', 2), span('100', 2), span('46.6', 2), '46.60%', span('100', 2)],
        [span('其他资金', 2), span('20', 2), span('8', 2), '40.00%', span('20', 2)],
        [
          { text: '年度总体目标', rowSpan: 2 },
          span('年初设定目标', 3),
          span('1-7月实际完成情况', 3),
          span('全年预计完成情况', 3),
        ],
        [
          span('完成城区主次干道路灯节能改造。', 3),
          span('已完成招标，改造820盏。', 3),
          span('年底前全部完成改造。', 3),
        ],
        [
          { text: '绩效指标', rowSpan: indicators.length + 1 },
          '一级指标',
          '二级指标',
          '三级指标',
          '年度指标值',
          '1-7月执行情况',
          '全年预计完成情况',
          '偏差原因分析',
          '完成目标可能性',
          '备注',
        ],
        ...treeRows(
          indicators.map((i) => ({
            level1: i.level1,
            level2: i.level2,
            cells: [
              i.name,
              i.target,
              i.progress!,
              i.expected!,
              i.deviationReason ?? '',
              i.likelihood!,
              i.extras?.['备注'] ?? '',
            ],
          })),
        ),
      ],
    },
  ],
  text: 'tab',
  xlsx: { row: 2, column: 2 },
  moneyUnit: '万元',
};
