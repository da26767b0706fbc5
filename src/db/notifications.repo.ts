import { sql } from 'kysely';
import type { Notice } from '../domain/notifications.ts';
import type { Executor } from './schema.ts';

/**
 * Notifications (decision 037): written in the transaction of the step they announce, one row per active
 * user of the organisation addressed, so each user reads (and is mailed) on their own; the e-mail outbox
 * is the `email_state` column, drained after the commit by the server.
 */

interface NewNotification {
  /** The organisation addressed: every active user whose org_code it is gets a row. */
  orgCode: string;
  kind: string;
  params: Record<string, string | number | null>;
  page: Notice['page'];
  unitCode: string;
  fiscalYear: number;
}

/** One row per active user of `orgCode`; a user with an e-mail address gets it queued ('pending'). */
async function insertNotifications(db: Executor, n: NewNotification): Promise<number> {
  const result = await sql`
    insert into notifications (user_id, org_code, kind, params, link_page, unit_code, fiscal_year, email_state)
    select u.id, ${n.orgCode}, ${n.kind}, ${JSON.stringify(n.params)}::jsonb, ${n.page}, ${n.unitCode}, ${n.fiscalYear},
           case when coalesce(u.email, '') <> '' then 'pending' else 'none' end
      from users u
     where u.org_code = ${n.orgCode} and not u.disabled`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export interface NotificationRow {
  id: number;
  kind: string;
  params: Record<string, string | number | null>;
  page: string;
  unitCode: string;
  fiscalYear: number;
  createdAt: string;
  readAt: string | null;
}

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** A page of the user's notifications, unread first then newest first, with the unread count. */
export async function findNotificationPage(
  db: Executor,
  userId: number,
  options: { unreadOnly: boolean; limit: number; offset: number },
): Promise<{ items: NotificationRow[]; total: number; unread: number }> {
  let query = db.selectFrom('notifications').where('user_id', '=', userId);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  const rows = await query
    .select(['id', 'kind', 'params', 'link_page', 'unit_code', 'fiscal_year', 'created_at', 'read_at'])
    .orderBy(sql`(read_at is null)`, 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  const counts = await db
    .selectFrom('notifications')
    .where('user_id', '=', userId)
    .select([sql<string>`count(*)`.as('total'), sql<string>`count(*) filter (where read_at is null)`.as('unread')])
    .executeTakeFirstOrThrow();
  const unread = Number(counts.unread);
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      params: r.params,
      page: r.link_page,
      unitCode: r.unit_code,
      fiscalYear: r.fiscal_year,
      createdAt: iso(r.created_at),
      readAt: r.read_at === null ? null : iso(r.read_at),
    })),
    total: options.unreadOnly ? unread : Number(counts.total),
    unread,
  };
}

/** Marks one of the user's notifications read; false when the user has no such notification. */
export async function markNotificationRead(db: Executor, userId: number, id: number): Promise<boolean> {
  const rows = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', String(id))
    .where('user_id', '=', userId)
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** Marks every unread notification of the user read; how many were. */
export async function markAllNotificationsRead(db: Executor, userId: number): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface PendingMail {
  id: number;
  email: string;
  kind: string;
  params: Record<string, string | number | null>;
  unitCode: string;
  fiscalYear: number;
}

/**
 * Claims up to `limit` queued e-mails ('pending' → 'sending'; SKIP LOCKED so that several servers share the
 * queue). Only the last day's: a server started with SMTP long after does not mail out old news.
 */
export async function claimPendingMail(db: Executor, limit: number): Promise<PendingMail[]> {
  const result = await sql<{
    id: string;
    email: string;
    kind: string;
    params: Record<string, string | number | null>;
    unit_code: string;
    fiscal_year: number;
  }>`
    update notifications n set email_state = 'sending'
      from users u
     where u.id = n.user_id
       and n.id in (select id from notifications
                     where email_state = 'pending' and created_at > now() - interval '1 day'
                     order by id limit ${limit} for update skip locked)
    returning n.id, u.email, n.kind, n.params, n.unit_code, n.fiscal_year`.execute(db);
  return result.rows
    .filter((r) => r.email !== null)
    .map((r) => ({
      id: Number(r.id),
      email: r.email,
      kind: r.kind,
      params: r.params,
      unitCode: r.unit_code,
      fiscalYear: r.fiscal_year,
    }));
}

/** Records the outcome of one claimed e-mail. */
export async function setMailState(db: Executor, id: number, state: 'sent' | 'failed'): Promise<void> {
  await db.updateTable('notifications').set({ email_state: state }).where('id', '=', String(id)).execute();
}

/** Tells the users of the unit about a step (in the step's transaction); a null notice tells nobody. */
export async function notifyUnit(
  db: Executor,
  key: { unitCode: string; fiscalYear: number },
  notice: Notice | null,
): Promise<void> {
  if (notice === null) return;
  await insertNotifications(db, { orgCode: key.unitCode, ...key, ...notice });
}

/** Tells the users of an organisation (the issuer of a 整改通知) about a step on one of its units. */
export async function notifyOrganisation(
  db: Executor,
  orgCode: string,
  key: { unitCode: string; fiscalYear: number },
  notice: Notice,
): Promise<void> {
  if (orgCode === '') return;
  await insertNotifications(db, { orgCode, ...key, ...notice });
}
