import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { readWholeDocument } from '../db/document-access.repo.ts';
import { ancestorsOfUnit } from '../db/organisations.repo.ts';
import { type OpinionRow, currentRound, currentOpinions } from '../db/review-opinions.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { renderDocument } from '../documents/render/render-pool.ts';
import type { OpinionReport, OpinionReportForm } from '../documents/review-opinion/types.ts';
import type { ExportedFile } from '../documents/targets-export.ts';
import { OPINION_LEVELS, OVERALL_ITEM_NAME, type OpinionLevel } from '../domain/review/opinion.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

const ExportOpinionsInputSchema = UnitYearInputSchema.extend({
  format: z.enum(['docx', 'pdf']),
  level: z.enum(OPINION_LEVELS).optional(),
});

/**
 * The printed 绩效目标审核意见表 of a unit-year: this round's current forms (one level, or both),
 * in the document's item order, department before bureau. Read in one snapshot, written in the
 * render pool like every Word/PDF export.
 */
export async function exportReviewOpinions(
  db: Db,
  input: { unitCode: string; fiscalYear: number; format: 'docx' | 'pdf'; level?: OpinionLevel },
): Promise<ExportedFile> {
  const key = validateInput(ExportOpinionsInputSchema, input, '导出条件');
  const report = await inTransaction(
    db,
    async (trx): Promise<OpinionReport> => {
      const { id, document } = await readWholeDocument(trx, key);
      const round = await currentRound(trx, id);
      const levels = key.level ? [key.level] : [...OPINION_LEVELS];
      const forms: OpinionReportForm[] = [];
      for (const level of levels) {
        const rows = await currentOpinions(trx, { documentId: id, round, level });
        forms.push(...inItemOrder(rows, document).map((row) => toReportForm(row, document)));
      }
      const department = (await ancestorsOfUnit(trx, key.unitCode)).find((o) => o.kind === 'department');
      return {
        unitCode: key.unitCode,
        unitName: document.unit.name,
        departmentName: department?.name ?? null,
        fiscalYear: key.fiscalYear,
        round,
        forms,
      };
    },
    'repeatable read',
  );
  const content = await renderDocument({ kind: 'review-opinion', format: key.format, report });
  return {
    content,
    contentType: CONTENT_TYPES[key.format],
    extension: key.format,
    fileName: `${report.unitName}${key.fiscalYear}年度绩效目标审核意见表.${key.format}`,
  };
}

/** Projects in the document's order, the overall targets last. */
function inItemOrder(rows: OpinionRow[], document: TargetsDocument): OpinionRow[] {
  const position = new Map(document.projects.map((p, i) => [p.code, i]));
  const rank = (row: OpinionRow) =>
    row.projectCode === null ? Number.MAX_SAFE_INTEGER : (position.get(row.projectCode) ?? Number.MAX_SAFE_INTEGER - 1);
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

function toReportForm(row: OpinionRow, document: TargetsDocument): OpinionReportForm {
  const project = document.projects.find((p) => p.code === row.projectCode);
  return {
    level: row.level,
    projectCode: row.projectCode,
    itemName: project?.name ?? (row.projectCode === null ? OVERALL_ITEM_NAME : row.projectCode),
    budget: project?.budget.total ?? null,
    grades: {
      completeness: row.completeness,
      relevance: row.relevance,
      appropriateness: row.appropriateness,
      feasibility: row.feasibility,
    },
    overall: row.overall,
    opinion: row.opinion,
    consultationNote: row.consultationNote ?? null,
    reviewerName: row.reviewerName,
    at: row.at,
  };
}
