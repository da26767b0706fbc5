import type { Db } from '../db/database.ts';
import { claimPendingMail, setMailState } from '../db/notifications.repo.ts';
import { noticeText } from '../domain/notifications.ts';

/** What sends one e-mail (the server's SMTP transport; a test's). */
export interface MailSender {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** How many queued e-mails one drain claims; the next write's drain takes the rest. */
const BATCH = 50;

/**
 * Sends the queued notification e-mails (decision 037), after the transactions that queued them committed.
 * A failure is reported to `onError` and the row marked 'failed': an e-mail never fails the step it announces.
 */
export async function sendNotificationMail(
  db: Db,
  sender: MailSender,
  onError: (error: unknown, notificationId: number) => void,
): Promise<{ sent: number; failed: number }> {
  const claimed = await claimPendingMail(db.kysely, BATCH);
  let sent = 0;
  for (const mail of claimed) {
    const text = noticeText(mail.kind, mail.params, mail.unitCode, mail.fiscalYear);
    try {
      await sender.send({ to: mail.email, subject: `【预算绩效管理系统】${text.slice(0, 60)}`, text });
      await setMailState(db.kysely, mail.id, 'sent');
      sent++;
    } catch (error) {
      onError(error, mail.id);
      await setMailState(db.kysely, mail.id, 'failed');
    }
  }
  return { sent, failed: claimed.length - sent };
}
