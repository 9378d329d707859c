import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultWebDir, loadConfig } from './config.js';

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
      bodyLimitBytes: 1024 * 1024,
      loginMaxFailures: 5,
      loginWindowMinutes: 15,
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
      STEADY_BODY_LIMIT_BYTES: '4096',
      STEADY_LOGIN_MAX_FAILURES: '10',
      STEADY_LOGIN_WINDOW_MINUTES: '30',
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
      bodyLimitBytes: 4096,
      loginMaxFailures: 10,
      loginWindowMinutes: 30,
    });
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
    ['STEADY_BODY_LIMIT_BYTES', '100'],
    ['STEADY_BODY_LIMIT_BYTES', String(51 * 1024 * 1024)],
    ['STEADY_LOGIN_MAX_FAILURES', '0'],
    ['STEADY_LOGIN_WINDOW_MINUTES', 'soon'],
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
});
