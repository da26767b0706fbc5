import type { ColumnType } from 'kysely';

/** bigint 分 columns: pg returns int8 as a string; written as a string or bigint. */
type Cents = ColumnType<string | null, string | bigint | null, string | bigint | null>;
type Decimal = ColumnType<string | null, string | null, string | null>;

/**
 * The bureau's read model (docs/decisions/013-read-model.md): one row per unit-year with targets,
 * recomputed from the source tables by src/usecases/refresh-summaries.ts. `stale` is set by
 * triggers in the same transaction as the write that made the row out of date.
 */
export interface UnitYearSummariesTable {
  unit_id: number;
  fiscal_year: number;
  stale: ColumnType<boolean, boolean | undefined, boolean>;
  /** null until first computed; the day (UTC) and month-end the time-dependent warnings were judged at. */
  computed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  computed_on: ColumnType<string | null, string | null | undefined, string | null>;
  as_of_month: number | null;
  /** Set when the unit-year could not be computed (e.g. a malformed policy); the other figures are null. */
  error: string | null;
  unit_code: string | null;
  unit_name: string | null;
  workflow_state: string | null;
  workflow_updated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  review_grade: string | null;
  review_errors: number | null;
  review_warnings: number | null;
  project_count: number | null;
  mean_score: number | null;
  score_grade: string | null;
  incomplete: boolean | null;
  evaluated: boolean | null;
  grade_excellent: number | null;
  grade_good: number | null;
  grade_fair: number | null;
  grade_poor: number | null;
  grade_none: number | null;
  /** Year-end (自评) money: Σ 调整后预算数 / Σ 执行数 over projects with both, and the rate in percent. */
  year_end_budget_cents: Cents;
  year_end_spent_cents: Cents;
  year_end_rate: Decimal;
  /** Monitoring as of `as_of_month`. */
  budget_cents: Cents;
  spent_cents: Cents;
  execution_rate: Decimal;
  warnings_notice: number | null;
  warnings_alert: number | null;
  warnings_focus: number | null;
  /** Highest warning level present: 0 none, 1 提示, 2 警示, 3 重点监控. */
  max_warning_rank: number | null;
  open_warnings: number | null;
}

export interface SummaryTables {
  unit_year_summaries: UnitYearSummariesTable;
}
