import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../domain/access.ts';

type CreatedAt = ColumnType<Date, never, never>;

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  /** Bureau or department code, or a unit code for a unit user; '' for an admin. */
  org_code: string;
  /** argon2id, PHC string. */
  password_hash: string;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  failed_attempts: ColumnType<number, number | undefined, number>;
  locked_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: CreatedAt;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the token in the cookie; the token itself is never stored. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date, Date>;
  last_seen: ColumnType<Date, Date | undefined, Date>;
}

export interface LoginAttemptsTable {
  id: Generated<string>;
  username: string;
  ip: string;
  succeeded: boolean;
  at: ColumnType<Date, Date | undefined, never>;
}

export interface AccountTables {
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
}
