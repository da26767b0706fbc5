import type { Db } from '../db/database.ts';
import { findDocumentRef } from '../db/documents.repo.ts';
import type { ImportNote } from '../documents/seed-text/read-seed-text.ts';
import { normaliseDocument } from '../domain/normalise.ts';
import { type ReviewReport, reviewTargets } from '../domain/review/index.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { assertUnit } from './import-file.ts';
import { parseTargetsFile } from './parse-targets.ts';
import { reviewPolicyForUnit } from './review-targets.ts';

export interface ImportPreview {
  fileName: string;
  document: TargetsDocument;
  notes: ImportNote[];
  review: ReviewReport;
  replaces: boolean;
}

/**
 * What an upload to a unit-year would store, and what the review rules say about it, before anything
 * is saved: the file is parsed and normalised as the import does, and nothing is written.
 */
export async function previewImport(
  db: Db,
  input: { content: Uint8Array; fileName: string; unitCode: string; fiscalYear: number },
): Promise<ImportPreview> {
  const parsed = await parseTargetsFile({
    content: input.content,
    fileName: input.fileName,
    fiscalYear: input.fiscalYear,
  });
  assertUnit(parsed.document.unit.code, input.unitCode, input.fileName);
  const document = normaliseDocument(parsed.document);
  const policy = await reviewPolicyForUnit(db.kysely, input.unitCode);
  const existing = await findDocumentRef(db.kysely, input.unitCode, input.fiscalYear);
  return {
    fileName: input.fileName,
    document,
    notes: parsed.notes,
    review: reviewTargets(document, policy),
    replaces: existing !== undefined,
  };
}
