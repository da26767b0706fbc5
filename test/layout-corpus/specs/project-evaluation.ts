import type { Facts, ProjectFacts } from '../facts.ts';
import { span, treeRows, type CellInput, type CorpusDocument, type TableSpec } from '../table.ts';

/**
 * 项目支出绩效自评表 (财预〔2020〕10号 附件1): 项目资金（万元） rows with 年初预算数 | 全年预算数 | 全年执行数 | 分值 |
 * 执行率 | 得分, 年度总体目标 (预期目标 | 实际完成情况), then 绩效指标 rows with 年度指标值 | 实际完成值 | 分值 | 得分 |
 * 偏差原因分析及改进措施, 总分 and 自评等级 at the foot. Two projects; no codes.
 */
interface Evaluated {
  project: ProjectFacts;
  goal: [string, string];
  /** 年度资金总额, 其中：当年财政拨款, 其他资金: 年初预算数, 全年预算数, 全年执行数, 执行率 as printed (万元). */
  money: [string, string, string, string][];
}

const ev = (
  l1: string,
  l2: string,
  name: string,
  target: string,
  actual: string,
  weight: string,
  score: string,
  deviationReason = '',
) => ({
  level1: l1,
  level2: l2,
  name,
  target,
  actual,
  weight,
  score,
  ...(deviationReason ? { deviationReason } : {}),
});

const evaluated: Evaluated[] = [
  {
    project: {
      name: '村级公益设施维修',
      code: null,
      execution: {
        planned: '500000.00',
        adjusted: '520000.00',
        executed: '499200.00',
        rate: '96.00%',
        weight: '10',
        score: '9.6',
        fiscal: { planned: '450000.00', adjusted: '470000.00', executed: '449200.00', rate: '95.57%' },
      },
      indicators: [
        ev('产出指标', '数量指标', '维修村级道路长度', '≥12公里', '12.6公里', '20', '20'),
        ev('产出指标', '质量指标', '维修工程验收合格率', '100%', '100%', '20', '20'),
        ev(
          '产出指标',
          '时效指标',
          '工程按期完工率',
          '≥95%',
          '90%',
          '10',
          '9.47',
          '两处工程受汛期影响延期，已调整施工计划',
        ),
        ev('效益指标', '社会效益指标', '受益村民人数', '≥6000人', '6350人', '30', '30'),
        ev('满意度指标', '服务对象满意度指标', '村民满意度', '≥90%', '93.5%', '10', '10'),
      ],
      totalScore: '99.07',
      grade: '优',
    },
    goal: ['维修村级道路和排水设施，改善村民出行条件。', '完成道路维修12.6公里，排水沟清淤全部完成。'],
    money: [
      ['50', '52', '49.92', '96.00%'],
      ['45', '47', '44.92', '95.57%'],
      ['5', '5', '5', '100.00%'],
    ],
  },
  {
    project: {
      name: '农村人居环境整治',
      code: null,
      execution: {
        planned: '300000.00',
        adjusted: '300000.00',
        executed: '246000.00',
        rate: '82.00%',
        weight: '10',
        score: '8.2',
        fiscal: { planned: '300000.00', adjusted: '300000.00', executed: '246000.00', rate: '82.00%' },
      },
      indicators: [
        ev('产出指标', '数量指标', '清运生活垃圾量', '≥2400吨', '2210吨', '25', '23.02', '部分村清运车辆更新滞后'),
        ev('产出指标', '质量指标', '垃圾无害化处理率', '≥95%', '96%', '25', '25'),
        ev('效益指标', '生态效益指标', '村庄环境卫生状况', '明显改善', '明显改善', '30', '27'),
        ev('满意度指标', '服务对象满意度指标', '群众满意度', '≥85%', '88%', '10', '10'),
      ],
      totalScore: '93.22',
      grade: '优',
    },
    goal: ['垃圾日产日清，村庄环境明显改善。', '全年清运垃圾2210吨，无害化处理率96%。'],
    money: [
      ['30', '30', '24.6', '82.00%'],
      ['30', '30', '24.6', '82.00%'],
      ['', '', '', ''],
    ],
  },
];

function table({ project, goal, money }: Evaluated): TableSpec {
  const n = project.indicators.length;
  const moneyRow = (label: string, [p, a, e, r]: string[], weight: string, score: string): CellInput[] => [
    span(label, 2),
    p!,
    a!,
    e!,
    weight,
    r!,
    score,
  ];
  return {
    above: ['项目支出绩效自评表', '（2023年度）'],
    rows: [
      ['项目名称', span(project.name, 8)],
      ['主管部门', span('某镇人民政府', 3), span('实施单位', 2), span('某镇人民政府', 3)],
      [
        { text: '项目资金（万元）', rowSpan: 4 },
        span('', 2),
        '年初预算数',
        '全年预算数',
        '全年执行数',
        '分值',
        '执行率',
        '得分',
      ],
      moneyRow('年度资金总额', money[0]!, '10', project.execution!.score!),
      moneyRow('其中：当年财政拨款', money[1]!, '—', '—'),
      moneyRow('其他资金', money[2]!, '—', '—'),
      [{ text: '年度总体目标', rowSpan: 2 }, span('预期目标', 4), span('实际完成情况', 4)],
      [span(goal[0], 4), span(goal[1], 4)],
      [
        { text: '绩效指标', rowSpan: n + 1 },
        '一级指标',
        '二级指标',
        '三级指标',
        '年度指标值',
        '实际完成值',
        '分值',
        '得分',
        '偏差原因分析及改进措施',
      ],
      ...treeRows(
        project.indicators.map((i) => ({
          level1: i.level1,
          level2: i.level2,
          cells: [i.name, i.target, i.actual!, i.weight!, i.score!, i.deviationReason ?? ''],
        })),
      ),
      [span('总分', 6), '100', project.totalScore!, ''],
      [span('自评等级', 6), span(project.grade!, 3)],
    ],
  };
}

const facts: Facts = {
  layout: 'project-evaluation',
  kind: 'project-evaluation',
  unit: { name: '某镇人民政府', code: null },
  fiscalYear: 2023,
  projects: evaluated.map((e) => e.project),
};

export const projectEvaluation: CorpusDocument = {
  id: 'project-evaluation',
  facts,
  intro: ['某镇人民政府2023年度项目支出绩效自评表'],
  tables: evaluated.map(table),
  text: 'tab',
  xlsx: { row: 3, column: 2 },
  moneyUnit: '万元',
};
