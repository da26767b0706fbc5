import type { HeaderField, IndicatorField } from './labels.ts';
import type { RawTable } from './read-segment.ts';
import type { TableKind } from './reading.ts';

/**
 * What a table is, from its title words first and its labels second: 监控 / 自评 / 评价指标 / 整体 in the title;
 * else 完成目标可能性 or 全年预计 columns (monitoring), 实际完成值 / 得分 / an execution block (evaluation),
 * a 部门（单位）名称 without 项目名称 (the department's own table). null: no indicator or execution block, so
 * not a performance table.
 */
export function kindOf(raw: RawTable): TableKind | null {
  const source = raw.continues ?? null;
  if (source) return kindOf(source);
  const title = raw.title.join(' ');
  const columns = new Set<IndicatorField | null>(raw.header?.columns.map((col) => col.indicator) ?? []);
  const has = (field: HeaderField): boolean => (raw.fields.get(field) ?? []).some((value) => value.text !== '');
  const flatProject = raw.header?.columns.some((col) => col.project === 'projectName') ?? false;
  const named = has('projectName') || flatProject;
  if (!raw.header && !raw.execution) return null;
  const executionFields = new Set(raw.execution?.header.columns.map((col) => col.field) ?? []);
  if (
    /监控/.test(title) ||
    ['likelihood', 'expected', 'progress'].some((field) => columns.has(field as IndicatorField)) ||
    executionFields.has('expectedExecuted') ||
    raw.execution?.header.month != null
  )
    return 'monitoring';
  if (/评价指标/.test(title) || (columns.has('score') && !columns.has('target') && !columns.has('actual')))
    return 'evaluation-indicators';
  const overall = /整体/.test(title) || (!named && (has('unitName') || has('goals')));
  if (/自评|评价表/.test(title) || columns.has('actual') || columns.has('score') || raw.execution)
    return overall ? 'overall-evaluation' : 'project-evaluation';
  return overall ? 'overall-targets' : 'project-targets';
}
