import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.ts';
import { file, grid } from './layouts.fixture.ts';
import { readTables } from './read-tables.ts';

/* Errors say what was recognised, in Chinese, naming the table, row or cell. */

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const notATable = grid([
  ['序号', '姓名', '职务'],
  ['1', '张三', '科员'],
]);

describe('readTables: errors', () => {
  it('a recognised table without 项目名称 says which table, as what and in which layout', () => {
    const evaluation = grid([
      ['主管部门', '某县交通局', '<', '<', '<', '<', '<', '<', '<', '<'],
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性', '完成值', '得分'],
      ['产出指标', '数量指标', '养护里程', '定量', '≥30', '公里', '60', '正向', '32公里', '60'],
    ]);
    const error = failure(() => readTables(file([notATable, evaluation])));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toBe('第 2 个表格识别为项目支出绩效自评表（四川一体化），缺少“项目名称”');
    expect(error.location).toEqual({ file: 'test.docx' });
  });

  it('tables that are not performance tables are listed with their headers', () => {
    const grids = [notATable, grid([['会议纪要']]), grid([['资产名称', '数量']])];
    const error = failure(() => readTables(file(grids)));
    expect(error.message).toBe(
      '找到 3 个表格，都不是绩效表（表头：第 1 个表格：序号、姓名、职务；第 2 个表格：会议纪要；第 3 个表格：资产名称、数量）',
    );
  });

  it('a narrative self-evaluation report is told apart from a table', () => {
    const paragraphs = [
      '一、基本情况',
      '本单位2024年度共实施项目5个，年初预算安排资金合计320万元，全年执行310万元，预算执行率96.88%，各项目均按计划推进。',
      '二、绩效目标完成情况',
      '全年完成道路养护32公里，养护合格率100%，群众满意度92%，各项产出和效益指标均达到年初设定的目标值，总体效果良好。',
    ];
    expect(failure(() => readTables(file([], paragraphs))).message).toBe('这是自评报告正文，不是表格；请导入它的附表');
    expect(failure(() => readTables(file([notATable], paragraphs))).message).toBe(
      '这是自评报告正文，不是表格；请导入它的附表',
    );
  });

  it('an amount that cannot be read, or is finer than 1 分, is an error naming its cell', () => {
    const table = (amount: string) =>
      grid(
        [
          ['项目名称', '道路养护', '<', '<'],
          ['年度资金总额', amount, '<', '<'],
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '养护里程', '≥20公里'],
        ],
        { sheet: '项目表', above: ['单位：万元'] },
      );
    expect(failure(() => readTables(file([table('约20万')], [], 'xlsx'))).message).toBe(
      '工作表“项目表”B2：金额“约20万”不是金额（单位：万元）',
    );
    expect(failure(() => readTables(file([table('0.0000001')], [], 'xlsx'))).message).toBe(
      '工作表“项目表”B2：金额“0.0000001”换算成元后比 1 分更精确（单位：万元）',
    );
  });

  it('a table with no unit name still reads, with a note asking for the unit', () => {
    const table = grid([
      ['项目名称', '道路养护', '<', '<'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '养护里程', '≥20公里'],
    ]);
    const reading = readTables(file([table]));
    expect(reading.targets!.unit).toEqual({ code: null, name: '' });
    expect(reading.notes.map((n) => n.code)).toContain('unit-not-stated');
  });
});
