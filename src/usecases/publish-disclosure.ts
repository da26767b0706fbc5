import type { z } from 'zod';
import { DisclosureKindSchema } from '../contract/disclosure.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { notifyUnit } from '../db/notifications.repo.ts';
import type { Db } from '../db/database.ts';
import { type DisclosureContext, insertPackage, loadDisclosureContext, lockPackages } from '../db/disclosure.repo.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { type DisclosureKind, refusalToPublish } from '../domain/disclosure/packages.ts';
import { mayPublish, noticeOfDisclosure } from '../domain/disclosure/status.ts';
import { AppError } from '../domain/errors.ts';
import { renderDisclosurePackage } from './render-disclosure-package.ts';

const PublishInputSchema = UnitYearInputSchema.extend({ kind: DisclosureKindSchema });

/**
 * 发布: renders the unit-year's package of `kind` now and stores its bytes and manifest as a new version
 * (decision 047), so later edits to the data never change what was published. Refused before the targets are
 * approved (预算公开) or the 自评 is final (决算公开), and to a unit the bureau has not let publish.
 */
export async function publishDisclosure(
  db: Db,
  actor: Actor,
  input: z.input<typeof PublishInputSchema>,
): Promise<{ version: number; publishedAt: string; files: number }> {
  const key = validateInput(PublishInputSchema, input, '发布条件');
  const context = await publishableContext(db.kysely, actor, key);
  const bureau = context.bureau!;
  const { files, manifest } = await renderDisclosurePackage(db, {
    ...key,
    documents: context.policy.documents[key.kind],
    bureau: { code: bureau.code, name: bureau.name },
    unitName: context.unitName,
    generatedBy: actor.role === 'unit' ? context.unitName : bureau.name,
  });
  if (files.length === 0)
    throw new AppError('VALIDATION', '公开包中没有任何文件：请在公开设置中选择要公开的文件', {
      location: { field: 'documents' },
    });
  return inTransaction(db, async (trx) => {
    await lockPackages(trx, context.unitId);
    // The data may have moved while the files were written (a reopened 自评): check again under the lock.
    const now = await publishableContext(trx, actor, key);
    const stored = await insertPackage(
      trx,
      { unitId: now.unitId, year: key.fiscalYear, kind: key.kind, publishedBy: actor.username, manifest },
      files,
    );
    await recordAudit(trx, actor, {
      action: 'publish-disclosure',
      unitCode: key.unitCode,
      fiscalYear: key.fiscalYear,
      entity: 'disclosure-package',
      entityKey: `${key.unitCode}/${key.fiscalYear}/${key.kind}`,
      after: { version: stored.version, files: manifest.files.map((f) => ({ name: f.name, sha256: f.sha256 })) },
    });
    await notifyUnit(trx, key, noticeOfDisclosure('published', key.kind, actor, { version: stored.version }));
    return { ...stored, files: files.length };
  });
}

async function publishableContext(
  db: Executor,
  actor: Actor,
  key: { unitCode: string; fiscalYear: number; kind: DisclosureKind },
): Promise<DisclosureContext> {
  const context = await loadDisclosureContext(db, key.unitCode, key.fiscalYear);
  if (!context) throw new AppError('NOT_FOUND', `找不到单位“${key.unitCode}”`, { location: { field: 'unitCode' } });
  if (!context.bureau)
    throw new AppError('VALIDATION', '单位不在任何财政局之下：公开页面按财政局编排，请先在机构管理中安排单位', {
      location: { field: 'unitCode' },
    });
  if (!mayPublish(actor, context.policy))
    throw new AppError('FORBIDDEN', '财政局未允许单位自行发布公开包：请由财政局发布', { location: { field: 'kind' } });
  const refusal = refusalToPublish(key.kind, context);
  if (refusal !== null) throw new AppError('VALIDATION', refusal, { location: { field: 'kind' } });
  return context;
}
