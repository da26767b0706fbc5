import type { ParsedDocument } from '../usecases/parse-document.ts';

type RecognisedTable = ParsedDocument['tables'][number];
type TableKind = NonNullable<RecognisedTable['kind']>;

const KIND_NAMES: Record<TableKind, string> = {
  'project-targets': '项目支出绩效目标表',
  'overall-targets': '部门（单位）整体支出绩效目标表',
  'project-evaluation': '项目支出绩效自评表',
  'overall-evaluation': '部门整体支出绩效自评表',
  'evaluation-indicators': '绩效评价指标表',
  monitoring: '绩效目标执行监控表',
};

/**
 * One line per table of a file, for `jixiao parse` and `jixiao import --dry-run` on stderr: what the table was
 * recognised as (kind and layout), the money unit it states and where, how many rows were read and skipped.
 */
export function describeTables(tables: RecognisedTable[]): string[] {
  return tables.map((table) => {
    if (table.kind === null) {
      const headers = table.headers.filter((text) => text !== '').slice(0, 6);
      return `${table.source}：不是绩效表${headers.length > 0 ? `（表头：${headers.join('、')}）` : ''}`;
    }
    const layout = table.layoutName === null ? '' : `（${table.layoutName}）`;
    const money = table.moneyUnit === null ? '' : `，金额单位 ${table.moneyUnit.unit}（${table.moneyUnit.place}）`;
    const skipped = table.rowsSkipped.length > 0 ? `，跳过 ${table.rowsSkipped.length} 行` : '';
    const extras = table.columns.filter((column) => column.field === null).map((column) => column.label);
    const kept = extras.length > 0 ? `，另存栏目：${extras.join('、')}` : '';
    return `${table.source}：${KIND_NAMES[table.kind]}${layout}${money}，读取 ${table.rowsRead} 行${skipped}${kept}`;
  });
}

/** The skipped rows, each with its place and reason, indented under the table lines. */
export function describeSkippedRows(tables: RecognisedTable[]): string[] {
  return tables.flatMap((table) => table.rowsSkipped.map((row) => `  跳过 ${row.place}：${row.reason}`));
}
