import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** 部门整体支出绩效自评表 per unit-year (migration 0023, decision 045). JSON written as text, read as objects. */
export interface DepartmentEvaluationsTable {
  unit_id: number;
  fiscal_year: number;
  status: 'draft' | 'submitted' | 'reviewed' | 'final';
  /** The unit's form (DepartmentEvaluationInput). */
  body: ColumnType<unknown, string, string>;
  /** The bureau's 复核: the re-scored form, the reason, who and when; null = not re-scored. */
  recheck: ColumnType<unknown, string | null | undefined, string | null>;
  /** The department's last return comment, or the bureau's reopen reason. */
  review_comment: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface DepartmentEvaluationTables {
  department_evaluations: DepartmentEvaluationsTable;
}
