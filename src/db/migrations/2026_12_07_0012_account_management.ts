import { type Kysely, sql } from 'kysely';

/**
 * Account management and sign-in hardening (decision 019).
 * - users: `must_change_password` (set by an administrator's reset: the one-time password must be
 *   replaced at the next sign-in) and `last_sign_in_at` (shown in the user list).
 * - sign_in_lockouts: the per-name lockout with a growing delay. It is keyed by the name that was
 *   typed, whether or not such a user exists, so an unknown name and a real one take exactly the
 *   same path and writes; it replaces users.failed_attempts / locked_until, which only real users had.
 * - sessions: `public_id`, the id a user sees and ends a session by (the primary key is the SHA-256
 *   of the cookie token and must never leave the server), and the `ip` and `user_agent` at sign-in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('last_sign_in_at', 'timestamptz')
    .execute();
  await db.schema.alterTable('users').dropColumn('failed_attempts').dropColumn('locked_until').execute();

  await db.schema
    .createTable('sign_in_lockouts')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_failure_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('sessions')
    .addColumn('public_id', 'text')
    .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // Sessions open during the upgrade get a random public id (md5 of random bits: no secret derives from it).
  await sql`update sessions set public_id = substr(md5(random()::text || id), 1, 16) where public_id is null`.execute(
    db,
  );
  await db.schema
    .alterTable('sessions')
    .alterColumn('public_id', (c) => c.setNotNull())
    .execute();
  await db.schema.createIndex('sessions_public_id_idx').on('sessions').column('public_id').unique().execute();
}
