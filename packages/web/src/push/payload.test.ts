import { describe, expect, test } from 'vitest';
import enPush from '../i18n/en-push.json';
import {
  confirmation,
  DEFAULT_URL,
  notificationOptions,
  parsePushPayload,
  queues,
  safePath,
  takenOutcome,
  takenRequest,
  tapUrl,
  windowToFocus,
  type PushPayload,
} from './payload';

const PATIENT = '7d9f4c1e-2b3a-4c5d-8e9f-0a1b2c3d4e5f';

function dosePayload(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    v: 1,
    notificationId: 'n-1',
    kind: 'dose',
    title: 'Time for your 08:00 dose',
    body: 'Tap Taken when you have had it.',
    tag: 'slot:2026-03-10T08:00',
    url: '/notifications',
    patientId: PATIENT,
    slotKey: '2026-03-10T08:00',
    actions: [{ action: 'taken', title: 'Taken' }],
    ...over,
  };
}

function parsed(over: Record<string, unknown> = {}): PushPayload {
  const p = parsePushPayload(JSON.stringify(dosePayload(over)));
  if (p === null) throw new Error('expected a payload');
  return p;
}

describe('parsePushPayload', () => {
  test('reads the contract payload from the message text', () => {
    expect(parsePushPayload(JSON.stringify(dosePayload()))).toEqual(dosePayload());
  });

  test('accepts an already parsed value (notification data)', () => {
    expect(parsePushPayload(dosePayload())).toEqual(dosePayload());
  });

  test.each([
    ['not JSON', '{oops'],
    ['empty', ''],
    ['null', null],
    ['a number', 42],
    ['another version', JSON.stringify(dosePayload({ v: 2 }))],
    ['an unknown kind', JSON.stringify(dosePayload({ kind: 'spam' }))],
    ['no title', JSON.stringify(dosePayload({ title: '' }))],
    ['no tag', JSON.stringify(dosePayload({ tag: undefined }))],
    ['no notification id', JSON.stringify(dosePayload({ notificationId: 3 }))],
    ['no patient', JSON.stringify(dosePayload({ patientId: null }))],
    ['a malformed slot key', JSON.stringify(dosePayload({ slotKey: '2026-03-10 08:00' }))],
    ['a huge title', JSON.stringify(dosePayload({ title: 'x'.repeat(501) }))],
  ])('ignores %s', (_, data) => {
    expect(parsePushPayload(data)).toBeNull();
  });

  test('keeps only the "taken" action, and only on dose and again reminders with a slot', () => {
    expect(
      parsed({ actions: [{ action: 'delete-everything', title: 'x' }, { action: 'taken' }] })
        .actions,
    ).toEqual([]);
    expect(parsed({ kind: 'again' }).actions).toEqual([{ action: 'taken', title: 'Taken' }]);
    expect(parsed({ kind: 'caregiver' }).actions).toEqual([]);
    expect(parsed({ kind: 'test', slotKey: null, tag: 'n-1' }).actions).toEqual([]);
    expect(parsed({ actions: 'taken' }).actions).toEqual([]);
  });

  test('a missing body is an empty one; a missing slot key is null', () => {
    const p = parsed({ kind: 'test', body: undefined, slotKey: undefined, actions: undefined });
    expect(p.body).toBe('');
    expect(p.slotKey).toBeNull();
  });

  test('never points outside the app', () => {
    expect(parsed({ url: 'https://evil.example/' }).url).toBe(DEFAULT_URL);
    expect(parsed({ url: '//evil.example/x' }).url).toBe(DEFAULT_URL);
    expect(parsed({ url: '/\\evil.example' }).url).toBe(DEFAULT_URL);
    expect(parsed({ url: undefined }).url).toBe(DEFAULT_URL);
    expect(parsed({ url: '/today' }).url).toBe('/today');
  });
});

describe('notificationOptions', () => {
  test('title, body, tag, the payload as data, actions and the app icon', () => {
    const p = parsed();
    expect(notificationOptions(p)).toEqual({
      title: 'Time for your 08:00 dose',
      options: {
        body: 'Tap Taken when you have had it.',
        tag: 'slot:2026-03-10T08:00',
        data: p,
        actions: [{ action: 'taken', title: 'Taken' }],
        icon: '/icons/icon-192.png',
        badge: '/icons/icon-192.png',
        renotify: false,
        silent: false,
      },
    });
  });

  test('a repeat reminder replaces the first and alerts again', () => {
    expect(notificationOptions(parsed({ kind: 'again' })).options.renotify).toBe(true);
  });
});

describe('takenRequest', () => {
  test('the dose POST with the idempotency key shared with the notification centre', () => {
    expect(takenRequest(parsed())).toEqual({
      path: `/api/patients/${PATIENT}/doses`,
      body: {
        idempotencyKey: 'reminder-taken:2026-03-10T08:00',
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
      },
    });
  });

  test('the patient id is encoded into the path', () => {
    expect(takenRequest(parsed({ patientId: '../admin' }))?.path).toBe(
      '/api/patients/..%2Fadmin/doses',
    );
  });

  test('none for reminders without "Taken"', () => {
    expect(takenRequest(parsed({ kind: 'caregiver' }))).toBeNull();
    expect(takenRequest(parsed({ actions: [] }))).toBeNull();
  });
});

describe('takenOutcome', () => {
  test.each([
    [201, '', 'logged'],
    [200, '', 'logged'],
    [409, 'STEADY_ERR_ALREADY_LOGGED', 'already'],
    [409, 'STEADY_ERR_IDEMPOTENCY_CONFLICT', 'failed'],
    [0, '', 'offline'],
    [503, 'STEADY_ERR_UNAVAILABLE', 'later'],
    [429, 'STEADY_ERR_RATE_LIMITED', 'later'],
    [408, '', 'later'],
    [401, 'STEADY_ERR_UNAUTHENTICATED', 'signed-out'],
    [403, 'STEADY_ERR_CSRF', 'signed-out'],
    [403, 'STEADY_ERR_FORBIDDEN', 'failed'],
    [404, 'STEADY_ERR_NOT_FOUND', 'failed'],
    [422, 'STEADY_ERR_UNKNOWN_SLOT', 'failed'],
  ] as const)('%i %s → %s', (status, code, outcome) => {
    expect(takenOutcome(status, code)).toBe(outcome);
  });

  test('only no answer and server trouble go to the offline queue', () => {
    expect(queues('offline')).toBe(true);
    expect(queues('later')).toBe(true);
    expect(queues('logged')).toBe(false);
    expect(queues('already')).toBe(false);
    expect(queues('signed-out')).toBe(false);
    expect(queues('failed')).toBe(false);
  });
});

describe('confirmation', () => {
  const texts = enPush.push.worker;

  test('"Logged" replaces the reminder (same tag), quietly, without actions', () => {
    const shown = confirmation(parsed(), 'logged', texts);
    expect(shown).toEqual({
      title: 'Logged',
      options: {
        body: 'Your 08:00 dose is logged as taken.',
        tag: 'slot:2026-03-10T08:00',
        data: { v: 1, kind: 'confirmation', url: '/notifications' },
        actions: [],
        icon: '/icons/icon-192.png',
        badge: '/icons/icon-192.png',
        renotify: false,
        silent: true,
      },
    });
  });

  test('already logged, and kept for later', () => {
    expect(confirmation(parsed(), 'already', texts)?.options.body).toBe(
      'Your 08:00 dose was already logged.',
    );
    expect(confirmation(parsed(), 'offline', texts)?.options.body).toBe(
      'Your 08:00 dose will be logged when you are back online.',
    );
    expect(confirmation(parsed(), 'later', texts)?.title).toBe('Saved on this phone');
  });

  test('nothing when the app must be opened instead', () => {
    expect(confirmation(parsed(), 'signed-out', texts)).toBeNull();
    expect(confirmation(parsed(), 'failed', texts)).toBeNull();
  });

  test('no drug name or amount on the lock screen', () => {
    for (const outcome of ['logged', 'already', 'offline', 'later'] as const) {
      const shown = confirmation(parsed(), outcome, texts);
      expect(`${shown?.title ?? ''} ${shown?.options.body ?? ''}`).not.toMatch(/diazepam|mg/i);
    }
  });

  test('a tap on the confirmation opens the app where the reminder would', () => {
    expect(tapUrl(confirmation(parsed(), 'logged', texts)?.options.data)).toBe('/notifications');
  });
});

describe('tapUrl and safePath', () => {
  test('the data url when it is a path of the app, else the centre', () => {
    expect(tapUrl({ url: '/today' })).toBe('/today');
    expect(tapUrl({ url: 'javascript:alert(1)' })).toBe(DEFAULT_URL);
    expect(tapUrl(null)).toBe(DEFAULT_URL);
    expect(tapUrl('x')).toBe(DEFAULT_URL);
    expect(safePath(42)).toBe(DEFAULT_URL);
  });
});

describe('windowToFocus', () => {
  const origin = 'https://steady.example';

  test('a window already on the path is focused as it is', () => {
    const windows = [{ url: `${origin}/today` }, { url: `${origin}/notifications` }];
    expect(windowToFocus(windows, origin, '/notifications')).toEqual({
      index: 1,
      navigate: false,
    });
  });

  test('else a window of the app is moved there', () => {
    expect(windowToFocus([{ url: `${origin}/today` }], origin, '/notifications')).toEqual({
      index: 0,
      navigate: true,
    });
  });

  test('never a window of another site; none → a new window', () => {
    expect(windowToFocus([{ url: 'https://other.example/notifications' }], origin, '/x')).toBe(
      null,
    );
    expect(windowToFocus([{ url: 'not a url' }], origin, '/x')).toBeNull();
    expect(windowToFocus([], origin, '/x')).toBeNull();
  });
});
