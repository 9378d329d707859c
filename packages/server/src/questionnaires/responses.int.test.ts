import { randomUUID } from 'node:crypto';
import { EMERGENCY_GUIDANCE, PHQ9_ITEM9_ID } from '@steady/core';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { NO_CONSENT } from '../careteam/consent.js';
import { questionnaireResponses } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { link } from '../testing/careteam.js';
import type { Client } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import {
  answersFor,
  ENV,
  questionnaireSuite,
  type Guidance,
  type ResponseView,
} from './questionnaires.test-helpers.js';
import { GAD7_ANSWERS, PEG_ANSWERS } from './samples.test-helpers.js';

describeOnDatabases(
  'questionnaire responses',
  (harness) => {
    const { team, base, patient, assign, answer, dueOf, assignmentsOf, responsesOf } =
      questionnaireSuite(harness);

    it('scores answers with the engine and links them to the active assignment', async () => {
      team.h.clock.set('2026-03-10T15:00:00Z');
      const p = await patient();
      const a = await assign(team.prescriber, p, { instrumentId: 'phq9', cadenceDays: 14 });
      const answers = answersFor('phq9', 1, { 'phq9-1': 3, 'phq9-2': 3, [PHQ9_ITEM9_ID]: 0 });
      const res = await answer(p, 'phq9', { ...answers, 'phq9-difficulty': 2 });
      expect(res.statusCode, res.body).toBe(201);
      const { response, guidance } = res.json<{ response: ResponseView; guidance: Guidance[] }>();
      expect(response).toMatchObject({
        instrumentId: 'phq9',
        assignmentId: a.id,
        at: '2026-03-10T15:00:00.000Z',
        score: {
          total: 12,
          min: 0,
          max: 27,
          band: { id: 'moderate', label: 'Moderate depressive symptoms' },
        },
      });
      expect(response.answers['phq9-difficulty']).toBe(2);
      expect(response.score.subscores).toEqual([expect.objectContaining({ id: 'phq2', value: 6 })]);
      // Screen-positive is for the clinician: not among the patient's flags, no guidance.
      expect(response.score.flags).toEqual([]);
      expect(guidance).toEqual([]);

      const [seen] = await responsesOf(team.prescriber, p);
      expect(seen?.id).toBe(response.id);
      expect(seen?.score.flags).toEqual([
        expect.objectContaining({ id: 'phq9.screen-positive', kind: 'screen-positive' }),
      ]);
      expect(seen?.score.flags[0]?.clinicianText).toEqual(expect.any(String));

      // PEG is a mean, not always whole; answered without an assignment.
      const peg = await answer(p, 'peg', { 'peg-p': 7, 'peg-e': 4, 'peg-g': 4 });
      expect(peg.json<{ response: ResponseView }>().response).toMatchObject({
        assignmentId: null,
        score: { total: 5, min: 0, max: 10, band: null },
      });
    });

    it('refuses invalid answers with one detail per item, and stores nothing', async () => {
      team.h.clock.set('2026-03-10T15:00:00Z');
      const p = await patient();
      const cases: [string, Record<string, unknown>, { path: string; code: string }[]][] = [
        [
          'gad7',
          { ...GAD7_ANSWERS, 'gad7-3': undefined },
          [{ path: '/body/answers/gad7-3', code: 'missing' }],
        ],
        [
          'gad7',
          { ...GAD7_ANSWERS, 'gad7-3': 4 },
          [{ path: '/body/answers/gad7-3', code: 'invalid-option' }],
        ],
        [
          'gad7',
          { ...GAD7_ANSWERS, 'gad7-3': 1.5 },
          [{ path: '/body/answers/gad7-3', code: 'invalid-option' }],
        ],
        [
          'gad7',
          { ...GAD7_ANSWERS, 'gad7-8': 1 },
          [{ path: '/body/answers/gad7-8', code: 'unknown-item' }],
        ],
        [
          'peg',
          { 'peg-p': 11, 'peg-e': null },
          [
            { path: '/body/answers/peg-p', code: 'invalid-option' },
            { path: '/body/answers/peg-e', code: 'missing' },
            { path: '/body/answers/peg-g', code: 'missing' },
          ],
        ],
      ];
      for (const [instrumentId, answers, expected] of cases) {
        const error = expectError(
          await answer(p, instrumentId, answers),
          400,
          'STEADY_ERR_VALIDATION',
          JSON.stringify(answers),
        );
        expect(error.details).toEqual(expected.map((e) => expect.objectContaining(e) as unknown));
      }
      const schema = await answer(p, 'gad7', { 'gad7-1': 'often' });
      expect(expectError(schema, 400, 'STEADY_ERR_VALIDATION').details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: '/body/answers/gad7-1' })]),
      );
      expectError(await answer(p, 'bdi', {}), 400, 'STEADY_ERR_VALIDATION');
      expect(await responsesOf(p, p)).toEqual([]);
    });

    it('replays an idempotent answer and refuses the same key for other answers', async () => {
      team.h.clock.set('2026-03-10T15:00:00Z');
      const p = await patient();
      const key = randomUUID();
      const first = await answer(p, 'gad7', GAD7_ANSWERS, key);
      expect(first.statusCode).toBe(201);
      team.h.clock.advance(60_000);
      // Same answers in another key order, with a null for "not answered": the same request.
      const reordered = Object.fromEntries(Object.entries(GAD7_ANSWERS).reverse());
      const again = await answer(p, 'gad7', { ...reordered, 'gad7-extra': null }, key);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json<{ response: ResponseView }>().response).toEqual(
        first.json<{ response: ResponseView }>().response,
      );
      const conflict = await answer(p, 'gad7', { ...GAD7_ANSWERS, 'gad7-1': 3 }, key);
      expectError(conflict, 409, 'STEADY_ERR_IDEMPOTENCY_CONFLICT');
      expectError(await answer(p, 'peg', PEG_ANSWERS, key), 409, 'STEADY_ERR_IDEMPOTENCY_CONFLICT');
      const rows = await team.h.database.db
        .select()
        .from(questionnaireResponses)
        .where(eq(questionnaireResponses.patientId, p.userId));
      expect(rows).toHaveLength(1);
      // Keys are the patient's own: another patient may use the same one.
      const other = await patient();
      expect((await answer(other, 'gad7', GAD7_ANSWERS, key)).statusCode).toBe(201);
    });

    it('refuses an assignment id that is not this patient’s or not of this instrument', async () => {
      team.h.clock.set('2026-03-10T15:00:00Z');
      const p = await patient();
      const other = await patient();
      const mine = await assign(team.prescriber, p, { instrumentId: 'gad7', cadenceDays: 7 });
      const theirs = await assign(team.prescriber, other, { instrumentId: 'gad7', cadenceDays: 7 });
      const post = (assignmentId: string, instrumentId = 'gad7', answers: object = GAD7_ANSWERS) =>
        p.post(`${base(p)}/questionnaire-responses`, {
          idempotencyKey: randomUUID(),
          instrumentId,
          assignmentId,
          answers,
        });
      for (const res of [
        await post(theirs.id),
        await post(randomUUID()),
        await post(mine.id, 'peg', PEG_ANSWERS),
      ]) {
        const error = expectError(res, 400, 'STEADY_ERR_VALIDATION');
        expect(error.details).toEqual([expect.objectContaining({ path: '/body/assignmentId' })]);
        expect(res.body).not.toContain(theirs.id);
      }
      expect((await post(mine.id)).statusCode).toBe(201);
    });

    it('shows crisis guidance at once for PHQ-9 item 9 and alerts the prescriber who may see it', async () => {
      team.h.clock.set('2026-03-10T15:00:00Z');
      const p = await patient();
      await link(p, team.checkinsOnly, { ...NO_CONSENT, checkins: true, medications: true });
      const res = await answer(p, 'phq9', answersFor('phq9', 0, { [PHQ9_ITEM9_ID]: 1 }));
      expect(res.statusCode, res.body).toBe(201);
      const { response, guidance } = res.json<{ response: ResponseView; guidance: Guidance[] }>();
      expect(response.score.total).toBe(1);
      expect(guidance).toHaveLength(1);
      expect(guidance[0]).toMatchObject({ flagId: 'phq9.item9-crisis', kind: 'crisis' });
      expect(guidance[0]?.text).toContain(EMERGENCY_GUIDANCE);
      expect(guidance[0]?.sources.map((s) => s.id)).toEqual(
        expect.arrayContaining(['KROENKE-2001', 'JCPG-2025']),
      );
      // The patient's own copy keeps the patient text but never the clinician's wording.
      expect(response.score.flags).toEqual([
        expect.objectContaining({ id: 'phq9.item9-crisis', clinicianText: null }),
      ]);

      interface Alert {
        id: string;
        signalId: string;
        crisis: boolean;
        categories: string[];
        patientText: string | null;
        clinicianText: string | null;
        evidence: { kind: string; ids?: string[] }[];
      }
      const alertsOf = async (who: Client) => {
        const list = await who.get(`${base(p)}/alerts`);
        expect(list.statusCode, list.body).toBe(200);
        return list.json<{ alerts: Alert[] }>().alerts;
      };
      const seen = (await alertsOf(team.prescriber)).find(
        (a) => a.signalId === 'SIG-RED-FLAG/self-harm',
      );
      expect(seen).toMatchObject({ crisis: true, categories: ['questionnaires'] });
      expect(seen?.clinicianText).toEqual(expect.any(String));
      expect(seen?.evidence).toEqual([
        expect.objectContaining({ kind: 'questionnaire', ids: [response.id] }),
      ]);
      // A clinician without the questionnaires consent does not see it.
      expect((await alertsOf(team.checkinsOnly)).map((a) => a.signalId)).not.toContain(
        'SIG-RED-FLAG/self-harm',
      );
      // The patient sees their own crisis message among their alerts too.
      const own = (await alertsOf(p)).find((a) => a.signalId === 'SIG-RED-FLAG/self-harm');
      expect(own?.patientText).toEqual(expect.any(String));
      expect(own?.clinicianText).toBeNull();
    });

    it('lists answers oldest first for trends, by instrument and local dates', async () => {
      team.h.clock.set('2026-03-01T15:00:00Z');
      const p = await patient();
      const at = ['2026-03-01T15:00:00Z', '2026-03-08T15:00:00Z', '2026-03-15T15:00:00Z'];
      const ids: string[] = [];
      for (const [i, instant] of at.entries()) {
        team.h.clock.set(instant);
        const res = await answer(p, 'peg', { 'peg-p': 8 - i, 'peg-e': 5, 'peg-g': 5 });
        expect(res.statusCode, res.body).toBe(201);
        ids.push(res.json<{ response: ResponseView }>().response.id);
        await answer(p, 'gad7', GAD7_ANSWERS);
      }
      const pegs = await responsesOf(team.prescriber, p, '?instrumentId=peg');
      expect(pegs.map((r) => r.id)).toEqual(ids);
      expect(pegs.map((r) => r.score.total)).toEqual([6, 17 / 3, 16 / 3]);
      expect(await responsesOf(p, p)).toHaveLength(6);
      // Local dates, inclusive: the 8th only.
      const week = await responsesOf(p, p, '?instrumentId=peg&from=2026-03-08&to=2026-03-08');
      expect(week.map((r) => r.id)).toEqual([ids[1]]);
      // The default range ends today (later answers are left out) ...
      team.h.clock.set('2026-03-08T16:00:00Z');
      expect((await responsesOf(p, p, '?instrumentId=peg')).map((r) => r.id)).toEqual(
        ids.slice(0, 2),
      );
      // ... and covers the 365 local days up to it: on 2027-03-01, from 2026-03-02.
      team.h.clock.set('2027-03-01T14:00:00Z');
      expect((await responsesOf(p, p, '?instrumentId=peg')).map((r) => r.id)).toEqual(ids.slice(1));
      const error = expectError(
        await p.get(`${base(p)}/questionnaire-responses?from=2026-03-10&to=2026-03-01`),
        400,
        'STEADY_ERR_VALIDATION',
      );
      expect(error.details).toEqual([expect.objectContaining({ path: '/querystring/to' })]);
    });

    it("records members' reads in the patient's access log", async () => {
      team.h.clock.set('2026-03-10T15:00:00Z');
      const p = await patient();
      await assignmentsOf(team.prescriber, p);
      await dueOf(team.prescriber, p);
      const log = await p.get(`${base(p)}/access-log`);
      const entries = log.json<{ entries: { action: string; category: string | null }[] }>()
        .entries;
      expect(entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'questionnaire-assignments.read',
            category: 'questionnaires',
          }),
          expect.objectContaining({ action: 'questionnaires.read', category: 'questionnaires' }),
        ]),
      );
    });
  },
  ENV,
);
