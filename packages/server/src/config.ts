import path from 'node:path';
import { z } from 'zod';

/** A decimal whole number (z.coerce would read " " as 0 and "0x50" as 80). */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** Where invitation emails go out: from `smtp://user:password@host:port` (or `smtps://`). */
export interface SmtpSettings {
  readonly host: string;
  /** Null: the default of the scheme (587 for smtp, 465 for smtps). */
  readonly port: number | null;
  /** `smtps://`: TLS from the first byte; `smtp://` upgrades with STARTTLS when offered. */
  readonly secure: boolean;
  readonly user: string | null;
  /** Secret: never logged, never in an error message. */
  readonly password: string | null;
}

/** The SMTP settings in a URL, or null when it is not an smtp:// or smtps:// URL with a host. */
export function parseSmtpUrl(value: string): SmtpSettings | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return null;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '' || !['', '/'].includes(url.pathname) || url.search !== '' || url.hash !== '') {
    return null;
  }
  try {
    return {
      host,
      port: url.port === '' ? null : Number(url.port),
      secure: url.protocol === 'smtps:',
      user: url.username === '' ? null : decodeURIComponent(url.username),
      password: url.password === '' ? null : decodeURIComponent(url.password),
    };
  } catch {
    return null; // a malformed %-escape
  }
}

/** The origin of an http(s) URL without path, query or fragment (`https://x.org/` → `https://x.org`). */
export function publicOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    const bare = ['', '/'].includes(url.pathname) && url.search === '' && url.hash === '';
    const http = url.protocol === 'https:' || url.protocol === 'http:';
    return bare && http && url.username === '' && url.password === '' ? url.origin : null;
  } catch {
    return null;
  }
}

/** `steady@x.org` or `Steady <steady@x.org>`: one address, no line breaks. */
const MAIL_FROM = /^(?:[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/;

/**
 * The push services of the major browsers (Chrome/Edge/Opera: FCM; Firefox: Mozilla autopush;
 * Edge on Windows: WNS; Safari: Apple). A device's endpoint must be on one of these (or on a
 * host set in STEADY_PUSH_HOSTS): the server posts to it, so an arbitrary URL would let a
 * signed-in user make the server call any address. `*.` matches any subdomain.
 */
export const DEFAULT_PUSH_HOSTS = [
  'fcm.googleapis.com',
  'updates.push.services.mozilla.com',
  '*.notify.windows.com',
  '*.push.apple.com',
] as const;

/** Every environment variable Steady reads. The README's configuration table mirrors this list. */
const envSchema = z.object({
  PORT: wholeNumber(0, 65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  STEADY_DATA_DIR: z.string().min(1).default('./data'),
  // Backups of the embedded database (docs/backup.md); 0 turns the daily backup off.
  STEADY_BACKUP_DIR: z.string().min(1).optional(),
  STEADY_BACKUP_KEEP: wholeNumber(0, 365).default(7),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STEADY_WEB_DIR: z.string().min(1).optional(),
  STEADY_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  STEADY_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  STEADY_SESSION_HOURS: wholeNumber(1, 24 * 365).default(24 * 14),
  STEADY_SESSION_IDLE_MINUTES: wholeNumber(1, 24 * 60 * 365).default(30),
  STEADY_PATIENT_IDLE_MINUTES: wholeNumber(1, 24 * 60 * 365).default(3 * 24 * 60),
  STEADY_BODY_LIMIT_BYTES: wholeNumber(1024, 50 * 1024 * 1024).default(1024 * 1024),
  STEADY_LOGIN_MAX_FAILURES: wholeNumber(1, 1000).default(5),
  STEADY_LOGIN_WINDOW_MINUTES: wholeNumber(1, 24 * 60).default(15),
  STEADY_DELETION_GRACE_DAYS: wholeNumber(1, 365).default(30),
  // A second factor for clinicians and administrators (docs/authentication.md).
  STEADY_REQUIRE_MFA: z.enum(['on', 'off']).default('on'),
  // Invitation email (SMTP needs the other two). Messages never repeat a value: it may hold a password.
  STEADY_SMTP_URL: z
    .string()
    .refine(
      (v) => parseSmtpUrl(v) !== null,
      'must be smtp://[user:password@]host[:port] or smtps://…',
    )
    .optional(),
  STEADY_MAIL_FROM: z
    .string()
    .regex(MAIL_FROM, 'must be an address, e.g. Steady <steady@clinic.example.org>')
    .optional(),
  // Reminders (docs/reminders.md): the scheduler, how often it plans, and Web Push.
  STEADY_SCHEDULER: z.enum(['on', 'off']).default('on'),
  STEADY_REMINDER_PLAN_SECONDS: wholeNumber(1, 300).default(30),
  STEADY_PUSH_HOSTS: z
    .string()
    .regex(/^[a-z0-9.*:-]+(,[a-z0-9.*:-]+)*$/i, 'must be host names separated by commas')
    .default(DEFAULT_PUSH_HOSTS.join(',')),
  STEADY_VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, 'must be a mailto: or https: URL')
    .optional(),
  STEADY_PUBLIC_URL: z
    .string()
    .refine(
      (v) => publicOrigin(v) !== null,
      'must be an http(s) origin, e.g. https://steady.example.org',
    )
    .optional(),
});

/** Both required once SMTP is configured; a sender without SMTP is a typo to point out. */
const mailSettings = envSchema.superRefine((e, check) => {
  const smtp = e.STEADY_SMTP_URL !== undefined;
  if (smtp && e.STEADY_MAIL_FROM === undefined)
    check.addIssue({
      code: 'custom',
      path: ['STEADY_MAIL_FROM'],
      message: 'required when STEADY_SMTP_URL is set',
    });
  if (smtp && e.STEADY_PUBLIC_URL === undefined)
    check.addIssue({
      code: 'custom',
      path: ['STEADY_PUBLIC_URL'],
      message: 'required when STEADY_SMTP_URL is set (links in emails start with it)',
    });
  if (!smtp && e.STEADY_MAIL_FROM !== undefined)
    check.addIssue({
      code: 'custom',
      path: ['STEADY_SMTP_URL'],
      message: 'required when STEADY_MAIL_FROM is set',
    });
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute directory of the embedded database and the instance lock. */
  readonly dataDir: string;
  /** PostgreSQL connection string; when absent the embedded database (PGlite) is used. */
  readonly databaseUrl: string | null;
  /** Where backups of the embedded database go (default: `<data dir>/backups`). */
  readonly backupDir: string;
  /** Daily automatic backups to keep (embedded database only); 0: no automatic backups. */
  readonly backupKeep: number;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Built web app to serve, or null to serve the API only. */
  readonly webDir: string | null;
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  readonly sessionHours: number;
  /** Inactivity that ends a clinician's or administrator's session. */
  readonly sessionIdleMinutes: number;
  /** Inactivity that ends a patient's or caregiver's session. */
  readonly patientSessionIdleMinutes: number;
  readonly bodyLimitBytes: number;
  readonly loginMaxFailures: number;
  readonly loginWindowMinutes: number;
  /** Days between a patient's request to delete their account and the deletion (cancellable). */
  readonly deletionGraceDays: number;
  /** Clinicians and clinic administrators must give a second factor (passkey or TOTP). */
  readonly requireMfa: boolean;
  /** Origin of the web app as people reach it (links in emails), or null when not set. */
  readonly publicUrl: string | null;
  /** Invitation email; null when SMTP is not configured (the UI then shows the link to copy). */
  readonly mail: MailConfig | null;
  /** Run the reminder scheduler in this process (`serve` only; tests build apps without it). */
  readonly scheduler: boolean;
  /** Seconds between two planning passes of the reminder scheduler (cluster-wide). */
  readonly reminderPlanSeconds: number;
  /** Hosts push endpoints may be on (`*.` prefix: any subdomain). */
  readonly pushHosts: readonly string[];
  /** The VAPID contact (RFC 8292 `sub`): a mailto: or https: URL. */
  readonly vapidSubject: string;
}

export interface MailConfig {
  readonly smtp: SmtpSettings;
  /** The From header, e.g. `Steady <steady@clinic.example.org>`. */
  readonly from: string;
  /** The origin links in emails start with. */
  readonly publicUrl: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The web build next to this package (works from src/ and dist/). */
export function defaultWebDir(): string {
  return path.resolve(import.meta.dirname, '../../web/dist');
}

/**
 * Parse the configuration once from the environment. Throws ConfigError naming every bad variable.
 *
 * @example
 * loadConfig({ PORT: '8080' }).port // → 8080
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // An empty variable (`PORT=` in a .env or compose file) means "unset", never 0 or "".
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = mailSettings.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const smtp = e.STEADY_SMTP_URL === undefined ? null : parseSmtpUrl(e.STEADY_SMTP_URL);
  const publicUrl = e.STEADY_PUBLIC_URL === undefined ? null : publicOrigin(e.STEADY_PUBLIC_URL);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.STEADY_DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    backupDir: path.resolve(e.STEADY_BACKUP_DIR ?? path.join(e.STEADY_DATA_DIR, 'backups')),
    backupKeep: e.STEADY_BACKUP_KEEP,
    logLevel: e.LOG_LEVEL,
    webDir: e.STEADY_WEB_DIR === undefined ? defaultWebDir() : path.resolve(e.STEADY_WEB_DIR),
    secureCookies: e.STEADY_SECURE_COOKIES === 'true',
    trustProxy: e.STEADY_TRUST_PROXY === 'true',
    sessionHours: e.STEADY_SESSION_HOURS,
    sessionIdleMinutes: e.STEADY_SESSION_IDLE_MINUTES,
    patientSessionIdleMinutes: e.STEADY_PATIENT_IDLE_MINUTES,
    bodyLimitBytes: e.STEADY_BODY_LIMIT_BYTES,
    loginMaxFailures: e.STEADY_LOGIN_MAX_FAILURES,
    loginWindowMinutes: e.STEADY_LOGIN_WINDOW_MINUTES,
    deletionGraceDays: e.STEADY_DELETION_GRACE_DAYS,
    requireMfa: e.STEADY_REQUIRE_MFA === 'on',
    publicUrl,
    mail:
      smtp === null || publicUrl === null || e.STEADY_MAIL_FROM === undefined
        ? null
        : { smtp, from: e.STEADY_MAIL_FROM, publicUrl },
    scheduler: e.STEADY_SCHEDULER === 'on',
    reminderPlanSeconds: e.STEADY_REMINDER_PLAN_SECONDS,
    pushHosts: e.STEADY_PUSH_HOSTS.split(',').map((h) => h.toLowerCase()),
    vapidSubject:
      e.STEADY_VAPID_SUBJECT ??
      (publicUrl?.startsWith('https://') ? publicUrl : 'mailto:steady@localhost'),
  };
}
