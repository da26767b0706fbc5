import { z } from 'zod';
import { TargetsDocumentSchema } from '../contract/targets.ts';
import type { Db } from '../db/database.ts';
import { findDocumentRef } from '../db/documents.repo.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { findVersionSnapshot } from '../db/workflow.repo.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { type TargetsChange, diffTargets } from '../domain/workflow/diff.ts';
import { notFound, targetsNotFound } from '../domain/not-found.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { readWholeDocument } from '../db/document-access.repo.ts';

/** A version number, or 'current': the targets as they are now. */
const VersionRefSchema = z.union([z.literal('current'), z.number().int().positive()]);
export type VersionRef = z.infer<typeof VersionRefSchema>;

const DiffVersionsInputSchema = UnitYearInputSchema.extend({ from: VersionRefSchema, to: VersionRefSchema });

/** Field-by-field differences between two versions of a unit-year's targets (either may be the current one). */
export async function diffTargetVersions(
  db: Db,
  input: { unitCode: string; fiscalYear: number; from: VersionRef; to: VersionRef },
): Promise<{ from: VersionRef; to: VersionRef; changes: TargetsChange[] }> {
  const parsed = validateInput(DiffVersionsInputSchema, input, '版本比较');
  const key = { unitCode: parsed.unitCode, fiscalYear: parsed.fiscalYear };
  return inTransaction(
    db,
    async (trx) => {
      const document = await findDocumentRef(trx, key.unitCode, key.fiscalYear);
      if (!document) throw targetsNotFound(key);
      const before = await readVersion(trx, key, document.id, parsed.from);
      const after = await readVersion(trx, key, document.id, parsed.to);
      return { from: parsed.from, to: parsed.to, changes: diffTargets(before, after) };
    },
    'repeatable read',
  );
}

async function readVersion(
  trx: Executor,
  key: { unitCode: string; fiscalYear: number },
  documentId: number,
  ref: VersionRef,
): Promise<TargetsDocument> {
  if (ref === 'current') return (await readWholeDocument(trx, key)).document;
  const snapshot = await findVersionSnapshot(trx, documentId, ref);
  if (snapshot === undefined) {
    throw notFound('version', ref, `单位 ${key.unitCode} ${key.fiscalYear} 年度没有第 ${ref} 版`, {
      location: { field: 'version' },
    });
  }
  // Read back through the exchange-format schema: restores key order, checks shape.
  return TargetsDocumentSchema.parse(snapshot);
}
