import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableNumeric = ColumnType<string | null, string | null, string | null>;

export interface EvaluationUnitYearsTable {
  unit_id: number;
  fiscal_year: number;
  status: 'draft' | 'final';
  /** Bumped by every save: a save names the version it was based on (compare-and-set, decision 023). */
  version: ColumnType<number, number | undefined, number>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface EvaluationProjectsTable {
  unit_id: number;
  fiscal_year: number;
  project_code: string;
  /** Why 预算执行率 stayed below 90 %. */
  execution_reason: ColumnType<string, string | undefined, string>;
}

export interface EvaluationIndicatorsTable {
  unit_id: number;
  fiscal_year: number;
  project_code: string;
  indicator_name: string;
  /** 实际完成值 as written; null = not reported. */
  actual: string | null;
  not_applicable: ColumnType<boolean, boolean | undefined, boolean>;
  deviation_reason: ColumnType<string, string | undefined, string>;
  improvement_measures: ColumnType<string, string | undefined, string>;
  /** Points set for this indicator; null = its category's even share. */
  weight: NullableNumeric;
}

export interface EvaluationTables {
  evaluation_unit_years: EvaluationUnitYearsTable;
  evaluation_projects: EvaluationProjectsTable;
  evaluation_indicators: EvaluationIndicatorsTable;
}
