import { z } from 'zod';
import { SectionKeySchema } from '../contract/self-report.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { loadEvaluatedYear } from '../db/evaluated-year.repo.ts';
import { deleteSectionText, loadSectionOverrides, saveSectionText } from '../db/self-report.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { projectNotFound } from '../domain/not-found.ts';
import { SECTION_HEADINGS } from '../domain/self-report/types.ts';

const EditInputSchema = UnitYearInputSchema.extend({
  projectCode: z.string().trim().min(1).optional(),
  section: SectionKeySchema,
  /** null: back to the generated text. */
  text: z.string().nullable(),
  expectedVersion: z.number().int().nonnegative(),
});

/**
 * The unit edits one section of a 自评报告, or restores its generated text (decision 046): compare-and-set on the
 * section's version, audited; refused once the 自评表 is final (the report is frozen with it until reopened).
 * Returns the section's new version (0 after a restore).
 */
export async function editSelfReportSection(
  db: Db,
  actor: Actor,
  input: z.input<typeof EditInputSchema>,
): Promise<{ version: number }> {
  const key = validateInput(EditInputSchema, input, '自评报告');
  return inTransaction(db, async (trx) => {
    const year = await loadEvaluatedYear(trx, key);
    if (key.projectCode !== undefined && !year.projects.some((p) => p.code === key.projectCode)) {
      throw projectNotFound({ ...key, projectCode: key.projectCode });
    }
    if (year.stored?.status === 'final') {
      throw new AppError('LOCKED', '自评表已定稿，自评报告随之冻结；如需修改，请财政局重新打开自评表');
    }
    const ref = { unitId: year.unitId, fiscalYear: key.fiscalYear };
    const reportKey = key.projectCode ?? '';
    const before = (await loadSectionOverrides(trx, ref, reportKey)).get(key.section);
    const write = { reportKey, section: key.section, expectedVersion: key.expectedVersion, updatedBy: actor.username };
    const text = key.text?.trim() ?? null;
    const version =
      text === null
        ? (await deleteSectionText(trx, ref, write))
          ? 0
          : undefined
        : await saveSectionText(trx, ref, { ...write, text });
    if (version === undefined) throw stale(before);
    await recordAudit(trx, actor, {
      action: text === null ? 'restore-self-report' : 'edit-self-report',
      unitCode: key.unitCode,
      fiscalYear: key.fiscalYear,
      entity: 'self-report',
      entityKey: `${key.unitCode}/${key.fiscalYear}/${reportKey || '部门'}/${SECTION_HEADINGS[key.section]}`,
      before: { text: before?.text ?? null },
      after: { text },
    });
    return { version };
  });
}

function stale(current: { updatedBy: string; updatedAt: string } | undefined): AppError {
  return new AppError('CONFLICT', '这一部分刚被他人修改，请刷新后再改', {
    location: { field: 'text' },
    details: current === undefined ? {} : { updatedBy: current.updatedBy, updatedAt: current.updatedAt },
  });
}
