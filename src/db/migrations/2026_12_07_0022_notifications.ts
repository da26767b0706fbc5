import { type Kysely, sql } from 'kysely';

/**
 * In-app notifications (decision 037): one row per recipient user, written in the transaction of the
 * step it announces (targets returned, reviewed or approved, 自评 returned or final, a monitoring action).
 * `org_code` keeps the organisation it was addressed to; `link_*` name the page to act on. `email_state`
 * is the outbox of the optional e-mail: 'pending' for a user with an address, sent after the commit.
 * users.email is that optional address.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('email', 'text').execute();
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('org_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('link_page', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .addColumn('email_state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('none')
        .check(sql`email_state in ('none', 'pending', 'sending', 'sent', 'failed')`),
    )
    .execute();
  // The bell's count and the list (unread first, newest first) per user; the outbox's pending rows.
  await sql`create index notifications_user_idx on notifications (user_id, (read_at is null) desc, id desc)`.execute(
    db,
  );
  await sql`create index notifications_pending_mail_idx on notifications (id) where email_state = 'pending'`.execute(
    db,
  );
}
