import { Migrator, sql } from 'kysely';
import { migrationProvider } from './migrations/index.ts';
import type { Executor } from './schema.ts';

/** One round trip: the database answers. */
export async function pingDatabase(db: Executor): Promise<void> {
  await sql`select 1`.execute(db);
}

/** The migrations this program ships that the database has not recorded as run. */
export async function pendingMigrations(db: Executor): Promise<string[]> {
  const migrations = await new Migrator({ db, provider: migrationProvider }).getMigrations();
  return migrations.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}
