/**
 * Outgoing email over SMTP (nodemailer). Plain-text messages only. A failure is reported as
 * codes that are safe to log — never the server's reply text, which can repeat an address,
 * and never the SMTP password.
 */
import { createTransport } from 'nodemailer';
import type { MailConfig } from '../config.js';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Why a message did not go out: nodemailer's error code and the SMTP reply code, if any. */
export interface SendFailure {
  /** e.g. `EENVELOPE` (recipient refused), `EAUTH`, `ECONNECTION`, `ETIMEDOUT`. */
  readonly code: string;
  readonly responseCode: number | null;
}

export type SendResult =
  { readonly sent: true } | { readonly sent: false; readonly failure: SendFailure };

export interface Mailer {
  send(mail: OutgoingMail): Promise<SendResult>;
}

/** Waits, so a silent server cannot hold a request for nodemailer's minutes-long defaults. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1)$/i;

/** The fields of a nodemailer error that are safe to log. */
export function failureOf(error: unknown): SendFailure {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    responseCode?: unknown;
  };
  return {
    code:
      typeof fields.code === 'string' && /^[A-Z_]{1,40}$/.test(fields.code)
        ? fields.code
        : 'EUNKNOWN',
    responseCode: typeof fields.responseCode === 'number' ? fields.responseCode : null,
  };
}

/**
 * A mailer for the configured SMTP server. Not pooled: each message opens and closes its own
 * connection, so nothing stays open between invitations and nothing needs closing.
 * `smtp://` with a password insists on STARTTLS unless the server is on this machine, so the
 * password never crosses a network in clear.
 */
export function createSmtpMailer(config: MailConfig): Mailer {
  const { smtp } = config;
  const transport = createTransport({
    host: smtp.host,
    ...(smtp.port === null ? {} : { port: smtp.port }),
    secure: smtp.secure,
    requireTLS: !smtp.secure && smtp.password !== null && !LOOPBACK.test(smtp.host),
    ...(smtp.user === null ? {} : { auth: { user: smtp.user, pass: smtp.password ?? '' } }),
    ...TIMEOUTS,
    logger: false,
    debug: false,
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from: config.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
        return { sent: true };
      } catch (error) {
        return { sent: false, failure: failureOf(error) };
      }
    },
  };
}
