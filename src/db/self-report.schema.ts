import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A 自评报告 section's edited text (migration 0024, decision 046); report_key '' = the department's report. */
export interface SelfReportSectionsTable {
  unit_id: number;
  fiscal_year: number;
  report_key: string;
  section: string;
  text: string;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string;
  updated_at: Timestamp;
}

/** The report frozen with a finalised 自评表: the figures and every stored text, as JSON (SelfReportSnapshot). */
export interface SelfReportVersionsTable {
  unit_id: number;
  fiscal_year: number;
  version: number;
  snapshot: ColumnType<unknown, string, string>;
  frozen_by: string;
  frozen_at: Timestamp;
}

export interface SelfReportTables {
  self_report_sections: SelfReportSectionsTable;
  self_report_versions: SelfReportVersionsTable;
}
