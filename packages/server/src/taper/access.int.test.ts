/**
 * Who may sign and change a taper, and what a refused or failed signature leaves behind
 * (nothing); patient requests answered with a note; a taper to stop reaching its follow-up.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { regimenVersions, taperVersions } from '../db/schema.js';
import { addClinician, createClinicFixture } from '../testing/careteam.js';
import { registerCaregiver, type Client } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import {
  expectStatus,
  getTaper,
  getToday,
  LONG_SESSIONS,
  sampleTaperInputs,
  setLocal,
  taperFixture,
  type TaperFixture,
} from './taper.test-helpers.js';
import type { TaperView } from './view.js';

function expectCode(res: { statusCode: number; body: string }, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe(code);
}

describeOnDatabases(
  'taper signatures and requests',
  (harness) => {
    let f: TaperFixture;
    let caregiver: Client;
    let stranger: Client & { password: string };
    const createBody = (password: string) => ({
      inputs: sampleTaperInputs('2026-03-15'),
      password,
    });
    const stored = async () => ({
      versions: (
        await f.h.database.db
          .select()
          .from(taperVersions)
          .where(eq(taperVersions.patientId, f.patient.userId))
      ).length,
      regimen: (
        await f.h.database.db
          .select()
          .from(regimenVersions)
          .where(eq(regimenVersions.patientId, f.patient.userId))
      ).length,
    });

    beforeAll(async () => {
      const h = harness();
      f = await taperFixture(h, '2026-03-01');
      const invite = await f.patient.post(`${f.base}/invitations`, { memberKind: 'caregiver' });
      const { code } = expectStatus(invite, 201).json<{ invitation: { code: string } }>()
        .invitation;
      caregiver = await registerCaregiver(h.app, code);
      const other = await createClinicFixture(h, 'Other clinic');
      stranger = await addClinician(h, other, 'prescriber', 'Dr. Stranger');
    });

    describe('before any taper', () => {
      it('answers null to every reader, and refuses requests', async () => {
        for (const reader of [f.patient, f.prescriber, f.pharmacist, caregiver]) {
          expect(await getTaper(reader, f.base)).toBeNull();
        }
        const res = await f.patient.post(`${f.base}/taper/requests`, {
          kind: 'pause',
          reason: 'Nothing to pause',
        });
        expectCode(res, 409, 'STEADY_ERR_NO_TAPER');
        const change = await f.prescriber.post(`${f.base}/taper/changes`, {
          action: 'hold',
          on: '2026-03-20',
          reason: 'No taper',
          password: f.prescriber.password,
        });
        expectCode(change, 409, 'STEADY_ERR_NO_TAPER');
      });

      it('refuses members other than a linked prescriber, and the patient', async () => {
        const before = await stored();
        for (const member of [f.pharmacist, f.therapist, caregiver, stranger]) {
          const res = await member.post(`${f.base}/taper`, createBody('a long enough password'));
          expectCode(res, 404, 'STEADY_ERR_NOT_FOUND');
        }
        // The therapist has no medications consent: not even a read.
        expectCode(await f.therapist.get(`${f.base}/taper`), 404, 'STEADY_ERR_NOT_FOUND');
        const own = await f.patient.post(`${f.base}/taper`, createBody('a long enough password'));
        expectCode(own, 403, 'STEADY_ERR_FORBIDDEN');
        expect(await stored()).toEqual(before);
      });

      it('refuses a wrong password and stores nothing', async () => {
        const before = await stored();
        const res = await f.prescriber.post(`${f.base}/taper`, createBody('not my password'));
        expectCode(res, 403, 'STEADY_ERR_SIGNATURE_FAILED');
        expect(await stored()).toEqual(before);
        expect(await getTaper(f.patient, f.base)).toBeNull();
      });

      it('answers a plan the engine refuses with 400, naming the inputs', async () => {
        const res = await f.prescriber.post(`${f.base}/taper`, {
          inputs: {
            ...sampleTaperInputs('2026-03-15'),
            goal: { kind: 'maintenance', dailyMg: 20 },
          },
          password: f.prescriber.password,
        });
        expectCode(res, 400, 'STEADY_ERR_VALIDATION');
        expect(res.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
          '/body/inputs',
        );
        const past = await f.prescriber.post(`${f.base}/taper`, {
          inputs: sampleTaperInputs('2026-03-09'),
          password: f.prescriber.password,
        });
        expectCode(past, 400, 'STEADY_ERR_VALIDATION');
        expect(past.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
          '/body/inputs/startDate',
        );
      });
    });

    describe('with a taper', () => {
      let taper: TaperView;
      beforeAll(async () => {
        // 25 % steps: the taper ends (and its follow-up too) while the sessions last.
        const res = await f.prescriber.post(`${f.base}/taper`, {
          inputs: { ...sampleTaperInputs('2026-03-15'), method: { kind: 'percent', percent: 25 } },
          password: f.prescriber.password,
          checkInDays: [10, 3],
          followUpMonths: 3,
          followUpIntervalDays: 14,
        });
        taper = expectStatus(res, 201).json<{ taper: TaperView }>().taper;
      });

      it('stores the check-in and follow-up settings given', () => {
        expect(taper.current).toMatchObject({
          checkInDays: [3, 10],
          followUpMonths: 3,
          followUpIntervalDays: 14,
        });
      });

      it('refuses changes from anyone but the prescriber, or with a wrong password', async () => {
        const before = await stored();
        const body = { action: 'hold', on: '2026-03-20', reason: 'Hold' };
        for (const member of [f.pharmacist, caregiver, stranger]) {
          const res = await member.post(`${f.base}/taper/changes`, { ...body, password: 'x' });
          expectCode(res, 404, 'STEADY_ERR_NOT_FOUND');
        }
        const own = await f.patient.post(`${f.base}/taper/changes`, { ...body, password: 'x' });
        expectCode(own, 403, 'STEADY_ERR_FORBIDDEN');
        const wrong = await f.prescriber.post(`${f.base}/taper/changes`, {
          ...body,
          password: 'not my password',
        });
        expectCode(wrong, 403, 'STEADY_ERR_SIGNATURE_FAILED');
        expect(await stored()).toEqual(before);
      });

      it('refuses a change the engine refuses, or one dated before today', async () => {
        const sign = (body: object) =>
          f.prescriber.post(`${f.base}/taper/changes`, {
            ...body,
            password: f.prescriber.password,
          });
        const resume = await sign({ action: 'resume', on: '2026-03-20', reason: 'Not paused' });
        expectCode(resume, 409, 'STEADY_ERR_TAPER_CHANGE_REFUSED');
        const past = await sign({ action: 'hold', on: '2026-03-09', reason: 'Too late' });
        expectCode(past, 400, 'STEADY_ERR_VALIDATION');
      });

      it('lets the patient ask, and the prescriber answer with a note, once', async () => {
        const res = await f.patient.post(`${f.base}/taper/requests`, {
          kind: 'slower',
          reason: 'Could the steps be smaller?',
        });
        const { request } = expectStatus(res, 201).json<{ request: { id: string } }>();
        const close = (client: Client, id = request.id) =>
          client.post(`${f.base}/taper/requests/${id}/close`, { note: 'Let us talk on Friday' });
        for (const member of [f.pharmacist, caregiver]) {
          expectCode(
            await member.post(`${f.base}/taper/requests`, { kind: 'pause', reason: 'x' }),
            404,
            'STEADY_ERR_NOT_FOUND',
          );
          expectCode(await close(member), 404, 'STEADY_ERR_NOT_FOUND');
        }
        expectCode(await close(f.patient), 403, 'STEADY_ERR_FORBIDDEN');
        expectCode(await close(f.prescriber, randomUUID()), 404, 'STEADY_ERR_NOT_FOUND');
        const closed = expectStatus(await close(f.prescriber), 200).json<{
          request: { closedAt: string | null; closingNote: string; closingVersion: number | null };
        }>().request;
        expect(closed).toMatchObject({
          closingNote: 'Let us talk on Friday',
          closingVersion: null,
        });
        expect(closed.closedAt).toBe(f.h.clock.now().toISOString());
        expectCode(await close(f.prescriber), 409, 'STEADY_ERR_TAPER_REQUEST_CLOSED');
        // A closed request cannot be answered again by a version.
        const change = await f.prescriber.post(`${f.base}/taper/changes`, {
          action: 'hold',
          on: '2026-03-20',
          reason: 'Hold',
          requestId: request.id,
          password: f.prescriber.password,
        });
        expectCode(change, 400, 'STEADY_ERR_VALIDATION');
      });

      it('counts wrong signature passwords toward the sign-in throttle', async () => {
        const limit = f.h.config.loginMaxFailures;
        const body = { action: 'hold', on: '2026-03-20', reason: 'Hold' };
        for (let i = 0; i < limit; i += 1) {
          const res = await f.prescriber.post(`${f.base}/taper/changes`, {
            ...body,
            password: `wrong ${String(i)}`,
          });
          expectCode(res, 403, 'STEADY_ERR_SIGNATURE_FAILED');
        }
        const right = await f.prescriber.post(`${f.base}/taper/changes`, {
          ...body,
          password: f.prescriber.password,
        });
        expectCode(right, 429, 'STEADY_ERR_RATE_LIMITED');
        f.h.clock.advance((f.h.config.loginWindowMinutes + 1) * 60_000);
      });
    });

    describe('a taper to stop', () => {
      it('ends the schedule on the first day without diazepam, then follow-up, then finished', async () => {
        const before = (await getTaper(f.patient, f.base))?.current.plan;
        const end = before?.projectedEndDate ?? '';
        expect(end).not.toBe('');
        setLocal(f.h, end, '10:00');
        const day = await getToday(f.patient, f.base);
        expect(day.slots).toEqual([]);
        const inFollowUp = await getTaper(f.patient, f.base);
        expect(inFollowUp?.status).toBe('followUp');
        expect(inFollowUp?.followUp).toEqual({
          startDate: end,
          endDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as string,
          intervalDays: 14,
        });
        const followUpEnd = inFollowUp?.followUp?.endDate ?? '';
        setLocal(f.h, followUpEnd, '10:00');
        expect((await getTaper(f.patient, f.base))?.status).toBe('followUp');
        setLocal(f.h, followUpEnd, '23:59');
        f.h.clock.advance(120_000);
        expect((await getTaper(f.patient, f.base))?.status).toBe('finished');
        // A finished taper does not block a new one.
        const again = await f.prescriber.post(`${f.base}/taper`, {
          inputs: { ...sampleTaperInputs('2030-01-01'), reason: 'Second course' },
          password: f.prescriber.password,
        });
        const second = expectStatus(again, 201).json<{ taper: TaperView }>().taper;
        expect(second.id).not.toBe(inFollowUp?.id);
        expect(second.versions.map((v) => v.reason)).toEqual(['Second course']);
      });
    });
  },
  LONG_SESSIONS,
);
