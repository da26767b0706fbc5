import type { ColumnType, Generated } from 'kysely';

type Numeric = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MonitoringSpendingTable {
  unit_id: number;
  fiscal_year: number;
  project_code: string;
  month: number;
  source: 'fiscal' | 'other';
  /** Spent in this month (本月支出), 元; cumulative figures are sums over months. */
  amount: Numeric;
  updated_at: Timestamp;
}

export interface MonitoringBudgetAdjustmentsTable {
  id: Generated<number>;
  unit_id: number;
  fiscal_year: number;
  project_code: string;
  adjusted_budget: Numeric;
  reason: string;
  effective_date: ColumnType<string, string, string>;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface MonitoringIndicatorProgressTable {
  unit_id: number;
  fiscal_year: number;
  project_code: string;
  indicator_name: string;
  month: number;
  value_to_date: string;
  forecast: string;
  likelihood: string;
  deviation_category: string | null;
  /** Migration 0019: every 偏差原因 category (the column above keeps the first). */
  deviation_categories: ColumnType<string[], string[] | undefined, string[]>;
  reason: string;
  measures: string;
  updated_by: string;
  updated_at: Timestamp;
}

/** One version per monitored project: its spending, progress and budget writes compare-and-set it (decision 023). */
export interface MonitoringProjectsTable {
  unit_id: number;
  fiscal_year: number;
  project_code: string;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string;
  updated_at: Timestamp;
}

/** What the unit states per project at a checkpoint month (migration 0019). */
export interface MonitoringProjectEntriesTable {
  unit_id: number;
  fiscal_year: number;
  project_code: string;
  month: number;
  /** 全年预计执行数, 元. */
  forecast_full_year: Numeric;
  /** 拨付 to date, 元. */
  released_to_date: ColumnType<string | null, string | null, string | null>;
  /** 结转结余, 元. */
  carry_over: ColumnType<string | null, string | null, string | null>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface MonitoringSubmissionsTable {
  unit_id: number;
  fiscal_year: number;
  month: number;
  snapshot: ColumnType<unknown, string, string>;
  submitted_by: string;
  submitted_at: Timestamp;
}

export interface MonitoringActionsTable {
  id: Generated<number>;
  unit_id: number;
  fiscal_year: number;
  project_code: string | null;
  warning_id: string | null;
  kind: string;
  body: string;
  deadline: ColumnType<string, string, string>;
  state: ColumnType<string, string | undefined, string>;
  reply: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
}

export interface MonitoringTables {
  monitoring_project_entries: MonitoringProjectEntriesTable;
  monitoring_submissions: MonitoringSubmissionsTable;
  monitoring_actions: MonitoringActionsTable;
  monitoring_projects: MonitoringProjectsTable;
  monitoring_spending: MonitoringSpendingTable;
  monitoring_budget_adjustments: MonitoringBudgetAdjustmentsTable;
  monitoring_indicator_progress: MonitoringIndicatorProgressTable;
}
