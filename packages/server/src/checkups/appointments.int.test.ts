import { localToInstant } from '@steady/core';
import { and, asc, eq, like } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { ConsentMap } from '../careteam/consent.js';
import { auditLog } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { addClinician, createClinicFixture, type ClinicFixture } from '../testing/careteam.js';
import type { Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import {
  appointmentsOf,
  ask,
  book,
  checkupTeam,
  ENV,
  PARIS,
  questionsOf,
  type Appointment,
} from './checkups.test-helpers.js';

describeOnDatabases(
  'check-ups: appointments',
  (harness) => {
    let h: Harness;
    let clinic: ClinicFixture;

    beforeAll(async () => {
      h = harness();
      clinic = await createClinicFixture(h, 'Checkup Clinic');
    });

    const team = (consent?: ConsentMap) => checkupTeam(h, clinic, consent);

    it("keeps a 09:00 check-up at 09:00 in the patient's zone across the March DST change", async () => {
      h.clock.set('2026-03-20T10:00:00.000Z');
      const { patient, doctor, caregiver, base } = await team();
      // Paris moves from UTC+1 to UTC+2 on 29 March 2026.
      const after = localToInstant('2026-03-31', '09:00', PARIS);
      const before = localToInstant('2026-03-27', '09:00', PARIS);
      expect(after).toBe('2026-03-31T07:00:00.000Z');
      expect(before).toBe('2026-03-27T08:00:00.000Z');
      const late = await book(patient, base, { memberId: doctor.userId, startsAt: after });
      expect(late).toMatchObject({
        startsAt: '2026-03-31T07:00:00.000Z',
        endsAt: '2026-03-31T07:30:00.000Z',
        localDate: '2026-03-31',
        localTime: '09:00',
        status: 'scheduled',
        member: { id: doctor.userId, displayName: 'Dr. Rivera', discipline: 'prescriber' },
        createdBy: { id: patient.userId, displayName: 'Paula Patient' },
      });
      const early = await book(doctor, base, { memberId: doctor.userId, startsAt: before });
      expect(early).toMatchObject({ localDate: '2026-03-27', localTime: '09:00' });
      expect(early.createdBy.id).toBe(doctor.userId);

      // The caregiver lives in London: times are still the patient's.
      const seen = await appointmentsOf(caregiver, base);
      expect(seen.timeZone).toBe(PARIS);
      expect(seen.appointments.map((a) => [a.localDate, a.localTime])).toEqual([
        ['2026-03-27', '09:00'],
        ['2026-03-31', '09:00'],
      ]);

      // Upcoming until it is over (in progress included), then past, most recent first.
      h.clock.set('2026-03-31T07:29:59.999Z');
      expect((await appointmentsOf(patient, base)).appointments.map((a) => a.id)).toEqual([
        late.id,
      ]);
      h.clock.set('2026-03-31T07:30:00.000Z');
      expect((await appointmentsOf(patient, base)).appointments).toEqual([]);
      expect((await appointmentsOf(patient, base, 'past')).appointments.map((a) => a.id)).toEqual([
        late.id,
        early.id,
      ]);
      expect((await appointmentsOf(patient, base, 'all')).appointments).toHaveLength(2);
    });

    it('lets the patient and the clinician of a check-up change it, and no other member', async () => {
      h.clock.set('2026-03-10T12:00:00.000Z');
      const { patient, doctor, therapist, caregiver, base } = await team();
      const stranger = await addClinician(h, clinic, 'psychologist', 'Not Linked');
      const startsAt = '2026-03-16T09:00:00.000Z';

      // A clinician books only with themself; the member must be a clinician of the team.
      expectError(
        await doctor.post(`${base}/appointments`, {
          memberId: therapist.userId,
          startsAt,
          durationMinutes: 30,
          mode: 'phone',
        }),
        403,
        'STEADY_ERR_FORBIDDEN',
      );
      for (const memberId of [stranger.userId, caregiver.userId, patient.userId]) {
        const error = expectError(
          await patient.post(`${base}/appointments`, {
            memberId,
            startsAt,
            durationMinutes: 30,
            mode: 'phone',
          }),
          400,
          'STEADY_ERR_VALIDATION',
        );
        expect(error.details).toEqual([expect.objectContaining({ path: '/body/memberId' })]);
      }
      expectError(
        await caregiver.post(`${base}/appointments`, {
          memberId: doctor.userId,
          startsAt,
          durationMinutes: 30,
          mode: 'phone',
        }),
        404,
        'STEADY_ERR_NOT_FOUND',
      );

      const visit = await book(doctor, base, {
        memberId: doctor.userId,
        startsAt,
        note: 'Bring the pill box',
      });
      // Every linked member reads the team's check-ups; only its clinician (and the patient) changes it.
      for (const member of [therapist, caregiver]) {
        expect((await appointmentsOf(member, base)).appointments.map((a) => a.id)).toEqual([
          visit.id,
        ]);
      }
      const url = `${base}/appointments/${visit.id}`;
      expectError(await therapist.patch(url, { status: 'done' }), 403, 'STEADY_ERR_FORBIDDEN');
      expectError(await caregiver.patch(url, { status: 'done' }), 404, 'STEADY_ERR_NOT_FOUND');
      expectError(await stranger.get(`${base}/appointments`), 404, 'STEADY_ERR_NOT_FOUND');

      const moved = await doctor.patch(url, {
        startsAt: '2026-03-17T13:00:00.000Z',
        mode: 'video',
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json<{ appointment: Appointment }>().appointment).toMatchObject({
        startsAt: '2026-03-17T13:00:00.000Z',
        localTime: '14:00',
        note: 'Bring the pill box',
        status: 'scheduled',
      });
      expectError(await patient.patch(url, {}), 400, 'STEADY_ERR_VALIDATION');

      // Cancelling keeps the open questions for the next visit; a closed check-up stays closed.
      const open = await ask(patient, base, { text: 'Can I drive?', appointmentId: visit.id });
      const cancelled = await patient.patch(url, { status: 'cancelled' });
      expect(cancelled.json<{ appointment: Appointment }>().appointment.status).toBe('cancelled');
      const after = (await questionsOf(patient, base)).find((q) => q.id === open.id);
      expect(after?.appointmentId).toBeNull();
      expectError(
        await doctor.patch(url, { status: 'done' }),
        409,
        'STEADY_ERR_APPOINTMENT_CLOSED',
      );
      expectError(
        await patient.post(`${base}/visit-questions`, { text: 'Late', appointmentId: visit.id }),
        400,
        'STEADY_ERR_VALIDATION',
      );

      // Another patient's check-up is not found through one's own path.
      const other = await team();
      const theirs = await book(other.patient, other.base, {
        memberId: other.doctor.userId,
        startsAt,
      });
      expectError(
        await patient.patch(`${base}/appointments/${theirs.id}`, { status: 'done' }),
        404,
        'STEADY_ERR_NOT_FOUND',
      );

      // Writes are audited, without their text.
      const rows = await h.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.patientId, patient.userId), like(auditLog.action, 'appointment.%')))
        .orderBy(asc(auditLog.id));
      expect(rows.map((r) => [r.action, r.actorId])).toEqual([
        ['appointment.create', doctor.userId],
        ['appointment.update', doctor.userId],
        ['appointment.update', patient.userId],
      ]);
      expect(rows[1]?.details).toEqual({ fields: ['startsAt', 'mode'], status: 'scheduled' });
      expect(JSON.stringify(rows)).not.toContain('pill box');
    });
  },
  ENV,
);
