import { sql } from 'kysely';
import type { SectionOverride } from '../domain/self-report/report.ts';
import type { SectionKey, SectionTexts } from '../domain/self-report/types.ts';
import type { UnitYearRef } from './monitoring.repo.ts';
import type { Executor } from './schema.ts';

/** 自评报告 storage (migration 0024, decision 046): edited sections (compare-and-set) and frozen versions. */

export async function loadSectionOverrides(
  db: Executor,
  ref: UnitYearRef,
  reportKey: string,
): Promise<Map<SectionKey, SectionOverride>> {
  const rows = await db
    .selectFrom('self_report_sections')
    .select(['section', 'text', 'version', 'updated_by', 'updated_at'])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .where('report_key', '=', reportKey)
    .execute();
  return new Map(
    rows.map((r) => [
      r.section as SectionKey,
      { text: r.text, version: r.version, updatedBy: r.updated_by, updatedAt: r.updated_at.toISOString() },
    ]),
  );
}

/** Every edited text of the unit-year, report key → section → text: what a frozen version stores. */
export async function loadAllSectionTexts(db: Executor, ref: UnitYearRef): Promise<SectionTexts> {
  const rows = await db
    .selectFrom('self_report_sections')
    .select(['report_key', 'section', 'text'])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .orderBy('report_key')
    .orderBy('section')
    .execute();
  const texts: SectionTexts = {};
  for (const row of rows) (texts[row.report_key] ??= {})[row.section as SectionKey] = row.text;
  return texts;
}

interface SectionWrite {
  reportKey: string;
  section: SectionKey;
  /** The version the writer read: 0 = no edited text yet. */
  expectedVersion: number;
  updatedBy: string;
}

/** Stores a section's text if it is still at `expectedVersion`; the new version, or undefined when it was not. */
export async function saveSectionText(
  db: Executor,
  ref: UnitYearRef,
  write: SectionWrite & { text: string },
): Promise<number | undefined> {
  if (write.expectedVersion === 0) {
    const row = await db
      .insertInto('self_report_sections')
      .values({
        unit_id: ref.unitId,
        fiscal_year: ref.fiscalYear,
        report_key: write.reportKey,
        section: write.section,
        text: write.text,
        updated_by: write.updatedBy,
      })
      .onConflict((c) => c.columns(['unit_id', 'fiscal_year', 'report_key', 'section']).doNothing())
      .returning('version')
      .executeTakeFirst();
    return row?.version;
  }
  const row = await db
    .updateTable('self_report_sections')
    .set({ text: write.text, version: sql`version + 1`, updated_by: write.updatedBy, updated_at: sql`now()` })
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .where('report_key', '=', write.reportKey)
    .where('section', '=', write.section)
    .where('version', '=', write.expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

/** Drops a section's edited text (back to the generated one) if still at `expectedVersion`; false when it was not. */
export async function deleteSectionText(db: Executor, ref: UnitYearRef, write: SectionWrite): Promise<boolean> {
  const result = await db
    .deleteFrom('self_report_sections')
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .where('report_key', '=', write.reportKey)
    .where('section', '=', write.section)
    .where('version', '=', write.expectedVersion)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Stores a frozen version (the next number) and returns its number. */
export async function insertReportVersion(
  db: Executor,
  ref: UnitYearRef,
  snapshot: unknown,
  frozenBy: string,
): Promise<number> {
  const row = await db
    .insertInto('self_report_versions')
    .values(({ selectFrom }) => ({
      unit_id: ref.unitId,
      fiscal_year: ref.fiscalYear,
      version: selectFrom('self_report_versions')
        .select(sql<number>`coalesce(max(version), 0) + 1`.as('next'))
        .where('unit_id', '=', ref.unitId)
        .where('fiscal_year', '=', ref.fiscalYear),
      snapshot: JSON.stringify(snapshot),
      frozen_by: frozenBy,
    }))
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export interface ReportVersionInfo {
  version: number;
  frozenBy: string;
  frozenAt: string;
}

export async function listReportVersions(db: Executor, ref: UnitYearRef): Promise<ReportVersionInfo[]> {
  const rows = await db
    .selectFrom('self_report_versions')
    .select(['version', 'frozen_by', 'frozen_at'])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ version: r.version, frozenBy: r.frozen_by, frozenAt: r.frozen_at.toISOString() }));
}

/** A frozen version's snapshot (the latest when `version` is absent), or undefined. */
export async function loadReportVersion(db: Executor, ref: UnitYearRef, version?: number): Promise<unknown> {
  let query = db
    .selectFrom('self_report_versions')
    .select('snapshot')
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear);
  query = version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
  return (await query.executeTakeFirst())?.snapshot;
}
