import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Db } from '../db/database.ts';
import { importDocument } from './import-document.ts';
import { listUnits } from './list-units.ts';

/** The seed: 2020 performance targets of 秦皇岛市山海关区总工会 (unit 711002). */
export const DEMO_DOCUMENT = resolve(import.meta.dirname, '../../examples/shanhaiguan-2020.txt');
export const DEMO_YEAR = 2020;

/** Loads the seed department when the database holds no unit yet; returns whether it did. */
export async function loadDemoDataIfEmpty(db: Db): Promise<boolean> {
  if ((await listUnits(db)).length > 0) return false;
  const content = await readFile(DEMO_DOCUMENT);
  await importDocument(db, { content, fileName: 'shanhaiguan-2020.txt', fiscalYear: DEMO_YEAR });
  return true;
}
