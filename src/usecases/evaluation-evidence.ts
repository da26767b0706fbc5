import { z } from 'zod';
import type { Attachment } from '../contract/evaluation.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { type AttachmentInfo } from '../db/evaluation-attachments.repo.ts';
import type { Actor } from '../domain/access.ts';
import type { AppError } from '../domain/errors.ts';
import { notFound } from '../domain/not-found.ts';

/**
 * 证明材料 of a 自评表 (decision 035): uploaded per project while the 自评表 is editable, type-checked
 * by content, size- and count-limited, stored in the database with the project, downloadable, and
 * packed with the 自评表 into the unit-year's 自评 package (.zip).
 */

export const AttachmentKeySchema = UnitYearInputSchema.extend({ id: z.number().int().positive() });

export function shown(info: AttachmentInfo): Attachment {
  const { projectCode: _project, uploadedAt, ...rest } = info;
  return { ...rest, uploadedAt: uploadedAt.toISOString() };
}

export function evidenceNotFound(id: number): AppError {
  return notFound('evidence', id, `没有编号为 ${id} 的证明材料`);
}

export async function auditEvidence(
  trx: Parameters<typeof recordAudit>[0],
  actor: Actor,
  key: { unitCode: string; fiscalYear: number },
  action: string,
  before: AttachmentInfo | null,
  after: AttachmentInfo | null,
): Promise<void> {
  const info = (a: AttachmentInfo | null) =>
    a && { id: a.id, project: a.projectCode, fileName: a.fileName, mediaType: a.mediaType, size: a.size };
  await recordAudit(trx, actor, {
    action,
    unitCode: key.unitCode,
    fiscalYear: key.fiscalYear,
    entity: 'evaluation-evidence',
    entityKey: `${key.unitCode}/${key.fiscalYear}/${(after ?? before)!.projectCode}`,
    before: info(before),
    after: info(after),
  });
}
