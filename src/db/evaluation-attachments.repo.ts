import type { EvaluationRef } from './evaluation.repo.ts';
import type { Executor } from './schema.ts';

/** 证明材料 of a 自评表, stored with the project (unit, year, project code) as bytea (decision 035). */

export interface AttachmentInfo {
  id: number;
  projectCode: string;
  fileName: string;
  mediaType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: Date;
}

const INFO = ['id', 'project_code', 'file_name', 'media_type', 'size', 'uploaded_by', 'uploaded_at'] as const;

function infoOf(row: {
  id: number;
  project_code: string;
  file_name: string;
  media_type: string;
  size: number;
  uploaded_by: string;
  uploaded_at: Date;
}): AttachmentInfo {
  return {
    id: row.id,
    projectCode: row.project_code,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
  };
}

/** The unit-year's attachments (without their bytes), by project then upload order. */
export async function listAttachments(db: Executor, ref: EvaluationRef): Promise<AttachmentInfo[]> {
  const rows = await db
    .selectFrom('evaluation_attachments')
    .select(INFO)
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .orderBy('project_code')
    .orderBy('id')
    .execute();
  return rows.map(infoOf);
}

export async function insertAttachment(
  db: Executor,
  ref: EvaluationRef,
  file: { projectCode: string; fileName: string; mediaType: string; content: Uint8Array; uploadedBy: string },
): Promise<AttachmentInfo> {
  const row = await db
    .insertInto('evaluation_attachments')
    .values({
      unit_id: ref.unitId,
      fiscal_year: ref.fiscalYear,
      project_code: file.projectCode,
      file_name: file.fileName,
      media_type: file.mediaType,
      size: file.content.length,
      content: file.content,
      uploaded_by: file.uploadedBy,
    })
    .returning(INFO)
    .executeTakeFirstOrThrow();
  return infoOf(row);
}

/** One attachment with its bytes, or undefined when it is not the unit-year's. */
export async function loadAttachment(
  db: Executor,
  ref: EvaluationRef,
  id: number,
): Promise<(AttachmentInfo & { content: Uint8Array }) | undefined> {
  const row = await db
    .selectFrom('evaluation_attachments')
    .select([...INFO, 'content'])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...infoOf(row), content: row.content } : undefined;
}

/** Every attachment of the unit-year with its bytes (the 自评 package export). */
export async function loadAllAttachments(
  db: Executor,
  ref: EvaluationRef,
): Promise<(AttachmentInfo & { content: Uint8Array })[]> {
  const rows = await db
    .selectFrom('evaluation_attachments')
    .select([...INFO, 'content'])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .orderBy('project_code')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...infoOf(row), content: row.content }));
}

export async function deleteAttachment(
  db: Executor,
  ref: EvaluationRef,
  id: number,
): Promise<AttachmentInfo | undefined> {
  const row = await db
    .deleteFrom('evaluation_attachments')
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .where('id', '=', id)
    .returning(INFO)
    .executeTakeFirst();
  return row ? infoOf(row) : undefined;
}

export async function countAttachments(db: Executor, ref: EvaluationRef, projectCode: string): Promise<number> {
  const row = await db
    .selectFrom('evaluation_attachments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .where('project_code', '=', projectCode)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
