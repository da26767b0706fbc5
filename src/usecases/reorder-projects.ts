import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { lockDocumentForWrite } from '../db/document-access.repo.ts';
import { lastAuditChange, versionConflict } from '../db/last-change.repo.ts';
import { listProjectCodes, storeProjectOrder } from '../db/project-order.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { ProjectOrderBodySchema } from '../contract/project-order.ts';
import { ExpectedVersionInputSchema, UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';

/**
 * Puts the unit-year's projects in the given order (the order of the document, of its tables on screen and
 * on paper). `expectedVersion` is the document's version as read: any write since (an edit, a delete,
 * another reorder) makes this one stale, CONFLICT, nothing changed. Locked targets refuse it (LOCKED) like
 * every other write; the codes must name every project once.
 */
export async function reorderProjects(
  db: Db,
  actor: Actor,
  input: { unitCode: string; fiscalYear: number; expectedVersion: number; codes: string[] },
): Promise<{ version: number }> {
  const key = validateInput(UnitYearInputSchema, input, '单位年度');
  const { expectedVersion } = validateInput(ExpectedVersionInputSchema, input, '版本号');
  const { codes } = validateInput(ProjectOrderBodySchema, input, '项目顺序');
  return inTransaction(db, async (trx) => {
    const document = await lockDocumentForWrite(trx, key);
    // lockDocumentForWrite has already counted this write: the version read is the one before it.
    const current = document.version - 1;
    if (current !== expectedVersion) {
      const change = await lastAuditChange(trx, key, [{ entity: 'target-document' }, { entity: 'project' }]);
      throw await versionConflict(trx, `${key.unitCode} ${key.fiscalYear} 年度的项目`, {
        ...change,
        currentVersion: current,
        expectedVersion,
      });
    }
    const before = await listProjectCodes(trx, document.id);
    refuseOtherSet(before, codes);
    await storeProjectOrder(trx, document.id, codes);
    await recordAudit(trx, actor, {
      action: 'reorder-projects',
      unitCode: key.unitCode,
      fiscalYear: key.fiscalYear,
      entity: 'target-document',
      entityKey: `${key.unitCode}/${key.fiscalYear}`,
      // Keyed `projects` so that the audit log reads “将“项目”从 A、B 改为 B、A” (contract/audit-words.ts).
      before: { projects: before },
      after: { projects: codes },
    });
    return { version: document.version };
  });
}

/** The new order must be a permutation of the stored projects: a code twice, unknown or left out is refused. */
function refuseOtherSet(stored: readonly string[], codes: readonly string[]): void {
  const known = new Set(stored);
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    if (!known.has(code)) {
      throw new AppError('VALIDATION', `第 ${i + 1} 个项目编码“${code}”不是本年度的项目，请重新载入后再排序`, {
        location: { path: ['codes', i] },
        details: { reason: 'reorder.unknown-project', position: i + 1, code },
      });
    }
    if (seen.has(code)) {
      throw new AppError('VALIDATION', `项目编码“${code}”出现了两次，每个项目只能排一次`, {
        location: { path: ['codes', i] },
        details: { reason: 'reorder.duplicate', code },
      });
    }
    seen.add(code);
  });
  const missing = stored.filter((code) => !seen.has(code));
  if (missing.length > 0) {
    throw new AppError('VALIDATION', `顺序中缺少项目 ${missing.join('、')}，请重新载入后再排序`, {
      location: { path: ['codes'] },
      details: { reason: 'reorder.missing', codes: missing },
    });
  }
}
