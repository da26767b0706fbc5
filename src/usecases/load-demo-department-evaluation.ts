import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { storeOverallTargets } from '../db/department-evaluation.repo.ts';
import { findDocument } from '../db/documents.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { indicatorsFromNarrative } from '../domain/department-evaluation/from-narrative.ts';
import type { Indicator } from '../domain/targets.ts';
import { getDepartmentEvaluation } from './get-department-evaluation.ts';
import { saveDepartmentEvaluation } from './save-department-evaluation.ts';

/** What the demo unit reports per overall indicator: the target's own number, met (a 良 department, not a perfect one). */
function actualOf(indicator: Indicator): string {
  const { value, max, unit } = indicator.target;
  const number = value ?? max ?? null;
  return number === null ? '达到' : `${number}${unit ?? ''}`;
}

/**
 * The demo's 部门整体绩效 (decision 045): the seed unit's overall indicators taken from the numbers of its
 * narrative goals (the seed document has no 整体目标表), written as the seed's own (the demo targets are
 * approved, so this is the loader's write, audited as the system), and a filled 整体自评表 left as a draft.
 */
export async function loadDemoDepartmentEvaluation(
  db: Db,
  key: { unitCode: string; fiscalYear: number },
): Promise<void> {
  const indicators = await inTransaction(db, async (trx) => {
    const document = (await findDocument(trx, key.unitCode, key.fiscalYear))!;
    const found = indicatorsFromNarrative(document.overall);
    await storeOverallTargets(trx, document.id, { ...document.overall, indicators: found });
    await recordAudit(trx, SYSTEM_ACTOR, {
      action: 'update-overall-indicators',
      ...key,
      entity: 'target-document',
      entityKey: `${key.unitCode}/${key.fiscalYear}`,
      before: { indicators: [] },
      after: { indicators: found },
    });
    return found;
  });
  const draft = (await getDepartmentEvaluation(db, key, { draft: true }))!;
  const management = draft.form.management.map((m, i) =>
    i === 0 ? { ...m, score: '4', reason: '部分项目测算依据不够细' } : { ...m, score: String(pointsOf(draft, m.key)) },
  );
  await saveDepartmentEvaluation(db, SYSTEM_ACTOR, {
    ...key,
    expectedVersion: 0,
    form: {
      ...draft.form,
      summary: '全年围绕职工服务、劳动竞赛和困难帮扶开展工作，总体目标基本完成。',
      indicators: indicators.map((indicator) => ({ name: indicator.name, actual: actualOf(indicator) })),
      management,
    },
  });
}

function pointsOf(draft: { score: { management: { key: string; points: number }[] } }, key: string): number {
  return draft.score.management.find((m) => m.key === key)?.points ?? 0;
}
