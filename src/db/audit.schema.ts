import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string | null, never>;

export interface AuditLogTable {
  id: Generated<string>;
  at: ColumnType<Date, never, never>;
  actor_id: number | null;
  actor_name: string;
  action: string;
  unit_code: string | null;
  fiscal_year: number | null;
  entity: string;
  entity_key: string;
  before: Json;
  after: Json;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
