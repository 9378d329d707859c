import { beforeAll, beforeEach, expect, it } from 'vitest';
import { registerPatient, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

/**
 * Paths of validation details without the leading slash: schema errors say `body/copd`,
 * checks in handlers `/body/dateOfBirth` (http/errorHandler.ts vs. the services).
 */
const detailPaths = (details: { path: string }[]) => details.map((d) => d.path.replace(/^\//, ''));

const ALL_NULL = {
  dateOfBirth: null,
  sleepApnea: null,
  myastheniaGravis: null,
  severeRespiratoryInsufficiency: null,
  severeHepaticInsufficiency: null,
  acuteNarrowAngleGlaucoma: null,
  copd: null,
  substanceUseDisorderHistory: null,
  pregnancy: null,
};

const FULL = {
  dateOfBirth: '1961-07-04',
  sleepApnea: true,
  myastheniaGravis: false,
  severeRespiratoryInsufficiency: false,
  severeHepaticInsufficiency: false,
  acuteNarrowAngleGlaucoma: false,
  copd: true,
  substanceUseDisorderHistory: false,
  pregnancy: false,
};

describeOnDatabases('profile', (harness) => {
  let h: Harness;
  beforeAll(() => {
    h = harness();
  });
  beforeEach(() => {
    h.clock.set('2026-03-10T12:00:00.000Z');
  });

  it('answers every fact with null before the patient has answered', async () => {
    const p = await registerPatient(h.app);
    const res = await p.get(`/api/patients/${p.userId}/profile`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ profile: ALL_NULL });
  });

  it('stores a full profile and returns it on later reads', async () => {
    const p = await registerPatient(h.app);
    const url = `/api/patients/${p.userId}/profile`;
    const put = await p.put(url, FULL);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ profile: FULL });
    expect((await p.get(url)).json()).toEqual({ profile: FULL });
  });

  it('replaces the whole profile: keys left out of a PUT become null', async () => {
    const p = await registerPatient(h.app);
    const url = `/api/patients/${p.userId}/profile`;
    await p.put(url, FULL);
    const put = await p.put(url, { sleepApnea: false, pregnancy: true });
    expect(put.statusCode).toBe(200);
    const expected = { ...ALL_NULL, sleepApnea: false, pregnancy: true };
    expect(put.json()).toEqual({ profile: expected });
    expect((await p.get(url)).json()).toEqual({ profile: expected });
  });

  it('accepts an empty body as "nothing answered"', async () => {
    const p = await registerPatient(h.app);
    const url = `/api/patients/${p.userId}/profile`;
    await p.put(url, FULL);
    const put = await p.put(url, {});
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ profile: ALL_NULL });
  });

  it('rejects a date of birth in the future and keeps the stored profile', async () => {
    const p = await registerPatient(h.app);
    const url = `/api/patients/${p.userId}/profile`;
    await p.put(url, FULL);
    const res = await p.put(url, { ...FULL, dateOfBirth: '2026-03-11' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: {
        code: 'STEADY_ERR_VALIDATION',
        details: [{ path: '/body/dateOfBirth', message: 'in the future' }],
      },
    });
    expect((await p.get(url)).json()).toEqual({ profile: FULL });
  });

  it('accepts a date of birth of today', async () => {
    const p = await registerPatient(h.app);
    const res = await p.put(`/api/patients/${p.userId}/profile`, {
      dateOfBirth: '2026-03-10',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ profile: { dateOfBirth: string } }>().profile.dateOfBirth).toBe('2026-03-10');
  });

  it("judges 'in the future' by the patient's local date, not UTC", async () => {
    // 12:00Z on 10 March is already 02:00 on 11 March in Kiritimati (UTC+14).
    const p = await registerPatient(h.app, { timeZone: 'Pacific/Kiritimati' });
    const url = `/api/patients/${p.userId}/profile`;
    expect((await p.put(url, { dateOfBirth: '2026-03-11' })).statusCode).toBe(200);
    expect((await p.put(url, { dateOfBirth: '2026-03-12' })).statusCode).toBe(400);
  });

  it.each([
    ['before 1900', { dateOfBirth: '1899-12-31' }, 'body/dateOfBirth'],
    ['not a calendar date', { dateOfBirth: '1970-02-30' }, 'body/dateOfBirth'],
    ['not a date', { dateOfBirth: '4 July 1961' }, 'body/dateOfBirth'],
    ['a fact that is not a boolean', { copd: 'yes' }, 'body/copd'],
  ])('rejects %s with 400', async (_label, body, path) => {
    const p = await registerPatient(h.app);
    const url = `/api/patients/${p.userId}/profile`;
    const res = await p.put(url, body);
    expect(res.statusCode).toBe(400);
    const json = res.json<{ error: { code: string; details: { path: string }[] } }>();
    expect(json.error.code).toBe('STEADY_ERR_VALIDATION');
    expect(detailPaths(json.error.details)).toContain(path);
    expect((await p.get(url)).json()).toEqual({ profile: ALL_NULL });
  });

  it("hides another patient's profile (404) and refuses to change it", async () => {
    const owner = await registerPatient(h.app);
    const other = await registerPatient(h.app);
    const url = `/api/patients/${owner.userId}/profile`;
    await owner.put(url, FULL);
    expect((await other.get(url)).statusCode).toBe(404);
    expect((await other.put(url, ALL_NULL)).statusCode).toBe(404);
    expect((await owner.get(url)).json()).toEqual({ profile: FULL });
  });
});
