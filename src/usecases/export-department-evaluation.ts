import { z } from 'zod';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { loadDepartmentYear, presentDepartmentEvaluation } from '../db/department-evaluation-year.repo.ts';
import type { Db } from '../db/database.ts';
import { ancestorsOfUnit } from '../db/organisations.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { renderDocument } from '../documents/render/render-pool.ts';
import type { DepartmentEvaluationReport } from '../documents/reports/department-evaluation-grid.ts';
import type { ExportedFile } from '../documents/targets-export.ts';

const FORMATS = ['docx', 'xlsx', 'pdf'] as const;
const CONTENT_TYPES: Record<(typeof FORMATS)[number], string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};
const STATUS_WORDS = {
  none: '尚未填报（预填草稿）',
  draft: '草稿',
  submitted: '已提交，待主管部门审核',
  reviewed: '主管部门已审核，待财政局复核定稿',
  final: '已定稿',
} as const;

const InputSchema = UnitYearInputSchema.extend({ format: z.enum(FORMATS) });

/**
 * The 部门整体支出绩效自评表 as Word, Excel or PDF (decision 045): the figures the screen shows (the same read),
 * the pre-filled draft when nothing is stored yet, rendered off the event loop.
 */
export async function exportDepartmentEvaluation(
  db: Db,
  input: { unitCode: string; fiscalYear: number; format: (typeof FORMATS)[number] },
): Promise<ExportedFile> {
  const key = validateInput(InputSchema, input, '导出条件');
  const report = await inTransaction(
    db,
    async (trx): Promise<DepartmentEvaluationReport> => {
      const year = await loadDepartmentYear(trx, key);
      const view = presentDepartmentEvaluation(year);
      const department = (await ancestorsOfUnit(trx, key.unitCode)).find((o) => o.kind === 'department');
      return {
        unitCode: view.unitCode,
        unitName: view.unitName,
        fiscalYear: view.fiscalYear,
        department: department?.name ?? null,
        statusText: STATUS_WORDS[view.status],
        form: view.recheck?.form ?? view.form,
        indicators: view.indicators,
        score: view.score,
        recheck: view.recheck && {
          unitTotal: view.unitScore?.total ?? view.score.total,
          reason: view.recheck.reason,
          by: view.recheck.by,
        },
      };
    },
    'repeatable read',
  );
  return {
    content: await renderDocument({ kind: 'department-evaluation', format: key.format, report }),
    contentType: CONTENT_TYPES[key.format],
    extension: key.format,
    fileName: `${report.unitName}${key.fiscalYear}年度部门整体支出绩效自评表.${key.format}`,
  };
}
