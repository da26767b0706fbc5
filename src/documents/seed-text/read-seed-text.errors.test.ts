import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.ts';
import { documentText, fixtureText, lineOf, row, table } from '../../../test/seed-text.ts';
import { readSeedText } from './read-seed-text.ts';

/** Runs the reader and returns the AppError it must throw. */
function errorOf(text: string, fileName = 'doc.txt'): AppError {
  try {
    readSeedText(text, { fileName });
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected readSeedText to throw');
}

describe('readSeedText: broken fixtures', () => {
  it.each([
    ['truncated.txt', 25, 'projects.0', '第 25 行：项目绩效目标表不完整：应为“一级指标”，但表格到此结束'],
    ['missing-code.txt', 7, 'projects.0.code', '第 7 行：应为“项目编码”，实际为“项目名称”'],
    [
      'bad-amount.txt',
      14,
      'projects.0.budget.total',
      '第 14 行：预算数应为金额（元，最多两位小数），实际为“五百六十万元”',
    ],
    [
      'mixed-units.txt',
      43,
      'unit.code',
      '第 43 行：单位编码“703005”与第 4 行的“703004”不一致：一个文档只能属于一个单位',
    ],
  ])('%s fails at line %i (%s)', (name, line, field, message) => {
    const error = errorOf(fixtureText(`broken/${name}`), name);
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toBe(message);
    expect(error.location).toEqual({ file: name, line, field });
  });

  it('names no file when none is given', () => {
    expect(() => readSeedText(fixtureText('broken/missing-code.txt'))).toThrow(
      expect.objectContaining({ location: { line: 7, field: 'projects.0.code' } }),
    );
  });
});

describe('readSeedText: what it refuses, and where', () => {
  const one = (spec: Parameters<typeof table>[0]) => documentText([], [table(spec)]);

  // Each case: the document, the line the error must name (a unique line, and how far below it), the message.
  it.each<[string, string, [string, number], string]>([
    [
      'an amount with three decimals',
      one({ budget: ['预算规模及资金用途', '预算数', '1.234', '其中：财政资金', '1.00'] }),
      ['\t1.234', 0],
      '预算数应为金额（元，最多两位小数），实际为“1.234”',
    ],
    [
      'a non-numeric 其他资金',
      one({ budget: ['预算规模及资金用途', '预算数', '1.00', '其中：财政资金', '1.00', '其他资金', '若干'] }),
      ['\t若干', 0],
      '其他资金应为金额（元，最多两位小数），实际为“若干”',
    ],
    [
      'a budget row missing its labels',
      one({ budget: ['预算规模及资金用途', '1.00'] }),
      ['\t1.00', 0],
      '应为“预算数”，实际为“1.00”',
    ],
    [
      'a month that is not a month',
      one({
        spending: [
          ['资金支出计划（%）', '13月底'],
          ['', '100'],
        ],
      }),
      ['\t13月底', 0],
      '应为月份（如“3月底”），实际为“13月底”',
    ],
    [
      'a percent that is not a number',
      one({
        spending: [
          ['资金支出计划（%）', '12月底'],
          ['', '全部'],
        ],
      }),
      ['\t全部', 0],
      '资金支出计划应为百分比数字（如“60.00”），实际为“全部”',
    ],
    [
      'too few percents',
      one({
        spending: [
          ['资金支出计划（%）', '6月底', '9月底', '12月底'],
          ['50', '100'],
        ],
      }),
      ['\t50', 0],
      '资金支出计划有 3 个月份，百分比行应有相同数目的单元格，实际为 2 个',
    ],
    [
      'an indicator row with a cell missing',
      one({ indicators: [['产出指标', '数量指标', '保障人数', '≥3200人', '历史标准']] }),
      ['\t产出指标', 0],
      '指标行应有 6 个单元格（一级指标、二级指标、三级指标、绩效指标描述、指标值、指标值确定依据），实际为 5 个',
    ],
    [
      'an empty 三级指标',
      one({ indicators: [['产出指标', '数量指标', '', '', '1人', '']] }),
      ['\t数量指标', 1],
      '三级指标不能为空',
    ],
    [
      'an empty 一级指标 in the first row',
      one({ indicators: [['', '数量指标', '人数', '', '1人', '']] }),
      ['\t数量指标', -1],
      '一级指标不能为空',
    ],
    ['an empty 项目编码', one({ code: '' }), ['\t项目编码', 1], '项目编码不能为空'],
    [
      'a unit line without a code',
      one({ unit: '秦皇岛市海港区民政局' }),
      ['\t秦皇岛市海港区民政局', 0],
      '应为单位编码和名称（如“711002秦皇岛市山海关区总工会”），实际为“秦皇岛市海港区民政局”',
    ],
    [
      'amounts in 万元',
      one({}).replace('\t单位：元', '\t单位：万元'),
      ['\t单位：万元', 0],
      '应为“单位：元”，实际为“单位：万元”',
    ],
  ])('refuses %s', (_case, text, [near, below], message) => {
    const line = lineOf(text, near) + below;
    const error = errorOf(text);
    expect(error.message).toBe(`第 ${line} 行：${message}`);
    expect(error.location?.line).toBe(line);
  });

  it('refuses a document without any project table: the unit code is only in a table', () => {
    const text = ['第一部分', '一、总体绩效目标', '1.甲', '', ''].join('\n');
    expect(errorOf(text).message).toBe(
      '第 3 行：找不到单位编码：文档中没有项目绩效目标表（单位编码和名称取自表头，如“711002秦皇岛市山海关区总工会”）',
    );
  });

  it('refuses tables whose unit names differ, even with the same code', () => {
    const text = documentText(
      [],
      [table(), table({ title: '2、乙绩效目标表', unit: '703004秦皇岛市海港区民政局机关' })],
    );
    const error = errorOf(text);
    expect(error.message).toMatch(
      /^第 \d+ 行：单位名称“秦皇岛市海港区民政局机关”与第 \d+ 行的“秦皇岛市海港区民政局”不一致/,
    );
    expect(error.location?.field).toBe('unit.name');
  });

  it('names the 第二部分 line when that part holds no table', () => {
    const text = ['一、总体绩效目标', '1.甲', '第二部分', '预算项目绩效目标', ''].join('\n');
    expect(errorOf(text).location).toEqual({ file: 'doc.txt', line: 3, field: 'unit' });
  });

  it('refuses a purpose row whose label cell holds something else', () => {
    const text = documentText([], [table({ purpose: ['备注', '按月发放'] })]);
    expect(errorOf(text).message).toBe(`第 ${lineOf(text, '\t备注')} 行：应为空白单元格或“资金用途”，实际为“备注”`);
  });

  it('refuses a title with no table after it', () => {
    const text = documentText([], [table(), ['2、乙绩效目标表', '', '附注：以上数据为预算数。']]);
    expect(errorOf(text).message).toBe(
      `第 ${lineOf(text, '2、乙绩效目标表')} 行：标题“2、乙绩效目标表”之后应为项目绩效目标表（以制表符开头的单元格），但没有表格`,
    );
  });

  it('refuses a table cell in 第一部分', () => {
    const text = ['第一部分', '一、总体绩效目标', '1.甲', ...row('711002某单位')].join('\n');
    expect(errorOf(text).message).toBe('第 4 行：表格应在“第二部分 预算项目绩效目标”之下，实际出现在“总体绩效目标”中');
  });

  it('refuses a goal number used twice, and a section heading used twice', () => {
    expect(errorOf(documentText(['一、总体绩效目标', '1.甲', '1.乙'], [table()])).message).toBe(
      '第 3 行：总体绩效目标的编号 1 重复（第 2 行已有）',
    );
    expect(errorOf(documentText(['一、总体绩效目标', '三、总体绩效目标'], [table()])).message).toBe(
      '第 2 行：“总体绩效目标”重复出现（第 1 行已有）',
    );
  });

  it('refuses a 保障措施 item before any heading', () => {
    expect(errorOf(documentText(['三、工作保障措施', '（一）做好。'], [table()])).message).toBe(
      '第 2 行：保障措施“（一）做好。”之前应有标题（如“一、…”）',
    );
  });

  it('refuses an indicator header that is not the six columns', () => {
    const text = documentText([], [table()]).replace('\t指标值确定依据', '\t评分标准');
    expect(errorOf(text).message).toBe(`第 ${lineOf(text, '\t评分标准')} 行：应为“指标值确定依据”，实际为“评分标准”`);
  });
});
