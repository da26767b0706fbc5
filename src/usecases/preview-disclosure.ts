import type { z } from 'zod';
import { DisclosureKindSchema } from '../contract/disclosure.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { loadDisclosureContext } from '../db/disclosure.repo.ts';
import { zipParts } from '../documents/docx/zip-writer.ts';
import { DISCLOSURE_KIND_NAMES, MANIFEST_FILE } from '../domain/disclosure/packages.ts';
import { AppError } from '../domain/errors.ts';
import { renderDisclosurePackage } from './render-disclosure-package.ts';

const PreviewInputSchema = UnitYearInputSchema.extend({ kind: DisclosureKindSchema });

/**
 * 预览: the package of `kind` as publishing would write it now, as a .zip (files + manifest.json), stored nowhere.
 * No precondition: a unit checks what it would publish before its targets are approved.
 */
export async function previewDisclosure(
  db: Db,
  input: z.input<typeof PreviewInputSchema>,
): Promise<{ content: Buffer; fileName: string }> {
  const key = validateInput(PreviewInputSchema, input, '预览条件');
  const context = await loadDisclosureContext(db.kysely, key.unitCode, key.fiscalYear);
  if (!context) throw new AppError('NOT_FOUND', `找不到单位“${key.unitCode}”`, { location: { field: 'unitCode' } });
  const bureau = context.bureau ?? { code: '', name: '' };
  const { files, manifest } = await renderDisclosurePackage(db, {
    ...key,
    documents: context.policy.documents[key.kind],
    bureau: { code: bureau.code, name: bureau.name },
    unitName: context.unitName,
    generatedBy: '预览（未发布）',
  });
  const now = new Date();
  const parts: [string, Buffer][] = [
    ...files.map((f): [string, Buffer] => [f.name, f.content]),
    [MANIFEST_FILE, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)],
  ];
  return {
    content: zipParts(parts, now),
    fileName: `${key.unitCode}-${key.fiscalYear}年度${DISCLOSURE_KIND_NAMES[key.kind]}（预览）.zip`,
  };
}
