import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import type { ParsedTargets } from './parse-targets.ts';
import { type UploadInput, prepareUpload } from './prepare-upload.ts';
import { storeTargets } from './store-targets.ts';

export interface ImportFileResult {
  unitCode: string;
  fiscalYear: number;
  projects: number;
  indicators: number;
  replaced: boolean;
  notes: ParsedTargets['notes'];
}

/** Stores an upload as the unit-year's targets, all or nothing (storeTargets refuses locked targets). */
export async function importFile(db: Db, actor: Actor, input: UploadInput): Promise<ImportFileResult> {
  const { prepared, notes } = await prepareUpload(db, input);
  const stored = await inTransaction(db, (trx) => storeTargets(trx, actor, prepared));
  return { ...stored, notes };
}
