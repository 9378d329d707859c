/**
 * The iCalendar feed, read back with ical.js as a calendar app would: dose times following
 * regimen versions (a taper step included) at the right instants across the US daylight-saving
 * change, questionnaires and withdrawal check-ins when due, check-ups, each with a reminder;
 * a secret URL whose token is stored only as a hash, revoked or rotated at once.
 */
import { randomUUID } from 'node:crypto';
import type { TaperPlan } from '@steady/core';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, expect, it } from 'vitest';
import { sha256 } from '../auth/sessions.js';
import { auditLog, calendarFeeds, questionnaireAssignments, taperVersions } from '../db/schema.js';
import { addClinician, createClinicFixture, link } from '../testing/careteam.js';
import { regimenBody, registerPatient, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

const ZONE = 'America/New_York';

interface ParsedEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  location: string | null;
  alarms: number;
}

function parseFeed(text: string): ParsedEvent[] {
  // ical.js types parse() as `any`: one calendar is one jCal array.
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Steady');
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      location: event.location === '' ? null : event.location,
      alarms: vevent.getAllSubcomponents('valarm').length,
    };
  });
}

describeOnDatabases('calendar feed', (harness) => {
  let h: Harness;
  let p: Client;
  let doctor: Client;
  let base: string;
  let feedUrl: string;

  const fetchFeed = (url: string) => h.app.inject({ method: 'GET', url: new URL(url).pathname });
  const create = async () => {
    const res = await p.post(`${base}/calendar-feed`);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ feed: { id: string }; url: string; webcalUrl: string }>();
  };

  beforeAll(async () => {
    h = harness();
    h.clock.set('2026-03-02T12:00:00.000Z'); // a Monday; DST starts in New York on 8 March
    p = await registerPatient(h.app, { timeZone: ZONE });
    base = `/api/patients/${p.userId}`;
    const twice = [
      { time: '08:00', amountMg: 5 },
      { time: '20:00', amountMg: 5 },
    ];
    expect(
      (await p.post(`${base}/regimen`, regimenBody('2026-03-01', { doses: twice }))).statusCode,
    ).toBe(201);
    // The next taper step, recorded ahead as a regimen version: one dose a day from 16 March.
    const step = regimenBody('2026-03-16', {
      doses: [{ time: '08:00', amountMg: 5 }],
      reason: 'Taper step 1',
    });
    expect((await p.post(`${base}/regimen`, step)).statusCode).toBe(201);
    const clinic = await createClinicFixture(h, 'Calendar clinic');
    doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Calendar');
    await link(p, doctor);
    const booked = await p.post(`${base}/appointments`, {
      memberId: doctor.userId,
      startsAt: '2026-03-12T14:00:00.000Z',
      durationMinutes: 45,
      mode: 'in_person',
      location: 'Riverside, room 4',
      note: null,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const now = h.clock.now();
    await h.database.db.insert(questionnaireAssignments).values({
      id: randomUUID(),
      patientId: p.userId,
      instrumentId: 'gad7',
      cadenceDays: 7,
      startDate: '2026-03-02',
      note: null,
      assignedBy: doctor.userId,
      assignedAt: now,
    });
    const plan = {
      steps: [
        { index: 0, startDate: '2026-03-02', endDate: '2026-03-15' },
        { index: 1, startDate: '2026-03-16', endDate: null },
      ],
    } as unknown as TaperPlan;
    await h.database.db.insert(taperVersions).values({
      id: randomUUID(),
      taperId: randomUUID(),
      patientId: p.userId,
      version: 1,
      action: 'created',
      reason: 'Planned with the patient',
      effectiveDate: '2026-03-02',
      plan,
      checkInDays: [2, 5],
      followUpMonths: 3,
      followUpIntervalDays: 14,
      signedBy: doctor.userId,
      signatureMethod: 'password',
      signedAt: now,
    });
    feedUrl = (await create()).url;
  });

  it('shows the feed created, never its secret, which is stored only as a hash', async () => {
    const res = await p.get(`${base}/calendar-feed`);
    expect(res.statusCode).toBe(200);
    const { feed, weeks } = res.json<{
      feed: { id: string; lastFetchedAt: null };
      weeks: number;
    }>();
    expect(weeks).toBe(6);
    expect(feed.lastFetchedAt).toBeNull();
    const token = /\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(feedUrl)?.[1] ?? '';
    expect(token).not.toBe('');
    expect(res.body).not.toContain(token);
    const [row] = await h.database.db
      .select()
      .from(calendarFeeds)
      .where(eq(calendarFeeds.id, feed.id));
    expect(row?.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('serves a valid iCalendar feed with a reminder on every event', async () => {
    const res = await fetchFeed(feedUrl);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const events = parseFeed(res.body);
    expect(events.length).toBeGreaterThan(50);
    for (const e of events) expect(e.alarms, e.summary).toBeGreaterThanOrEqual(1);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('places dose times right across the daylight-saving change and follows the taper step', async () => {
    const doses = parseFeed((await fetchFeed(feedUrl)).body).filter((e) =>
      e.uid.startsWith('dose-'),
    );
    const at = (iso: string) => doses.filter((e) => e.start === iso).map((e) => e.summary);
    // 08:00 in New York: EST (UTC−5) before 8 March, EDT (UTC−4) from it.
    expect(at('2026-03-07T13:00:00.000Z')).toEqual(['Dose: 5 mg']);
    expect(at('2026-03-08T12:00:00.000Z')).toEqual(['Dose: 5 mg']);
    expect(at('2026-03-09T12:00:00.000Z')).toEqual(['Dose: 5 mg']);
    expect(at('2026-03-07T12:00:00.000Z')).toEqual([]);
    // 20:00: 01:00 UTC the next day before, 00:00 UTC after.
    expect(at('2026-03-08T01:00:00.000Z')).toEqual(['Dose: 5 mg']);
    expect(at('2026-03-09T00:00:00.000Z')).toEqual(['Dose: 5 mg']);
    // Two doses a day until the step on 16 March, one after: 14 × 2 + 28 × 1 over six weeks.
    expect(doses).toHaveLength(56);
    expect(at('2026-03-17T00:00:00.000Z')).toEqual([]);
    expect(at('2026-03-16T12:00:00.000Z')).toEqual(['Dose: 5 mg']);
    const first = doses[0];
    expect(first && Date.parse(first.end) - Date.parse(first.start)).toBe(5 * 60_000);
  });

  it('lists questionnaires due, withdrawal check-ins and check-ups', async () => {
    const events = parseFeed((await fetchFeed(feedUrl)).body);
    const titled = (prefix: string) => events.filter((e) => e.summary.startsWith(prefix));
    // GAD-7 weekly from today (due now, not yet answered), at 09:00 New York time.
    expect(
      titled('Questionnaire due')
        .map((e) => e.start)
        .slice(0, 3),
    ).toEqual(['2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z', '2026-03-16T13:00:00.000Z']);
    expect(titled('Questionnaire due')).toHaveLength(6);
    // Two and five days after each step: 4, 7 March and 18, 21 March.
    expect(titled('Withdrawal check-in').map((e) => e.start)).toEqual([
      '2026-03-04T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-18T13:00:00.000Z',
      '2026-03-21T13:00:00.000Z',
    ]);
    const [checkup] = titled('Check-up');
    expect(checkup).toMatchObject({
      summary: 'Check-up with Dr. Calendar',
      start: '2026-03-12T14:00:00.000Z',
      end: '2026-03-12T14:45:00.000Z',
      location: 'Riverside, room 4',
      alarms: 2,
    });
  });

  it('records each fetch on the feed and in the audit log', async () => {
    const { feed } = (await p.get(`${base}/calendar-feed`)).json<{
      feed: { id: string; lastFetchedAt: string };
    }>();
    expect(feed.lastFetchedAt).toBe(h.clock.now().toISOString());
    const fetches = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, p.userId), eq(auditLog.action, 'calendar.fetch')));
    expect(fetches).toHaveLength(3); // one per test above
    expect(fetches.every((f) => f.actorId === null && f.entityId === feed.id)).toBe(true);
  });

  it('answers 404 to unknown, malformed, rotated and revoked tokens', async () => {
    for (const path of [
      `/calendar/${'A'.repeat(43)}.ics`,
      '/calendar/short.ics',
      `/calendar/${'A'.repeat(42)}%2F.ics`,
    ]) {
      const res = await h.app.inject({ method: 'GET', url: path });
      expect(res.statusCode, path).toBe(404);
    }
    const rotated = await create();
    expect(rotated.webcalUrl).toBe(rotated.url.replace(/^http:/, 'webcal:'));
    expect((await fetchFeed(feedUrl)).statusCode).toBe(404);
    expect((await fetchFeed(rotated.url)).statusCode).toBe(200);
    expect((await p.delete(`${base}/calendar-feed`)).statusCode).toBe(204);
    expect((await fetchFeed(rotated.url)).statusCode).toBe(404);
    expect((await p.get(`${base}/calendar-feed`)).json<{ feed: null }>().feed).toBeNull();
    const actions = await h.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.patientId, p.userId));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['calendar.create', 'calendar.rotate', 'calendar.revoke']),
    );
  });

  it('lets only the patient manage the feed', async () => {
    expect((await doctor.post(`${base}/calendar-feed`)).statusCode).toBe(404);
    expect((await doctor.get(`${base}/calendar-feed`)).statusCode).toBe(404);
    expect((await doctor.delete(`${base}/calendar-feed`)).statusCode).toBe(404);
  });
});
