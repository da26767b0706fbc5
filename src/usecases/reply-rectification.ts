import type { z } from 'zod';
import { type Notice, ReplyNoticeBodySchema } from '../contract/results.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { notifyOrganisation } from '../db/notifications.repo.ts';
import { updateNoticeState } from '../db/results.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { todayUtc } from '../domain/monitoring/as-of-month.ts';
import { noticeOfRectification } from '../domain/notifications.ts';
import { nextNoticeState } from '../domain/results/notice.ts';
import { NoticeKeySchema, requireNotice } from './rectification-access.ts';
import { presentNotice } from './rectification-view.ts';

const ReplyInputSchema = NoticeKeySchema.extend(ReplyNoticeBodySchema.shape);

/** The unit reports 整改中 or 已整改 with what it did; the issuing organisation is told. */
export async function replyRectification(
  db: Db,
  actor: Actor,
  input: z.input<typeof ReplyInputSchema>,
): Promise<Notice> {
  const parsed = validateInput(ReplyInputSchema, input, '整改回复');
  return inTransaction(db, async (trx) => {
    const before = await requireNotice(trx, parsed);
    const reply = parsed.reply.trim();
    const state = nextNoticeState(before.state, { by: 'unit', to: parsed.state, reply });
    await updateNoticeState(trx, { id: before.id, state, by: actor.displayName || actor.username, reply });
    const after = await requireNotice(trx, parsed);
    await recordAudit(trx, actor, {
      action: 'reply-rectification',
      unitCode: parsed.unitCode,
      fiscalYear: parsed.fiscalYear,
      entity: 'rectification',
      entityKey: String(before.id),
      before: { state: before.state, reply: before.reply },
      after: { state: after.state, reply: after.reply },
    });
    await notifyOrganisation(
      trx,
      before.issuerOrg,
      parsed,
      noticeOfRectification('rectification-replied', actor, after),
    );
    return presentNotice(after, todayUtc());
  });
}
