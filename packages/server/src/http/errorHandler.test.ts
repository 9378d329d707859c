import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { installErrorHandler } from './errorHandler.js';
import { AppError, ERROR_STATUS } from './errors.js';
import { isIanaTimeZone } from './types.js';

describe('error handler', () => {
  let app: FastifyInstance;
  const logged: unknown[] = [];
  beforeEach(async () => {
    logged.length = 0;
    app = Fastify({
      logger: {
        level: 'error',
        stream: {
          write: (line: string) => {
            logged.push(JSON.parse(line));
          },
        },
      },
    });
    installErrorHandler(app);
    app.get('/boom', () => {
      throw new Error('connection to db-internal.example:5432 failed for patient Jane Doe');
    });
    app.get('/rejected', () => Promise.reject(new TypeError('x is undefined')));
    app.get('/thrown-string', () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- third-party code may
      throw 'a bare string';
    });
    app.get('/app-error', () => {
      throw new AppError('STEADY_ERR_ALREADY_LOGGED', { existing: { id: 'e1' } });
    });
    app.get('/teapot', () => {
      // As plugins throw them: an Error with a statusCode.
      throw Object.assign(new Error('short and stout'), { statusCode: 418 });
    });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
  });

  it.each([['/boom'], ['/rejected'], ['/thrown-string']])(
    'answers an unexpected failure at %s with a generic 500 that leaks nothing',
    async (url) => {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({
        error: { code: 'STEADY_ERR_INTERNAL', message: en.STEADY_ERR_INTERNAL },
      });
      expect(res.body).not.toMatch(/db-internal|Jane|undefined|bare string|stack/);
      // The cause is logged for the operator.
      expect(logged.length).toBeGreaterThan(0);
    },
  );

  it('maps an AppError to its status, message and details', async () => {
    const res = await app.inject({ method: 'GET', url: '/app-error' });
    expect(res.statusCode).toBe(ERROR_STATUS.STEADY_ERR_ALREADY_LOGGED);
    expect(res.json()).toEqual({
      error: {
        code: 'STEADY_ERR_ALREADY_LOGGED',
        message: en.STEADY_ERR_ALREADY_LOGGED,
        details: { existing: { id: 'e1' } },
      },
    });
    expect(logged).toEqual([]);
  });

  it('turns another 4xx into a generic bad request without its internal message', async () => {
    const res = await app.inject({ method: 'GET', url: '/teapot' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'STEADY_ERR_BAD_REQUEST', message: en.STEADY_ERR_BAD_REQUEST },
    });
    expect(res.body).not.toContain('stout');
  });

  it('falls back to English for languages it has no catalog for', async () => {
    for (const lang of ['fr-FR,fr;q=0.9', 'xx', '', '*']) {
      const res = await app.inject({
        method: 'GET',
        url: '/app-error',
        headers: { 'accept-language': lang },
      });
      expect(res.json<{ error: { message: string } }>().error.message).toBe(
        en.STEADY_ERR_ALREADY_LOGGED,
      );
    }
  });
});

describe('ERROR_STATUS', () => {
  it('gives every error code a status and an English message', () => {
    for (const code of Object.keys(en) as (keyof typeof en)[]) {
      expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(en[code].length).toBeGreaterThan(0);
    }
    expect(Object.keys(ERROR_STATUS).sort()).toEqual(Object.keys(en).sort());
  });
});

describe('isIanaTimeZone', () => {
  it.each([['Europe/Paris'], ['America/New_York'], ['UTC'], ['Etc/GMT+5'], ['Asia/Kolkata']])(
    'accepts %s',
    (zone) => {
      expect(isIanaTimeZone(zone)).toBe(true);
    },
  );

  it.each([['UTC+25'], ['UTC+2'], ['+01:00'], ['-05:00'], ['Mars/Olympus'], [''], ['local']])(
    'refuses %j (unknown, or a fixed offset that follows no daylight-saving rules)',
    (zone) => {
      expect(isIanaTimeZone(zone)).toBe(false);
    },
  );
});
