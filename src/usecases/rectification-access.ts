import { z } from 'zod';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { type NoticeRecord, loadNotices, lockNotice } from '../db/results.repo.ts';
import type { Executor } from '../db/schema.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';

/** A notice is addressed by its unit, year and id: the route's access check is on that unit. */
export const NoticeKeySchema = UnitYearInputSchema.extend({ id: z.number().int().positive() });

/** The notice, locked for the change that follows; NOT_FOUND when it is not that unit-year's. */
export async function requireNotice(
  trx: Executor,
  key: { unitCode: string; fiscalYear: number; id: number },
): Promise<NoticeRecord> {
  await lockNotice(trx, key.id);
  const [notice] = await loadNotices(trx, { id: key.id });
  if (!notice || notice.unitCode !== key.unitCode || notice.fiscalYear !== key.fiscalYear) {
    throw new AppError('NOT_FOUND', `没有编号为 ${key.id} 的整改通知`, { location: { field: 'id' } });
  }
  return notice;
}

/**
 * Only the organisation that issued a notice reopens or closes it; the bureau above may too (it sees every unit
 * a department does), the administrator always. A department cannot decide on the bureau's notice.
 */
export function assertIssuer(actor: Actor, notice: NoticeRecord): void {
  if (actor.role === 'admin' || actor.role === 'bureau' || actor.orgCode === notice.issuerOrg) return;
  throw new AppError('FORBIDDEN', '只有下发该整改通知的部门可以重新打开或销号', { location: { field: 'id' } });
}
