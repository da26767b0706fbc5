import { z } from 'zod';
import type { SelfReportView } from '../contract/self-report.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { readSelfReport } from './read-self-report.ts';

const GetInputSchema = UnitYearInputSchema.extend({
  projectCode: z.string().trim().min(1).optional(),
  version: z.number().int().positive().optional(),
});

/** A 自评报告 for the screen: each section's text beside its generated default, the charts' data, the versions. */
export async function getSelfReport(db: Db, input: z.input<typeof GetInputSchema>): Promise<SelfReportView> {
  const key = validateInput(GetInputSchema, input, '自评报告');
  return inTransaction(
    db,
    async (trx) => {
      const loaded = await readSelfReport(trx, key);
      return {
        title: loaded.report.title,
        project: loaded.report.subject?.project ?? null,
        evaluationStatus: loaded.evaluationStatus,
        editable: loaded.version === null && loaded.evaluationStatus !== 'final',
        version: loaded.version,
        sections: loaded.report.sections,
        spending: loaded.report.spending,
        completion: loaded.report.completion,
        projects: loaded.report.allProjects,
        versions: loaded.versions,
      };
    },
    'repeatable read',
  );
}
