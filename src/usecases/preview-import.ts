import type { Db } from '../db/database.ts';
import { findDocumentRef, findWorkflowStates } from '../db/documents.repo.ts';
import { reviewPolicyForUnit } from '../db/policies.repo.ts';
import type { RecognisedTable } from '../documents/layouts/reading.ts';
import type { ImportNote } from '../domain/import-note.ts';
import { type ReviewReport, reviewTargets } from '../domain/review/index.ts';
import type { StatedUnit, TargetsDocument, Unit } from '../domain/targets.ts';
import { assertEditable, type WorkflowState } from '../domain/workflow/states.ts';
import { type PreparedUpload, prepareUpload } from './prepare-upload.ts';

export interface ImportPreview {
  fileName: string;
  document: TargetsDocument;
  notes: ImportNote[];
  review: ReviewReport;
  replaces: boolean;
  /** What each grid of the file was recognised as (layout, mapping, money unit, rows skipped). */
  recognised: RecognisedTable[];
  /** How the unit was decided: the file's stated unit, and the stored unit it goes to. */
  unitMatch: { how: PreparedUpload['unitMatch']; stated: StatedUnit; unit: Unit };
}

/**
 * What an upload to a unit-year would store, and what the review rules say about it, before anything
 * is saved. The checks are the import's own (prepareUpload, then the lock on targets under review or
 * approved, read here without taking it): a file the import would refuse is refused here the same way.
 */
export async function previewImport(
  db: Db,
  input: { content: Uint8Array; fileName: string; unitCode: string; fiscalYear: number },
): Promise<ImportPreview> {
  const { prepared, notes, tables, unitMatch, statedUnit } = await prepareUpload(db, {
    content: input.content,
    fileName: input.fileName,
    fiscalYear: input.fiscalYear,
    expectUnitCode: input.unitCode,
  });
  const { document, fiscalYear } = prepared;
  const [workflow] = await findWorkflowStates(db.kysely, [{ unitCode: document.unit.code, fiscalYear }]);
  assertEditable((workflow?.state ?? 'draft') as WorkflowState);
  const policy = await reviewPolicyForUnit(db.kysely, input.unitCode);
  const existing = await findDocumentRef(db.kysely, input.unitCode, fiscalYear);
  return {
    fileName: input.fileName,
    document,
    notes,
    review: reviewTargets(document, policy),
    replaces: existing !== undefined,
    recognised: tables,
    unitMatch: { how: unitMatch, stated: statedUnit, unit: document.unit },
  };
}
