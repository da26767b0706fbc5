import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Helpers for tests of the seed-text layout: fixtures, and small documents built line by line. */

const FIXTURES = resolve(import.meta.dirname, 'fixtures');

export function fixtureText(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

/** Each text as one tab-prefixed cell line, then the blank line that ends the row. */
export function row(...cells: string[]): string[] {
  return [...cells.map((cell) => `\t${cell}`), ''];
}

export interface TableSpec {
  title: string;
  unit: string;
  code: string;
  name: string;
  budget: string[];
  purpose: string[] | null;
  spending: string[][] | null;
  goals: string[] | null;
  indicators: string[][];
}

export const DEFAULT_TABLE: TableSpec = {
  title: '1、城乡低保资金绩效目标表',
  unit: '703004秦皇岛市海港区民政局',
  code: '703-0802-JBN-DB01',
  name: '城乡低保资金',
  budget: ['预算规模及资金用途', '预算数', '5600000.00', '其中：财政资金', '5600000.00', '其他资金', ''],
  purpose: ['', '按月发放城乡低保金'],
  spending: [
    ['资金支出计划（%）', '6月底', '12月底'],
    ['', '50.00', '100.00'],
  ],
  goals: ['绩效目标', '1、保障城乡低保对象基本生活'],
  indicators: [
    ['产出指标', '数量指标', '保障人数', '全年纳入低保的人数', '≥3200人', '历史标准'],
    ['满意度指标', '服务对象满意度指标', '低保对象满意度', '抽样调查满意比例', '≥90%', '行业标准'],
  ],
};

const INDICATOR_HEADER = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'];

/** One project table in the seed's layout; `null` parts are left out. */
export function table(spec: Partial<TableSpec> = {}): string[] {
  const t = { ...DEFAULT_TABLE, ...spec };
  return [
    t.title,
    ...row(t.unit, '单位：元'),
    ...row('项目编码', t.code, '项目名称', t.name),
    ...row(...t.budget),
    ...(t.purpose ? row(...t.purpose) : []),
    ...(t.spending ? t.spending.flatMap((cells) => row(...cells)) : []),
    ...(t.goals ? [...row(...t.goals), ''] : []),
    ...row(...INDICATOR_HEADER),
    ...t.indicators.flatMap((cells) => row(...cells)),
    '',
  ];
}

/** A whole document: 第一部分 lines as given, then 第二部分 with the tables. */
export function documentText(part1: string[], tables: string[][]): string {
  return [...part1, '第二部分', '预算项目绩效目标', ...tables.flat()].join('\n');
}

/** The 1-based line of the only line equal to `text` (a cell is matched with its tab). */
export function lineOf(source: string, text: string): number {
  const lines = source.split(/\r\n|\n/);
  const found = lines.flatMap((line, i) => (line === text ? [i + 1] : []));
  if (found.length !== 1) throw new Error(`expected exactly one line ${JSON.stringify(text)}, found ${found.length}`);
  return found[0]!;
}
