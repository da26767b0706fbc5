import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** 整改通知 (migration 0026, decision 048); the state machine is src/domain/results/notice.ts. */
export interface RectificationNoticesTable {
  id: Generated<number>;
  unit_id: number;
  fiscal_year: number;
  project_code: string | null;
  issuer_org: string;
  body: string;
  requirement: string;
  deadline: ColumnType<string, string, string>;
  state: ColumnType<string, string | undefined, string>;
  reply: ColumnType<string | null, string | null | undefined, string | null>;
  replied_by: ColumnType<string | null, string | null | undefined, string | null>;
  replied_at: NullableTimestamp;
  reopen_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
}

/** The unit's evidence for a notice, stored as bytea like the 自评 证明材料. */
export interface RectificationFilesTable {
  id: Generated<number>;
  notice_id: number;
  file_name: string;
  media_type: string;
  size: number;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface ResultsTables {
  rectification_notices: RectificationNoticesTable;
  rectification_files: RectificationFilesTable;
}
