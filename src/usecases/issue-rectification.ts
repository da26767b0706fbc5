import { z } from 'zod';
import { IssueNoticeBodySchema, type Notice } from '../contract/results.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { notifyUnit } from '../db/notifications.repo.ts';
import { insertNotice, loadNotices, noticeTargetOf } from '../db/results.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { checkActionDeadline } from '../domain/monitoring/actions.ts';
import { todayUtc } from '../domain/monitoring/as-of-month.ts';
import { noticeOfRectification } from '../domain/notifications.ts';
import { presentNotice } from './rectification-view.ts';

const IssueInputSchema = UnitYearInputSchema.extend(IssueNoticeBodySchema.shape).extend({
  today: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

/**
 * The bureau or the department issues a 整改通知 about a unit's year (or one project of it): the problem, what
 * to do, by when (not before today). Allowed after the year closed: rectification follows the results.
 */
export async function issueRectification(
  db: Db,
  actor: Actor,
  input: z.input<typeof IssueInputSchema>,
): Promise<Notice> {
  const parsed = validateInput(IssueInputSchema, input, '整改通知');
  const today = parsed.today ?? todayUtc();
  checkActionDeadline(parsed.deadline, today);
  return inTransaction(db, async (trx) => {
    const target = await noticeTargetOf(trx, parsed);
    if (!target) {
      throw new AppError('NOT_FOUND', `单位 ${parsed.unitCode} 没有 ${parsed.fiscalYear} 年度的绩效目标`, {
        location: { field: 'fiscalYear' },
      });
    }
    if (parsed.projectCode !== null && !target.projects.some((p) => p.code === parsed.projectCode)) {
      throw new AppError('NOT_FOUND', `${parsed.fiscalYear} 年度没有编码为 ${parsed.projectCode} 的项目`, {
        location: { field: 'projectCode' },
      });
    }
    const id = await insertNotice(trx, {
      unitId: target.unitId,
      fiscalYear: parsed.fiscalYear,
      projectCode: parsed.projectCode,
      issuerOrg: actor.orgCode,
      body: parsed.body.trim(),
      requirement: parsed.requirement.trim(),
      deadline: parsed.deadline,
      by: actor.displayName || actor.username,
    });
    const [saved] = await loadNotices(trx, { id });
    await recordAudit(trx, actor, {
      action: 'issue-rectification',
      unitCode: parsed.unitCode,
      fiscalYear: parsed.fiscalYear,
      entity: 'rectification',
      entityKey: String(id),
      before: null,
      after: {
        projectCode: saved!.projectCode,
        body: saved!.body,
        requirement: saved!.requirement,
        deadline: saved!.deadline,
      },
    });
    await notifyUnit(trx, parsed, noticeOfRectification('rectification-issued', actor, saved!));
    return presentNotice(saved!, today);
  });
}
