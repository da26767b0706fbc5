import { sql } from 'kysely';
import type { NoticeState } from '../domain/results/notice.ts';
import type { Executor } from './schema.ts';

/** 整改通知 and their evidence files (migration 0026, decision 048). */

export interface NoticeFile {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface NoticeRecord {
  id: number;
  unitCode: string;
  unitName: string;
  fiscalYear: number;
  projectCode: string | null;
  issuerOrg: string;
  body: string;
  requirement: string;
  deadline: string;
  state: NoticeState;
  reply: string | null;
  repliedBy: string | null;
  repliedAt: string | null;
  reopenReason: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  files: NoticeFile[];
}

const iso = (value: Date | string | null) =>
  value === null ? null : (value instanceof Date ? value : new Date(value)).toISOString();

/** Which notices to load: one by id, or a unit's (optionally one year's). */
type NoticeFilter = { id: number } | { unitCode: string; fiscalYear?: number | undefined };

/** Notices with their files' descriptions, newest first. */
export async function loadNotices(db: Executor, filter: NoticeFilter): Promise<NoticeRecord[]> {
  let query = db
    .selectFrom('rectification_notices as n')
    .innerJoin('units as u', 'u.id', 'n.unit_id')
    .select([
      'n.id',
      'u.code as unitCode',
      'u.name as unitName',
      'n.fiscal_year as fiscalYear',
      'n.project_code as projectCode',
      'n.issuer_org as issuerOrg',
      'n.body',
      'n.requirement',
      sql<string>`to_char(n.deadline, 'YYYY-MM-DD')`.as('deadline'),
      'n.state',
      'n.reply',
      'n.replied_by as repliedBy',
      'n.replied_at as repliedAt',
      'n.reopen_reason as reopenReason',
      'n.created_by as createdBy',
      'n.created_at as createdAt',
      'n.updated_by as updatedBy',
      'n.updated_at as updatedAt',
    ])
    .orderBy('n.id', 'desc');
  if ('id' in filter) query = query.where('n.id', '=', filter.id);
  else {
    query = query.where('u.code', '=', filter.unitCode);
    if (filter.fiscalYear !== undefined) query = query.where('n.fiscal_year', '=', filter.fiscalYear);
  }
  const rows = await query.execute();
  const files = await filesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    state: r.state as NoticeState,
    repliedAt: iso(r.repliedAt),
    createdAt: iso(r.createdAt)!,
    updatedAt: iso(r.updatedAt)!,
    files: files.get(r.id) ?? [],
  }));
}

async function filesOf(db: Executor, ids: number[]): Promise<Map<number, NoticeFile[]>> {
  const byNotice = new Map<number, NoticeFile[]>();
  if (ids.length === 0) return byNotice;
  const rows = await db
    .selectFrom('rectification_files')
    .select(['id', 'notice_id', 'file_name', 'media_type', 'size', 'uploaded_by', 'uploaded_at'])
    .where('notice_id', 'in', ids)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = byNotice.get(r.notice_id) ?? [];
    list.push({
      id: r.id,
      fileName: r.file_name,
      mediaType: r.media_type,
      size: r.size,
      uploadedBy: r.uploaded_by,
      uploadedAt: iso(r.uploaded_at)!,
    });
    byNotice.set(r.notice_id, list);
  }
  return byNotice;
}

export async function insertNotice(
  db: Executor,
  notice: {
    unitId: number;
    fiscalYear: number;
    projectCode: string | null;
    issuerOrg: string;
    body: string;
    requirement: string;
    deadline: string;
    by: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('rectification_notices')
    .values({
      unit_id: notice.unitId,
      fiscal_year: notice.fiscalYear,
      project_code: notice.projectCode,
      issuer_org: notice.issuerOrg,
      body: notice.body,
      requirement: notice.requirement,
      deadline: notice.deadline,
      created_by: notice.by,
      updated_by: notice.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Locks the notice's row for the state change that follows (two replies at once queue, not interleave). */
export async function lockNotice(db: Executor, id: number): Promise<void> {
  await db.selectFrom('rectification_notices').select('id').where('id', '=', id).forUpdate().execute();
}

/** The unit's reply (整改中/已整改) or the issuer's reopen (with its reason) or close. */
export async function updateNoticeState(
  db: Executor,
  change: { id: number; state: NoticeState; by: string; reply?: string; reopenReason?: string },
): Promise<void> {
  await db
    .updateTable('rectification_notices')
    .set({
      state: change.state,
      updated_by: change.by,
      updated_at: sql<Date>`now()`,
      ...(change.reply === undefined
        ? {}
        : { reply: change.reply, replied_by: change.by, replied_at: sql<Date>`now()` }),
      ...(change.reopenReason === undefined ? {} : { reopen_reason: change.reopenReason }),
    })
    .where('id', '=', change.id)
    .execute();
}

export async function countNoticeFiles(db: Executor, noticeId: number): Promise<number> {
  const row = await db
    .selectFrom('rectification_files')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('notice_id', '=', noticeId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertNoticeFile(
  db: Executor,
  file: { noticeId: number; fileName: string; mediaType: string; content: Uint8Array; uploadedBy: string },
): Promise<number> {
  const row = await db
    .insertInto('rectification_files')
    .values({
      notice_id: file.noticeId,
      file_name: file.fileName,
      media_type: file.mediaType,
      size: file.content.length,
      content: file.content,
      uploaded_by: file.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One evidence file with its bytes, when it belongs to the notice. */
export async function loadNoticeFile(
  db: Executor,
  noticeId: number,
  id: number,
): Promise<{ fileName: string; mediaType: string; content: Uint8Array } | undefined> {
  const row = await db
    .selectFrom('rectification_files')
    .select(['file_name', 'media_type', 'content'])
    .where('notice_id', '=', noticeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { fileName: row.file_name, mediaType: row.media_type, content: row.content };
}

/** The unit's id and the project codes of its targets that year; undefined when the unit has no such year. */
export async function noticeTargetOf(
  db: Executor,
  key: { unitCode: string; fiscalYear: number },
): Promise<{ unitId: number; projects: { code: string; name: string }[] } | undefined> {
  const document = await db
    .selectFrom('target_documents as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'u.id as unitId'])
    .where('u.code', '=', key.unitCode)
    .where('d.fiscal_year', '=', key.fiscalYear)
    .executeTakeFirst();
  if (!document) return undefined;
  const projects = await db
    .selectFrom('projects')
    .select(['code', 'name'])
    .where('document_id', '=', document.id)
    .orderBy('position')
    .execute();
  return { unitId: document.unitId, projects };
}
