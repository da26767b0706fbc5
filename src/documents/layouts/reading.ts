import type { ImportNote } from '../../domain/import-note.ts';
import type { MonitoringDocument, EvaluationDocument } from '../../domain/table-documents.ts';
import type { StatedTargets } from '../../domain/targets.ts';

/**
 * What the layout registry made of a file's grids (issue 15): the documents it holds, and for every grid what it
 * was recognised as, so that the import preview and `--dry-run` can show the layout, the mapping of columns to
 * fields, the money unit and the rows skipped before anything is stored.
 */
export interface TablesReading {
  /** Project target tables and 部门整体支出绩效目标表, merged into one unit-year document; null when the file has none. */
  targets: StatedTargets | null;
  /** 项目支出绩效自评表 (and 部门整体 / 绩效评价指标表); null when none. */
  evaluation: EvaluationDocument | null;
  /** 监控表; null when none. */
  monitoring: MonitoringDocument | null;
  /** One entry per grid of the file, recognised or not, in order. */
  tables: RecognisedTable[];
  /** Things worked around (placeholder rows skipped, amounts converted, a derived project key…), each located. */
  notes: ImportNote[];
}

export type TableKind =
  | 'project-targets'
  | 'overall-targets'
  | 'project-evaluation'
  | 'overall-evaluation'
  | 'evaluation-indicators'
  | 'monitoring';

export interface RecognisedTable {
  /** Grid index (1-based) and its place ("第 2 个表格", "工作表“项目表”"). */
  grid: number;
  source: string;
  /** null: not a performance table; `headers` then says what it holds. */
  kind: TableKind | null;
  /** Registry id ("sichuan-integrated") and name for people ("四川一体化"). */
  layout: string | null;
  layoutName: string | null;
  /** The money unit the table states and where; amounts were converted from it to 元. */
  moneyUnit: { unit: '元' | '万元' | '千元'; place: string } | null;
  /** Each labelled column or field found: its label as written, the model field it fills (null: kept as an extra). */
  columns: { label: string; field: string | null; place: string }[];
  /** Indicator (or execution) rows read. */
  rowsRead: number;
  rowsSkipped: { place: string; reason: string }[];
  /** The first non-empty row's texts, to say what an unrecognised table is. */
  headers: string[];
}
