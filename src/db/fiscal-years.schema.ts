import type { ColumnType } from 'kysely';

type DateText = ColumnType<string | null, string | null | undefined, string | null>;

/**
 * One row per bureau and year once the bureau opened it (migration 0021, decision 038). A year without
 * a row is open and has no deadlines. Deadlines are dates, read back as 'YYYY-MM-DD' through to_char.
 */
export interface FiscalYearsTable {
  organisation_id: number;
  year: number;
  status: 'open' | 'closed';
  deadline_targets: DateText;
  deadline_monitoring: DateText;
  deadline_evaluation: DateText;
  opened_by: string;
  opened_at: ColumnType<Date, never, never>;
  closed_by: ColumnType<string | null, never, string | null>;
  closed_at: ColumnType<Date | null, never, Date | string | null>;
  reopen_reason: ColumnType<string | null, never, string | null>;
}

export interface FiscalYearTables {
  fiscal_years: FiscalYearsTable;
}
