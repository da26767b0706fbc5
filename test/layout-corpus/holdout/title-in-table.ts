import type { Facts, IndicatorFacts } from '../facts.ts';
import { span, treeRows, type CorpusDocument } from '../table.ts';
import { target } from './common.ts';

/**
 * A 项目支出绩效目标表 whose title is the table's first row merged across all columns, with "预算单位（盖章）：…" and
 * "单位：万元" in the second row's cells; labels spaced ("项 目 名 称"), 主管部门及代码 as "[123001]某县水利局",
 * amount labels with their unit ("年度资金总额（万元）"), amounts as text with thousands separators, a 备注 column.
 */
const indicators: IndicatorFacts[] = [
  target('产出指标', '数量指标', '管护小型水库数量', '12座'),
  target('产出指标', '质量指标', '水库安全鉴定合格率', '100%'),
  { ...target('产出指标', '时效指标', '汛前检查完成时间', '2024年5月底前'), extras: { 备注: '含除险加固' } },
  target('效益指标', '社会效益指标', '保护下游人口', '≥1.8万人'),
  target('满意度指标', '服务对象满意度指标', '周边群众满意度', '≥90%'),
];

const facts: Facts = {
  layout: 'hubei',
  kind: 'project-targets',
  unit: { name: '某县水利局', code: '123001' },
  fiscalYear: 2024,
  projects: [
    {
      name: '小型水库安全运行管护',
      code: null,
      period: '2024.01-2024.12',
      budget: { total: '12345600.00', fiscal: '12000000.00', other: '345600.00' },
      indicators,
    },
  ],
};

export const titleInTable: CorpusDocument = {
  id: 'h-title-in-table',
  facts,
  intro: [],
  tables: [
    {
      above: [],
      rows: [
        [span('2024年度项目支出绩效目标表', 6)],
        [span('预算单位（盖章）：某县水利局', 5), '单位：万元'],
        ['项 目 名 称', span('小型水库安全运行管护', 5)],
        ['主管部门及代码', span('[123001]某县水利局', 2), '实施单位', span('某县水库管理站', 2)],
        ['项目实施期限', span('2024.01-2024.12', 5)],
        [{ text: '项目资金', rowSpan: 3 }, '年度资金总额（万元）', span('1,234.56', 4)],
        ['其中：财政拨款（万元）', span('1,200.00', 4)],
        ['其他资金（万元）', span('34.56', 4)],
        ['年度绩效目标', span('保障全县12座小型水库安全度汛，汛期无垮坝事故。', 5)],
        [{ text: '绩效指标', rowSpan: indicators.length + 1 }, '一级指标', '二级指标', '三级指标', '指标值', '备注'],
        ...treeRows(
          indicators.map((i) => ({
            level1: i.level1,
            level2: i.level2,
            cells: [i.name, i.target, i.extras?.['备注'] ?? ''],
          })),
        ),
      ],
    },
  ],
  text: 'tab',
  xlsx: { row: 1, column: 1 },
  moneyUnit: '万元',
};
