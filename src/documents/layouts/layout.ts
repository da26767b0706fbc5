import type { MoneyUnit } from '../../domain/money-units.ts';
import type { ExecutionField, ExecutionRow, HeaderField, IndicatorField } from './labels.ts';
import type { TableKind } from './reading.ts';

/**
 * One province's (or one regulation's) form, as data (issue 15): what the recogniser scores a table against, and
 * what a writer prints — the header rows in order, the indicator columns in order, where the money unit is stated.
 * Adding a province is adding one of these and its test files; nothing here is code.
 */
export interface LayoutDef {
  /** Registry id, stable ("sichuan-integrated"). */
  id: string;
  /** For people: "四川一体化", "财政部 88号". */
  name: string;
  kind: TableKind;
  /** The form's title; a writer prints it with the year ("2024年度…"). */
  title: string;
  /** Words of a title that point to this layout rather than another of its kind. */
  titleWords: readonly string[];
  /** Labels this form has and most others lack (normalised by labelKey when compared). */
  signature: readonly string[];
  /** The label–value part above the indicators, row by row as printed; a cell is a field's label. */
  header: readonly (readonly Column<HeaderField>[])[];
  /** 预算执行 block of 自评表 and 监控表: its columns and its rows, in print order. */
  execution?: {
    columns: readonly Column<ExecutionField>[];
    rows: readonly { row: ExecutionRow; label: string }[];
  };
  indicators: {
    /**
     * 'tree': 一级 merged over 二级 merged over 三级 (the seed, 财政部 forms); 'rows': one row per indicator with
     * every column filled (四川一体化); 'flat': one row per indicator that repeats the project's own columns
     * (`projectColumns`), so one table holds many projects.
     */
    shape: 'tree' | 'rows' | 'flat';
    columns: readonly Column<IndicatorField>[];
    /** A label printed in a merged cell down the left of the indicator rows ("绩效指标"), if any. */
    sideLabel?: string;
  };
  projectColumns?: readonly Column<HeaderField>[];
  /** Rows printed under the indicators (总分, 自评等级). */
  footer?: readonly Column<HeaderField>[];
  /** The unit amounts are written in, and where the form says so: a line above, a header label, or a cell. */
  moneyUnit: { unit: MoneyUnit; stated: 'above' | 'label' | 'cell' };
}

export interface Column<F extends string> {
  field: F;
  /** As printed by this form. */
  label: string;
  /** Other spellings of this form's label seen in documents. */
  synonyms?: readonly string[];
}
