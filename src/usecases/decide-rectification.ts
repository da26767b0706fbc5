import type { z } from 'zod';
import { DecideNoticeBodySchema, type Notice } from '../contract/results.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { notifyUnit } from '../db/notifications.repo.ts';
import { updateNoticeState } from '../db/results.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { todayUtc } from '../domain/monitoring/as-of-month.ts';
import { noticeOfRectification } from '../domain/notifications.ts';
import { nextNoticeState } from '../domain/results/notice.ts';
import { NoticeKeySchema, assertIssuer, requireNotice } from './rectification-access.ts';
import { presentNotice } from './rectification-view.ts';

type DecideInput = z.input<typeof NoticeKeySchema> & DecideNoticeBody;
type DecideNoticeBody = z.input<typeof DecideNoticeBodySchema>;

/**
 * The issuer's decision on a 已整改 reply: accept and close it (已销号), or reopen it (待整改) with a reason,
 * which tells the unit.
 */
export async function decideRectification(db: Db, actor: Actor, input: DecideInput): Promise<Notice> {
  const key = validateInput(NoticeKeySchema, input, '整改通知');
  const decision = validateInput(DecideNoticeBodySchema, input, '整改通知');
  const by = actor.displayName || actor.username;
  return inTransaction(db, async (trx) => {
    const before = await requireNotice(trx, key);
    assertIssuer(actor, before);
    if (decision.decision === 'close') {
      const state = nextNoticeState(before.state, { by: 'issuer', to: '已销号' });
      await updateNoticeState(trx, { id: before.id, state, by });
    } else {
      const reason = decision.reason.trim();
      const state = nextNoticeState(before.state, { by: 'issuer', to: '待整改', reply: reason });
      await updateNoticeState(trx, { id: before.id, state, by, reopenReason: reason });
    }
    const after = await requireNotice(trx, key);
    await recordAudit(trx, actor, {
      action: decision.decision === 'close' ? 'close-rectification' : 'reopen-rectification',
      unitCode: key.unitCode,
      fiscalYear: key.fiscalYear,
      entity: 'rectification',
      entityKey: String(before.id),
      before: { state: before.state },
      after: { state: after.state, reopenReason: after.reopenReason },
    });
    if (decision.decision === 'reopen') {
      await notifyUnit(trx, key, noticeOfRectification('rectification-reopened', actor, after));
    }
    return presentNotice(after, todayUtc());
  });
}
