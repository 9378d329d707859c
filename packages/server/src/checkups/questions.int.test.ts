import { beforeAll, expect, it } from 'vitest';
import type { ConsentMap } from '../careteam/consent.js';
import { expectError } from '../http/routes.test-helpers.js';
import { createClinicFixture, type ClinicFixture } from '../testing/careteam.js';
import type { Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import {
  ask,
  book,
  checkupTeam,
  ENV,
  questionsOf,
  type Question,
} from './checkups.test-helpers.js';

describeOnDatabases(
  'check-ups: visit questions',
  (harness) => {
    let h: Harness;
    let clinic: ClinicFixture;

    beforeAll(async () => {
      h = harness();
      clinic = await createClinicFixture(h, 'Checkup Clinic');
    });

    const team = (consent?: ConsentMap) => checkupTeam(h, clinic, consent);

    it('runs the questions from writing to answered at the visit', async () => {
      h.clock.set('2026-03-10T12:00:00.000Z');
      const { patient, doctor, therapist, caregiver, base } = await team();
      const visit = await book(patient, base, {
        memberId: doctor.userId,
        startsAt: '2026-03-12T09:00:00.000Z',
      });
      const forVisit = await ask(patient, base, {
        text: 'Is my dose still right?',
        appointmentId: visit.id,
      });
      h.clock.set('2026-03-10T12:01:00.000Z');
      const forNext = await ask(patient, base, { text: 'Can I take ibuprofen?' });
      expect(forNext.appointmentId).toBeNull();
      expect(forVisit).toMatchObject({ appointmentId: visit.id, answered: null });

      // Clinicians read them; the caregiver does not; only the patient writes them.
      expect((await questionsOf(therapist, base)).map((q) => q.id)).toEqual([
        forNext.id,
        forVisit.id,
      ]);
      expectError(await caregiver.get(`${base}/visit-questions`), 404, 'STEADY_ERR_NOT_FOUND');
      expectError(
        await doctor.post(`${base}/visit-questions`, { text: 'Mine' }),
        404,
        'STEADY_ERR_NOT_FOUND',
      );

      const url = (q: Question) => `${base}/visit-questions/${q.id}`;
      // The clinician of the check-up marks its question answered, and nothing else.
      expectError(
        await therapist.patch(url(forVisit), { answered: true }),
        403,
        'STEADY_ERR_FORBIDDEN',
      );
      expectError(
        await doctor.patch(url(forNext), { answered: true }),
        403,
        'STEADY_ERR_FORBIDDEN',
      );
      expectError(
        await doctor.patch(url(forVisit), { text: 'Rewritten', answered: true }),
        403,
        'STEADY_ERR_FORBIDDEN',
      );
      h.clock.set('2026-03-12T09:10:00.000Z');
      const answered = await doctor.patch(url(forVisit), { answered: true });
      expect(answered.statusCode, answered.body).toBe(200);
      expect(answered.json<{ question: Question }>().question.answered).toEqual({
        at: '2026-03-12T09:10:00.000Z',
        by: { id: doctor.userId, displayName: 'Dr. Rivera' },
      });
      // Marking again keeps who and when.
      h.clock.set('2026-03-12T09:20:00.000Z');
      const again = await patient.patch(url(forVisit), { answered: true });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json<{ question: Question }>().question.answered?.by.id).toBe(doctor.userId);

      // The patient edits, moves and reopens their questions.
      const edited = await patient.patch(url(forNext), {
        text: 'Can I take ibuprofen with it?',
        appointmentId: visit.id,
      });
      expect(edited.json<{ question: Question }>().question).toMatchObject({
        text: 'Can I take ibuprofen with it?',
        appointmentId: visit.id,
      });
      const reopened = await patient.patch(url(forVisit), { answered: false });
      expect(reopened.json<{ question: Question }>().question.answered).toBeNull();
      expectError(await patient.patch(url(forNext), { text: '   ' }), 400, 'STEADY_ERR_VALIDATION');
      expectError(
        await patient.patch(`${base}/visit-questions/00000000-0000-4000-8000-000000000000`, {
          answered: true,
        }),
        404,
        'STEADY_ERR_NOT_FOUND',
      );
    });
  },
  ENV,
);
