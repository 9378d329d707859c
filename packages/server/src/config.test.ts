import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PUSH_HOSTS, defaultWebDir, loadConfig } from './config.js';

const errorOf = (env: Record<string, string>): ConfigError => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
};

describe('loadConfig', () => {
  it('has a safe default for everything', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: 'localhost',
      dataDir: path.resolve('./data'),
      databaseUrl: null,
      logLevel: 'info',
      webDir: defaultWebDir(),
      secureCookies: false,
      trustProxy: false,
      sessionHours: 336,
      sessionIdleMinutes: 30,
      patientSessionIdleMinutes: 4320,
      bodyLimitBytes: 1024 * 1024,
      loginMaxFailures: 5,
      loginWindowMinutes: 15,
      deletionGraceDays: 30,
      requireMfa: true,
      publicUrl: null,
      mail: null,
      scheduler: true,
      reminderPlanSeconds: 30,
      pushHosts: [...DEFAULT_PUSH_HOSTS],
      vapidSubject: 'mailto:steady@localhost',
      backupDir: path.resolve('./data/backups'),
      backupKeep: 7,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      STEADY_DATA_DIR: 'relative/dir',
      DATABASE_URL: 'postgresql://steady@db:5432/steady',
      LOG_LEVEL: 'warn',
      STEADY_WEB_DIR: '/srv/web',
      STEADY_SECURE_COOKIES: 'true',
      STEADY_TRUST_PROXY: 'true',
      STEADY_SESSION_HOURS: '12',
      STEADY_SESSION_IDLE_MINUTES: '15',
      STEADY_PATIENT_IDLE_MINUTES: '600',
      STEADY_BODY_LIMIT_BYTES: '4096',
      STEADY_LOGIN_MAX_FAILURES: '10',
      STEADY_LOGIN_WINDOW_MINUTES: '30',
      STEADY_DELETION_GRACE_DAYS: '7',
      STEADY_REQUIRE_MFA: 'off',
      STEADY_SMTP_URL: 'smtp://mailer%40clinic:p%40ss%3Aword@mail.example.org:2525',
      STEADY_MAIL_FROM: 'Steady <steady@clinic.example.org>',
      STEADY_PUBLIC_URL: 'https://steady.example.org/',
      STEADY_SCHEDULER: 'off',
      STEADY_REMINDER_PLAN_SECONDS: '5',
      STEADY_PUSH_HOSTS: 'fcm.googleapis.com,*.Push.Example.org',
      STEADY_VAPID_SUBJECT: 'mailto:ops@clinic.example.org',
      STEADY_BACKUP_DIR: 'elsewhere/backups',
      STEADY_BACKUP_KEEP: '3',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.resolve('relative/dir'),
      databaseUrl: 'postgresql://steady@db:5432/steady',
      logLevel: 'warn',
      webDir: '/srv/web',
      secureCookies: true,
      trustProxy: true,
      sessionHours: 12,
      sessionIdleMinutes: 15,
      patientSessionIdleMinutes: 600,
      bodyLimitBytes: 4096,
      loginMaxFailures: 10,
      loginWindowMinutes: 30,
      deletionGraceDays: 7,
      requireMfa: false,
      publicUrl: 'https://steady.example.org',
      mail: {
        smtp: {
          host: 'mail.example.org',
          port: 2525,
          secure: false,
          user: 'mailer@clinic',
          password: 'p@ss:word',
        },
        from: 'Steady <steady@clinic.example.org>',
        publicUrl: 'https://steady.example.org',
      },
      scheduler: false,
      reminderPlanSeconds: 5,
      pushHosts: ['fcm.googleapis.com', '*.push.example.org'],
      vapidSubject: 'mailto:ops@clinic.example.org',
      backupDir: path.resolve('elsewhere/backups'),
      backupKeep: 3,
    });
  });

  it('uses the public https origin as the VAPID contact when none is set', () => {
    expect(loadConfig({ STEADY_PUBLIC_URL: 'https://steady.example.org' }).vapidSubject).toBe(
      'https://steady.example.org',
    );
    expect(loadConfig({ STEADY_PUBLIC_URL: 'http://10.0.0.5:3000' }).vapidSubject).toBe(
      'mailto:steady@localhost',
    );
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root' }).port).toBe(3000);
  });

  it('treats an empty variable as unset (not as port 0, which would pick a random port)', () => {
    const config = loadConfig({ PORT: '', HOST: '', DATABASE_URL: '', STEADY_SESSION_HOURS: '' });
    expect(config).toMatchObject({
      port: 3000,
      host: 'localhost',
      databaseUrl: null,
      sessionHours: 336,
    });
  });

  it('accepts port 0 (any free port)', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it.each([['abc'], ['-1'], ['65536'], ['80.5'], [' '], ['0x50']])(
    'refuses PORT=%j with an error naming the variable',
    (port) => {
      const error = errorOf({ PORT: port });
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.name).toBe('ConfigError');
      expect(error.message).toMatch(/^Invalid configuration:\n {2}PORT: /);
    },
  );

  it.each([
    ['DATABASE_URL', 'mysql://localhost/steady'],
    ['LOG_LEVEL', 'verbose'],
    ['STEADY_SECURE_COOKIES', 'yes'],
    ['STEADY_TRUST_PROXY', '1'],
    ['STEADY_SESSION_HOURS', '0'],
    ['STEADY_SESSION_IDLE_MINUTES', '0'],
    ['STEADY_PATIENT_IDLE_MINUTES', '2h'],
    ['STEADY_BODY_LIMIT_BYTES', '100'],
    ['STEADY_BODY_LIMIT_BYTES', String(51 * 1024 * 1024)],
    ['STEADY_LOGIN_MAX_FAILURES', '0'],
    ['STEADY_LOGIN_WINDOW_MINUTES', 'soon'],
    ['STEADY_SCHEDULER', 'yes'],
    ['STEADY_REMINDER_PLAN_SECONDS', '0'],
    ['STEADY_PUSH_HOSTS', 'https://fcm.googleapis.com/'],
    ['STEADY_VAPID_SUBJECT', 'http://steady.example.org'],
  ])('refuses %s=%j', (name, value) => {
    expect(errorOf({ [name]: value }).message).toContain(`  ${name}: `);
  });

  it('names every bad variable at once', () => {
    const message = errorOf({ PORT: 'x', LOG_LEVEL: 'loud', STEADY_SESSION_HOURS: '-5' }).message;
    expect(
      message
        .split('\n')
        .slice(1)
        .map((l) => l.trim().split(':')[0]),
    ).toEqual(['PORT', 'LOG_LEVEL', 'STEADY_SESSION_HOURS']);
  });

  it('does not echo the value of a bad DATABASE_URL (it may hold a password)', () => {
    const message = errorOf({ DATABASE_URL: 'mysql://user:hunter2@db/steady' }).message;
    expect(message).not.toContain('hunter2');
  });

  describe('invitation email (SMTP)', () => {
    const mail = {
      STEADY_SMTP_URL: 'smtps://mail.example.org',
      STEADY_MAIL_FROM: 'steady@clinic.example.org',
      STEADY_PUBLIC_URL: 'http://192.168.1.20:3000',
    };

    it('reads smtps:// without credentials or port', () => {
      expect(loadConfig(mail).mail).toEqual({
        smtp: { host: 'mail.example.org', port: null, secure: true, user: null, password: null },
        from: 'steady@clinic.example.org',
        publicUrl: 'http://192.168.1.20:3000',
      });
    });

    it('keeps the public URL without SMTP (mail stays off)', () => {
      const config = loadConfig({ STEADY_PUBLIC_URL: 'https://steady.example.org' });
      expect([config.publicUrl, config.mail]).toEqual(['https://steady.example.org', null]);
    });

    it.each([
      ['STEADY_MAIL_FROM', { STEADY_MAIL_FROM: '' }],
      ['STEADY_PUBLIC_URL', { STEADY_PUBLIC_URL: '' }],
    ])('needs %s once STEADY_SMTP_URL is set', (name, unset) => {
      const message = errorOf({ ...mail, ...unset }).message;
      expect(message).toContain(`  ${name}: required when STEADY_SMTP_URL is set`);
    });

    it('points out a sender without an SMTP server (a misspelt variable)', () => {
      const message = errorOf({ STEADY_MAIL_FROM: 'steady@clinic.example.org' }).message;
      expect(message).toContain('  STEADY_SMTP_URL: required when STEADY_MAIL_FROM is set');
    });

    it.each([
      ['STEADY_SMTP_URL', 'http://mail.example.org'],
      ['STEADY_SMTP_URL', 'smtp://'],
      ['STEADY_SMTP_URL', 'smtp://mail.example.org/inbox'],
      ['STEADY_SMTP_URL', 'mail.example.org:587'],
      ['STEADY_MAIL_FROM', 'Steady'],
      ['STEADY_MAIL_FROM', 'a@b.org\r\nBcc: c@d.org'],
      ['STEADY_PUBLIC_URL', 'steady.example.org'],
      ['STEADY_PUBLIC_URL', 'https://steady.example.org/app'],
      ['STEADY_PUBLIC_URL', 'ftp://steady.example.org'],
    ])('refuses %s=%j', (name, value) => {
      expect(errorOf({ ...mail, [name]: value }).message).toContain(`  ${name}: `);
    });

    it('never repeats the SMTP password in an error', () => {
      const message = errorOf({
        STEADY_SMTP_URL: 'smtp://user:hunter2@mail.example.org/x',
      }).message;
      expect(message).toContain('STEADY_SMTP_URL');
      expect(message).not.toContain('hunter2');
    });
  });
});
