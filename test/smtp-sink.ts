import { type AddressInfo, createServer } from 'node:net';

/** One message the sink received: the envelope and the raw DATA. */
export interface SunkMail {
  from: string;
  to: string[];
  data: string;
}

export interface SmtpSink {
  url: string;
  messages: SunkMail[];
  /** Resolves with the next message (or the first one already received and not yet taken). */
  next(): Promise<SunkMail>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a socket, speaking just enough of RFC 5321 (EHLO, MAIL, RCPT, DATA, QUIT) for
 * nodemailer to deliver to it without TLS: the e-mail tests send over the wire, not into a mock.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SunkMail[] = [];
  let taken = 0;
  let waiting: ((mail: SunkMail) => void) | null = null;
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let mail: SunkMail = { from: '', to: [], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    const answer = (line: string) => {
      const argument = line
        .slice(line.indexOf(':') + 1)
        .replace(/[<>]/g, '')
        .trim();
      switch (line.slice(0, 4).toUpperCase()) {
        case 'EHLO':
          return reply('250-sink\r\n250 8BITMIME');
        case 'MAIL':
          mail.from = argument;
          return reply('250 ok');
        case 'RCPT':
          mail.to.push(argument);
          return reply('250 ok');
        case 'DATA':
          inData = true;
          return reply('354 go ahead');
        case 'QUIT':
          reply('221 bye');
          return socket.end();
        default:
          return reply(/^(HELO|RSET|NOOP)/i.test(line) ? '250 ok' : '502 not implemented');
      }
    };
    reply('220 sink ESMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line !== '.') {
            mail.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
            continue;
          }
          inData = false;
          messages.push(mail);
          mail = { from: '', to: [], data: '' };
          reply('250 queued');
          if (waiting && taken < messages.length) waiting(messages[taken++]!);
          continue;
        }
        answer(line);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    next: () =>
      taken < messages.length
        ? Promise.resolve(messages[taken++]!)
        : new Promise((resolve) => {
            waiting = resolve;
          }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The text of a single-part message: its body decoded from base64 or quoted-printable. */
export function mailText(mail: SunkMail): string {
  const [head, ...rest] = mail.data.split('\n\n');
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head!)) return Buffer.from(body, 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head!)) {
    const bytes = body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}
