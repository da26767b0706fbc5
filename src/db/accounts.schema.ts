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
  /** Set by an administrator's reset: the one-time password must be replaced at the next sign-in. */
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  last_sign_in_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Where notifications are e-mailed when SMTP is configured (migration 0022); null = none. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

/** The per-name lockout (decision 019): keyed by the name typed, whether or not such a user exists. */
export interface SignInLockoutsTable {
  username: string;
  /** Wrong passwords since the last lock (or success). */
  failures: number;
  /** How many locks in a row: the next lock lasts 2^level minutes, up to an hour. */
  level: number;
  locked_until: Date | null;
  last_failure_at: Date;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the token in the cookie; the token itself is never stored. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  expires_at: ColumnType<Date, Date, Date>;
  last_seen: ColumnType<Date, Date | undefined, Date>;
  /** The id the user sees and ends the session by: random, unrelated to the token. */
  public_id: string;
  ip: ColumnType<string, string | undefined, string>;
  user_agent: ColumnType<string, string | undefined, string>;
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
  sign_in_lockouts: SignInLockoutsTable;
}
