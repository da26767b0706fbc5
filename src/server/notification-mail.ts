import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import nodemailer from 'nodemailer';
import type { Db } from '../db/database.ts';
import { type MailSender, sendNotificationMail } from '../usecases/send-notification-mail.ts';

export interface MailOptions {
  /** smtp://user:password@host:port or smtps://… (nodemailer's connection URL). */
  smtpUrl: string;
  /** The sender address. */
  from: string;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** JIXIAO_SMTP_URL (and JIXIAO_MAIL_FROM): e-mail notifications on; absent: in-app only. */
export function mailOptionsFromEnv(env: NodeJS.ProcessEnv): MailOptions | false {
  const smtpUrl = env['JIXIAO_SMTP_URL']?.trim();
  if (!smtpUrl) return false;
  return { smtpUrl, from: env['JIXIAO_MAIL_FROM']?.trim() || 'jixiao@localhost' };
}

/**
 * E-mails the notifications a write queued (decision 037): after the response has gone (onResponse), so
 * the transaction that queued them has committed and the user does not wait for SMTP. One drain at a time
 * per process; a write during a drain asks for another. Failures are logged and never reach the user.
 */
export function notificationMail(db: Db, options: MailOptions): FastifyPluginAsync {
  const plugin: FastifyPluginAsync = async (app: FastifyInstance) => {
    const transport = nodemailer.createTransport(options.smtpUrl);
    const sender: MailSender = {
      send: async (message) => {
        await transport.sendMail({ from: options.from, ...message });
      },
    };
    let running: Promise<void> | null = null;
    let again = false;
    const drain = (): void => {
      if (running !== null) {
        again = true;
        return;
      }
      again = false;
      running = sendNotificationMail(db, sender, (error, id) =>
        app.log.error({ err: error, notificationId: id }, 'sending a notification e-mail failed'),
      )
        .then(
          () => undefined,
          (error: unknown) => app.log.error({ err: error }, 'reading the notification e-mail queue failed'),
        )
        .finally(() => {
          running = null;
          if (again) drain();
        });
    };
    app.addHook('onResponse', async (request, reply) => {
      if (READS.has(request.method) || reply.statusCode >= 400 || !request.url.startsWith('/api/')) return;
      drain();
    });
    app.addHook('onClose', async () => {
      await running;
      transport.close();
    });
  };
  // Not encapsulated: the hook must see every route (what fastify-plugin does).
  Object.assign(plugin, { [Symbol.for('skip-override')]: true });
  return plugin;
}
