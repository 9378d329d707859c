/**
 * A real SMTP server on a free loopback port (smtp-server, by nodemailer's authors) that keeps
 * every message it accepts, so tests see exactly what went over the wire.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
  /** Unfolded header lines, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The decoded body (quoted-printable and base64 undone). */
  readonly text: string;
  /** The message as received. */
  readonly raw: string;
}

export interface SmtpReceiver {
  readonly port: number;
  readonly received: ReceivedMail[];
  /** The SMTP URL to configure Steady with. */
  url(credentials?: { user: string; password: string }): string;
  close(): Promise<void>;
}

export interface ReceiverOptions {
  /** Refuse every recipient with 550 (a send failure). */
  readonly refuseRecipients?: boolean;
  /** Require these credentials (AUTH over the plain loopback connection). */
  readonly credentials?: { readonly user: string; readonly password: string };
}

function decodeQuotedPrintable(body: string): string {
  const soft = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i += 1) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** `=?UTF-8?Q?…?=` and `=?UTF-8?B?…?=` words of a header. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

export function parseMail(raw: string, envelopeFrom: string, envelopeTo: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const encoding = headers['content-transfer-encoding']?.toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { envelopeFrom, envelopeTo, headers, text: text.replace(/\r\n/g, '\n'), raw };
}

export async function startSmtpReceiver(options: ReceiverOptions = {}): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const { credentials } = options;
  const server = new SMTPServer({
    logger: false,
    // Plain text on loopback: no STARTTLS with the built-in test certificate.
    disabledCommands: credentials === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: credentials === undefined,
    onAuth(auth, _session, callback) {
      const ok = auth.username === credentials?.user && auth.password === credentials?.password;
      callback(ok ? null : new Error('Invalid username or password'), { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      if (options.refuseRecipients === true) {
        const error = Object.assign(new Error(`Mailbox unavailable: ${address.address}`), {
          responseCode: 550,
        });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        received.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            from === false ? '' : from.address,
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    url: (login) =>
      login === undefined
        ? `smtp://127.0.0.1:${String(port)}`
        : `smtp://${encodeURIComponent(login.user)}:${encodeURIComponent(login.password)}@127.0.0.1:${String(port)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
