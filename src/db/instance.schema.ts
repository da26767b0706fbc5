import type { ColumnType } from 'kysely';

/** Key/value facts about the installation (migration 0015): `demo` = 'true' once the demo is loaded. */
export interface InstanceSettingsTable {
  key: string;
  value: string;
  updated_at: ColumnType<Date, never, Date | string>;
}

/** One-time links that create the first administrator: the token's SHA-256, never the token. */
export interface SetupTokensTable {
  token_hash: string;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  created_at: ColumnType<Date, never, never>;
}

export interface InstanceTables {
  instance_settings: InstanceSettingsTable;
  setup_tokens: SetupTokensTable;
}
