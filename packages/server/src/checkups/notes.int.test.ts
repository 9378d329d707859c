import { beforeAll, expect, it } from 'vitest';
import type { ConsentMap } from '../careteam/consent.js';
import { expectError } from '../http/routes.test-helpers.js';
import { createClinicFixture, revoke, type ClinicFixture } from '../testing/careteam.js';
import type { Client, Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { checkupTeam, ENV, type Note } from './checkups.test-helpers.js';

describeOnDatabases(
  'check-ups: clinician notes',
  (harness) => {
    let h: Harness;
    let clinic: ClinicFixture;

    beforeAll(async () => {
      h = harness();
      clinic = await createClinicFixture(h, 'Checkup Clinic');
    });

    const team = (consent?: ConsentMap) => checkupTeam(h, clinic, consent);

    it('keeps clinician notes for the patient and the clinicians, amended but never edited', async () => {
      h.clock.set('2026-03-10T12:00:00.000Z');
      const { patient, doctor, therapist, caregiver, base } = await team();
      const url = `${base}/notes`;
      const post = async (as: Client, body: Record<string, unknown>) => {
        const res = await as.post(url, body);
        expect(res.statusCode, res.body).toBe(201);
        return res.json<{ note: Note }>().note;
      };
      const note = await post(doctor, { body: 'Tapering discussed; agreed to wait a month.' });
      expect(note).toMatchObject({
        author: { id: doctor.userId, displayName: 'Dr. Rivera', discipline: 'prescriber' },
        amends: null,
        amendedBy: [],
        createdAt: '2026-03-10T12:00:00.000Z',
      });
      h.clock.set('2026-03-10T12:05:00.000Z');
      const amendment = await post(doctor, { body: 'Correction: two weeks.', amends: note.id });

      // Open notes: the patient reads them; caregivers neither read nor write; the patient does not write.
      const read = await patient.get(url);
      expect(read.statusCode).toBe(200);
      const notes = read.json<{ notes: Note[] }>().notes;
      expect(notes.map((n) => [n.id, n.amends, n.amendedBy])).toEqual([
        [amendment.id, note.id, []],
        [note.id, null, [amendment.id]],
      ]);
      expect((await therapist.get(url)).json<{ notes: Note[] }>().notes).toHaveLength(2);
      expectError(await caregiver.get(url), 404, 'STEADY_ERR_NOT_FOUND');
      expectError(await caregiver.post(url, { body: 'Hello' }), 404, 'STEADY_ERR_NOT_FOUND');
      expectError(await patient.post(url, { body: 'My own note' }), 403, 'STEADY_ERR_FORBIDDEN');

      // Only the author amends a note; the note amended must be this patient's.
      expectError(
        await therapist.post(url, { body: 'Not mine', amends: note.id }),
        403,
        'STEADY_ERR_FORBIDDEN',
      );
      const other = await team();
      expectError(await other.doctor.post(url, { body: 'Elsewhere' }), 404, 'STEADY_ERR_NOT_FOUND');
      const theirs = (await other.doctor.post(`${other.base}/notes`, { body: 'Their note' })).json<{
        note: Note;
      }>().note;
      const error = expectError(
        await doctor.post(url, { body: 'Amend theirs', amends: theirs.id }),
        400,
        'STEADY_ERR_VALIDATION',
      );
      expect(error.details).toEqual([expect.objectContaining({ path: '/body/amends' })]);
      // A therapist of the team writes too; a revoked link reads nothing.
      await post(therapist, { body: 'Exercises reviewed.' });
      const { members } = (await patient.get(`${base}/care-team`)).json<{
        members: { linkId: string; member: { id: string } }[];
      }>();
      const doctorLink = members.find((m) => m.member.id === doctor.userId)?.linkId ?? '';
      await revoke(patient, doctorLink);
      expectError(await doctor.get(url), 404, 'STEADY_ERR_NOT_FOUND');
    });
  },
  ENV,
);
