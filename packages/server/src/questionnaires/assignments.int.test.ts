import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { CONSENT_DEFAULTS, FULL_CONSENT, NO_CONSENT } from '../careteam/consent.js';
import { auditLog } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { caregiverOf, link } from '../testing/careteam.js';
import type { Client } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { ENV, questionnaireSuite, type Assignment } from './questionnaires.test-helpers.js';
import { GAD7_ANSWERS, PEG_ANSWERS } from './samples.test-helpers.js';

describeOnDatabases(
  'questionnaire assignments',
  (harness) => {
    const { team, base, patient, assign, answer, dueOf, assignmentsOf } =
      questionnaireSuite(harness);

    it('lets a linked clinician assign, and names who assigned it and when it is due', async () => {
      team.h.clock.set('2026-03-10T15:00:00Z');
      const p = await patient();
      const a = await assign(team.prescriber, p, {
        instrumentId: 'peg',
        cadenceDays: 7,
        note: 'Weekly',
      });
      expect(a).toMatchObject({
        instrumentId: 'peg',
        cadenceDays: 7,
        startDate: '2026-03-10',
        note: 'Weekly',
        status: 'active',
        assignedBy: { id: team.prescriber.userId, displayName: 'Dr. Prescriber' },
        due: true,
        dueSince: '2026-03-10',
        nextDue: '2026-03-10',
        lastAnsweredAt: null,
      });
      expect(await assignmentsOf(p, p)).toEqual([a]);
      const audit = await team.h.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.patientId, p.userId), eq(auditLog.action, 'questionnaire.assign')));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: team.prescriber.userId, entityId: a.id });
    });

    it('allows one active assignment per instrument (409), and a new one once it ended', async () => {
      team.h.clock.set('2026-03-10T15:00:00Z');
      const p = await patient();
      await link(p, team.psychologist);
      const first = await assign(team.prescriber, p, { instrumentId: 'gad7', cadenceDays: 30 });
      const again = await team.psychologist.post(`${base(p)}/questionnaire-assignments`, {
        instrumentId: 'gad7',
        cadenceDays: 7,
      });
      expectError(again, 409, 'STEADY_ERR_ALREADY_ASSIGNED');
      // Another instrument is fine.
      team.h.clock.advance(60_000);
      await assign(team.psychologist, p, { instrumentId: 'phq9', cadenceDays: 14 });

      const ended = await team.psychologist.post(
        `${base(p)}/questionnaire-assignments/${first.id}/end`,
      );
      expect(ended.statusCode, ended.body).toBe(200);
      const view = ended.json<{ assignment: Assignment }>().assignment;
      expect(view).toMatchObject({
        status: 'ended',
        endedBy: { id: team.psychologist.userId },
        due: false,
        nextDue: null,
      });
      // Ending again changes nothing (and is not audited twice).
      const twice = await team.prescriber.post(
        `${base(p)}/questionnaire-assignments/${first.id}/end`,
      );
      expect(twice.json<{ assignment: Assignment }>().assignment).toEqual(view);
      const endAudits = await team.h.database.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.patientId, p.userId),
            eq(auditLog.action, 'questionnaire.assignment.end'),
          ),
        );
      expect(endAudits.map((e) => e.actorId)).toEqual([team.psychologist.userId]);

      team.h.clock.advance(60_000);
      const renewed = await assign(team.prescriber, p, { instrumentId: 'gad7', cadenceDays: 7 });
      const active = await assignmentsOf(p, p);
      expect(active.map((x) => x.instrumentId)).toEqual(['gad7', 'phq9']);
      expect(active[0]?.id).toBe(renewed.id);
      const all = await assignmentsOf(team.prescriber, p, 'all');
      expect(all.map((x) => x.status)).toEqual(['active', 'active', 'ended']);
      expect(all[2]?.id).toBe(first.id);
    });

    it('refuses invalid assignments with the field named', async () => {
      team.h.clock.set('2026-03-10T15:00:00Z');
      const p = await patient();
      const url = `${base(p)}/questionnaire-assignments`;
      const cases: [Record<string, unknown>, string][] = [
        [{ instrumentId: 'bdi', cadenceDays: 7 }, '/body/instrumentId'],
        [{ instrumentId: 'peg', cadenceDays: 0 }, '/body/cadenceDays'],
        [{ instrumentId: 'peg', cadenceDays: 367 }, '/body/cadenceDays'],
        [{ instrumentId: 'peg', cadenceDays: 1.5 }, '/body/cadenceDays'],
        [{ instrumentId: 'peg', cadenceDays: 7, startDate: '2026-03-09' }, '/body/startDate'],
        [{ instrumentId: 'peg', cadenceDays: 7, startDate: '2027-03-12' }, '/body/startDate'],
        [{ instrumentId: 'peg', cadenceDays: 7, startDate: '2026-02-30' }, '/body/startDate'],
      ];
      for (const [body, path] of cases) {
        const error = expectError(
          await team.prescriber.post(url, body),
          400,
          'STEADY_ERR_VALIDATION',
        );
        expect(error.details, JSON.stringify(body)).toEqual(
          expect.arrayContaining([expect.objectContaining({ path })]),
        );
      }
      // Boundaries: 366 days, and a start a year from today, are fine.
      await assign(team.prescriber, p, {
        instrumentId: 'sds',
        cadenceDays: 366,
        startDate: '2027-03-11',
      });
      expect(await assignmentsOf(p, p)).toHaveLength(1);
    });

    it('lets only the prescriber, physical therapist and psychologist assign or end', async () => {
      team.h.clock.set('2026-03-10T15:00:00Z');
      const p = await patient();
      await link(p, team.pharmacist, FULL_CONSENT);
      const { caregiver } = await caregiverOf(team.h, p, FULL_CONSENT);
      const body = { instrumentId: 'peg', cadenceDays: 7 };
      const url = `${base(p)}/questionnaire-assignments`;
      expectError(await team.pharmacist.post(url, body), 404, 'STEADY_ERR_NOT_FOUND');
      expectError(await caregiver.post(url, body), 404, 'STEADY_ERR_NOT_FOUND');
      // The patient answers questionnaires but does not assign them to themself.
      expectError(await p.post(url, body), 403, 'STEADY_ERR_FORBIDDEN');
      const a = await assign(team.prescriber, p, body);
      const end = `${url}/${a.id}/end`;
      expectError(await team.pharmacist.post(end), 404, 'STEADY_ERR_NOT_FOUND');
      expectError(await caregiver.post(end), 404, 'STEADY_ERR_NOT_FOUND');
      expectError(await p.post(end), 403, 'STEADY_ERR_FORBIDDEN');
      expectError(await p.post(`${url}/${randomUUID()}/end`), 404, 'STEADY_ERR_NOT_FOUND');
      // With consent they read it, like every member the patient shares questionnaires with.
      expect((await assignmentsOf(team.pharmacist, p)).map((x) => x.id)).toEqual([a.id]);
      expect((await assignmentsOf(caregiver, p)).map((x) => x.id)).toEqual([a.id]);
      expect((await assignmentsOf(p, p))[0]?.status).toBe('active');
    });

    it('answers 404 to members without the questionnaires consent, on every route', async () => {
      team.h.clock.set('2026-03-10T15:00:00Z');
      const p = await patient();
      await link(p, team.noConsent, NO_CONSENT);
      // The caregiver's default consent does not include questionnaires.
      expect(CONSENT_DEFAULTS.caregiver.questionnaires).toBe(false);
      const { caregiver } = await caregiverOf(team.h, p);
      const a = await assign(team.prescriber, p, { instrumentId: 'peg', cadenceDays: 7 });
      expect((await answer(p, 'peg', PEG_ANSWERS)).statusCode).toBe(201);
      for (const who of [team.noConsent, caregiver]) {
        for (const path of [
          'questionnaire-assignments',
          'questionnaire-assignments?status=all',
          'questionnaires/due',
          'questionnaire-responses',
        ]) {
          const res = await who.get(`${base(p)}/${path}`);
          expect(res.json(), path).toEqual({
            error: { code: 'STEADY_ERR_NOT_FOUND', message: 'Not found.' },
          });
        }
        expectError(
          await who.post(`${base(p)}/questionnaire-assignments/${a.id}/end`),
          404,
          'STEADY_ERR_NOT_FOUND',
        );
      }
      // The patient answers; no member answers for them, even with consent.
      const byMember = await team.prescriber.post(`${base(p)}/questionnaire-responses`, {
        idempotencyKey: randomUUID(),
        instrumentId: 'peg',
        answers: PEG_ANSWERS,
      });
      expectError(byMember, 404, 'STEADY_ERR_NOT_FOUND');
    });

    it('steps due dates by the cadence and collapses missed ones into one overdue item', async () => {
      team.h.clock.set('2026-03-02T14:00:00Z'); // a Monday, 09:00 in New York
      const p = await patient();
      const a = await assign(team.prescriber, p, {
        instrumentId: 'peg',
        cadenceDays: 7,
        note: 'Before each visit',
      });
      let due = await dueOf(p, p);
      expect(due).toMatchObject({ date: '2026-03-02', timeZone: 'America/New_York' });
      expect(due.due).toEqual([
        {
          assignmentId: a.id,
          instrumentId: 'peg',
          cadenceDays: 7,
          note: 'Before each visit',
          dueSince: '2026-03-02',
          overdue: false,
          lastAnsweredAt: null,
        },
      ]);

      expect((await answer(p, 'peg', PEG_ANSWERS)).statusCode).toBe(201);
      expect((await dueOf(p, p)).due).toEqual([]);
      const [answered] = await assignmentsOf(team.prescriber, p);
      expect(answered).toMatchObject({ due: false, nextDue: '2026-03-09' });
      expect(answered?.lastAnsweredAt).toBe('2026-03-02T14:00:00.000Z');

      // Still answered on Sunday; due again on the next Monday.
      team.h.clock.set('2026-03-09T03:59:00Z'); // Sunday 23:59 (EDT since the 8th)
      expect((await dueOf(p, p)).due).toEqual([]);
      team.h.clock.set('2026-03-09T04:00:00Z'); // Monday 00:00 EDT
      expect((await dueOf(p, p)).due).toEqual([
        expect.objectContaining({ dueSince: '2026-03-09', overdue: false }),
      ]);

      // Three weeks without an answer: still one item, overdue since the first missed Monday.
      team.h.clock.set('2026-03-25T16:00:00Z');
      due = await dueOf(p, p);
      expect(due.due).toEqual([
        expect.objectContaining({ assignmentId: a.id, dueSince: '2026-03-09', overdue: true }),
      ]);
      // Members with consent see the same.
      expect((await dueOf(team.prescriber, p)).due).toEqual(due.due);

      // One answer clears it until the next due date.
      expect((await answer(p, 'peg', PEG_ANSWERS)).statusCode).toBe(201);
      expect((await dueOf(p, p)).due).toEqual([]);
      expect((await assignmentsOf(p, p))[0]?.nextDue).toBe('2026-03-30');

      // An ended assignment is never due.
      team.h.clock.set('2026-04-30T16:00:00Z');
      expect((await dueOf(p, p)).due).toHaveLength(1);
      await team.prescriber.post(`${base(p)}/questionnaire-assignments/${a.id}/end`);
      expect((await dueOf(p, p)).due).toEqual([]);
    });

    it("uses the patient's local day across the spring DST change", async () => {
      // New York moves to EDT at 02:00 on Sunday 2026-03-08.
      team.h.clock.set('2026-03-07T15:00:00Z');
      const p = await patient('America/New_York');
      await assign(team.prescriber, p, { instrumentId: 'nrs', cadenceDays: 1 });
      const nrs = { 'nrs-pain': 4 };
      // 23:30 EST on the 7th: answers the 7th.
      team.h.clock.set('2026-03-08T04:30:00Z');
      expect((await answer(p, 'nrs', nrs)).statusCode).toBe(201);
      expect((await dueOf(p, p)).due).toEqual([]);
      // 00:30 EST on the 8th (the short day): due again.
      team.h.clock.set('2026-03-08T05:30:00Z');
      expect((await dueOf(p, p)).due).toEqual([
        expect.objectContaining({ dueSince: '2026-03-08', overdue: false }),
      ]);
      // 23:30 EDT on the 8th (UTC-4 now): still the 8th.
      team.h.clock.set('2026-03-09T03:30:00Z');
      expect((await answer(p, 'nrs', nrs)).statusCode).toBe(201);
      expect((await dueOf(p, p)).date).toBe('2026-03-08');
      expect((await dueOf(p, p)).due).toEqual([]);
      // 00:00 EDT on the 9th: due. (Under EST this would still be the 8th.)
      team.h.clock.set('2026-03-09T04:00:00Z');
      expect((await dueOf(p, p)).due).toEqual([
        expect.objectContaining({ dueSince: '2026-03-09' }),
      ]);
    });

    it("starts and counts in the patient's zone, not the server's or the clinician's", async () => {
      // 12:00 UTC on the 10th is already 02:00 on the 11th in Kiritimati (UTC+14).
      team.h.clock.set('2026-03-10T12:00:00Z');
      const p = await patient('Pacific/Kiritimati');
      const a = await assign(team.prescriber, p, { instrumentId: 'gad7', cadenceDays: 30 });
      expect(a.startDate).toBe('2026-03-11');
      expect((await dueOf(team.prescriber, p)).date).toBe('2026-03-11');
      // A start "today" by UTC is yesterday for this patient: refused.
      const past = await psychologistAssign(p, '2026-03-10');
      expectError(past, 400, 'STEADY_ERR_VALIDATION');

      // In Honolulu (UTC-10) the same instant is still the 10th.
      const q = await patient('Pacific/Honolulu');
      const b = await assign(team.prescriber, q, { instrumentId: 'gad7', cadenceDays: 30 });
      expect(b.startDate).toBe('2026-03-10');
      // An answer at 23:00 Honolulu time on the 10th counts for the 10th.
      team.h.clock.set('2026-03-11T09:00:00Z');
      expect((await answer(q, 'gad7', GAD7_ANSWERS)).statusCode).toBe(201);
      expect((await assignmentsOf(q, q))[0]).toMatchObject({ due: false, nextDue: '2026-04-09' });
    });

    async function psychologistAssign(p: Client, startDate: string) {
      await link(p, team.psychologist);
      return team.psychologist.post(`${base(p)}/questionnaire-assignments`, {
        instrumentId: 'sds',
        cadenceDays: 91,
        startDate,
      });
    }
  },
  ENV,
);
