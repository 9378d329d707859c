import { describe, expect, test } from 'vitest';
import {
  base64UrlToBytes,
  bytesToBase64Url,
  deviceLabel,
  lastErrorKind,
  sameKey,
  supportOf,
  type BrowserFacts,
} from './device';

const capable: BrowserFacts = {
  secureContext: true,
  serviceWorker: true,
  pushManager: true,
  notification: true,
  permission: 'default',
};

describe('supportOf', () => {
  test('a capable browser, asked or not yet asked', () => {
    expect(supportOf(capable)).toEqual({ ok: true, permission: 'default' });
    expect(supportOf({ ...capable, permission: 'granted' })).toEqual({
      ok: true,
      permission: 'granted',
    });
  });

  test('says why not, first reason first', () => {
    expect(supportOf({ ...capable, secureContext: false, serviceWorker: false })).toEqual({
      ok: false,
      reason: 'insecure',
    });
    expect(supportOf({ ...capable, serviceWorker: false })).toEqual({
      ok: false,
      reason: 'no-service-worker',
    });
    expect(supportOf({ ...capable, pushManager: false })).toEqual({ ok: false, reason: 'no-push' });
    expect(supportOf({ ...capable, notification: false, permission: null })).toEqual({
      ok: false,
      reason: 'no-push',
    });
    expect(supportOf({ ...capable, permission: 'denied' })).toEqual({
      ok: false,
      reason: 'blocked',
    });
  });
});

describe('deviceLabel', () => {
  test.each([
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
      'Chrome on Android',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari on iPhone',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
      'Edge on Windows',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0',
      'Firefox on Mac',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
      'Samsung Internet on Android',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36',
      'Chrome on Linux',
    ],
    ['curl/8.5', 'This browser'],
  ])('%s → %s', (ua, label) => {
    expect(deviceLabel(ua)).toBe(label);
  });
});

describe('keys', () => {
  test('base64url both ways, without padding', () => {
    const bytes = base64UrlToBytes('BPx-_w');
    expect([...bytes]).toEqual([0x04, 0xfc, 0x7e, 0xff]);
    expect(bytesToBase64Url(bytes.buffer)).toBe('BPx-_w');
    expect(bytesToBase64Url(null)).toBe('');
  });

  test('a subscription made with another key is not the same', () => {
    const key = 'BPx-_w';
    expect(sameKey(base64UrlToBytes(key).buffer, key)).toBe(true);
    expect(sameKey(base64UrlToBytes('AAAA').buffer, key)).toBe(false);
    expect(sameKey(null, key)).toBe(true);
  });
});

describe('lastErrorKind', () => {
  test('an ended subscription, in plain words; anything else is generic', () => {
    expect(lastErrorKind('410 Gone')).toBe('gone');
    expect(lastErrorKind('Received unexpected response code: 404')).toBe('gone');
    expect(lastErrorKind('push subscription has unsubscribed or expired.')).toBe('gone');
    expect(lastErrorKind('500 Internal Server Error')).toBe('other');
    expect(lastErrorKind('timeout')).toBe('other');
  });
});
