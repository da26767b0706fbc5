import type { ColumnType, Generated } from 'kysely';

/** One notification per recipient user (migration 0022, decision 037). */
export interface NotificationsTable {
  id: Generated<string>;
  user_id: number;
  /** The organisation it was addressed to (a unit code): the users of it at the time each got a row. */
  org_code: string;
  kind: string;
  /** The words that fill the kind's sentence (comment, actor, month…): jsonb, written as JSON text. */
  params: ColumnType<Record<string, string | number | null>, string | undefined, string>;
  /** The page to act on: 'targets', 'review', 'monitoring' or 'evaluation' of unit_code's fiscal_year. */
  link_page: string;
  unit_code: string;
  fiscal_year: number;
  created_at: ColumnType<Date, never, never>;
  read_at: ColumnType<Date | null, never, Date | null>;
  email_state: ColumnType<'none' | 'pending' | 'sending' | 'sent' | 'failed', string | undefined, string>;
}

export interface NotificationTables {
  notifications: NotificationsTable;
}
