import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_DEFAULTS, FULL_CONSENT, type ConsentMap } from '../careteam/consent.js';
import { alerts, auditLog } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import {
  addClinician,
  caregiverOf,
  createClinicFixture,
  link,
  revoke,
  type ClinicFixture,
} from '../testing/careteam.js';
import { checkInBody, registerPatient, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { messageRequests, type Message, type Thread } from './messages.test-helpers.js';
import { threadIdFor } from './service.js';

const NO_MESSAGES: ConsentMap = { ...FULL_CONSENT, messages: false };

describeOnDatabases('messages', (harness) => {
  let h: Harness;
  let clinic: ClinicFixture;
  let patient: Client;
  let doctor: Client;
  let therapist: Client;
  let therapistLink: string;
  let pharmacist: Client;
  let caregiver: Client;
  let caregiverLink: string;
  let other: Client;
  let base: string;

  const { minute, listOf, threadOf, unread, start, post, markRead, notFound } = messageRequests(
    () => ({ h, base }),
  );

  beforeAll(async () => {
    h = harness();
    clinic = await createClinicFixture(h, 'Message Clinic');
    doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Message');
    therapist = await addClinician(h, clinic, 'physical_therapist', 'Pat Therapist');
    pharmacist = await addClinician(h, clinic, 'pharmacist', 'No Messages Pharmacist');
    patient = await registerPatient(h.app, { displayName: 'Mia Messages' });
    other = await registerPatient(h.app, { displayName: 'Otto Other' });
    base = `/api/patients/${patient.userId}`;
    await link(patient, doctor, FULL_CONSENT);
    therapistLink = await link(patient, therapist);
    await link(patient, pharmacist, NO_MESSAGES);
    ({ caregiver, linkId: caregiverLink } = await caregiverOf(h, patient));
  });

  describe('visibility', () => {
    let team: Thread;
    let selected: Thread;
    let checkInId: string;

    beforeAll(async () => {
      const res = await patient.post(`${base}/checkins`, checkInBody());
      checkInId = res.json<{ checkIn: { id: string } }>().checkIn.id;
      minute();
      team = await start(patient, {
        subject: 'Dizzy this morning',
        body: 'I felt dizzy after the morning dose.',
        context: { kind: 'check-in', refId: checkInId, summary: 'Check-in of 10 Mar' },
      });
      minute();
      selected = await start(patient, {
        subject: 'For the doctor only',
        body: 'Can we talk about the evening dose?',
        audience: 'selected',
        participantIds: [doctor.userId],
      });
    });

    it('lists who a team thread reaches: the patient and members with messages consent', async () => {
      const { team: roster } = await listOf(patient);
      expect(roster.map((p) => [p.displayName, p.memberKind])).toEqual([
        ['Mia Messages', 'patient'],
        ['Casey Caregiver', 'caregiver'],
        ['Dr. Message', 'prescriber'],
        ['Pat Therapist', 'physical_therapist'],
      ]);
      expect(team).toMatchObject({
        audience: 'team',
        subject: 'Dizzy this morning',
        context: { kind: 'check-in', refId: checkInId, summary: 'Check-in of 10 Mar' },
        createdBy: { id: patient.userId },
        unread: 0,
      });
      expect(team.participants.map((p) => p.id)).toEqual(roster.map((p) => p.id));
      expect(selected.participants.map((p) => p.displayName)).toEqual([
        'Mia Messages',
        'Dr. Message',
      ]);
    });

    it('shows the team thread to every member with consent, the selected one only to those listed', async () => {
      expect((await listOf(patient)).threads.map((t) => t.id)).toEqual([selected.id, team.id]);
      expect((await listOf(doctor)).threads.map((t) => t.id)).toEqual([selected.id, team.id]);
      expect((await listOf(therapist)).threads.map((t) => t.id)).toEqual([team.id]);
      expect((await listOf(caregiver)).threads.map((t) => t.id)).toEqual([team.id]);
      await notFound(therapist.get(`${base}/threads/${selected.id}`));
      await notFound(caregiver.get(`${base}/threads/${selected.id}`));
      await notFound(
        therapist.post(`${base}/threads/${selected.id}/messages`, {
          idempotencyKey: randomUUID(),
          body: 'Let me in',
        }),
      );
      await notFound(
        therapist.post(`${base}/threads/${selected.id}/read`, { upTo: h.clock.now() }),
      );
      const seen = await threadOf(doctor, selected.id);
      expect(seen.messages.map((m) => [m.author.id, m.body])).toEqual([
        [patient.userId, 'Can we talk about the evening dose?'],
      ]);
    });

    it('refuses members without messages consent, other patients and strangers with 404', async () => {
      const elsewhere = await addClinician(h, clinic, 'prescriber', 'Dr. Stranger');
      for (const caller of [pharmacist, other, elsewhere, clinic.admin]) {
        await notFound(caller.get(`${base}/threads`));
        await notFound(caller.get(`${base}/threads/${team.id}`));
        await notFound(
          caller.post(`${base}/threads/${team.id}/messages`, {
            idempotencyKey: randomUUID(),
            body: 'Intruder',
          }),
        );
      }
      // Another patient's path with this thread's id: 404 as well.
      await notFound(other.get(`/api/patients/${other.userId}/threads/${team.id}`));
    });

    it('lets a member start a selected thread: the patient always takes part', async () => {
      minute();
      const thread = await start(doctor, {
        subject: 'Physio plan',
        body: 'Pat, can you see Mia next week?',
        audience: 'selected',
        participantIds: [therapist.userId],
      });
      expect(thread.participants.map((p) => p.displayName)).toEqual([
        'Mia Messages',
        'Dr. Message',
        'Pat Therapist',
      ]);
      expect((await listOf(patient)).threads[0]?.id).toBe(thread.id);
      expect((await listOf(therapist)).threads[0]?.id).toBe(thread.id);
      expect((await listOf(caregiver)).threads.map((t) => t.id)).not.toContain(thread.id);
      // A member without a list starts a private thread with the patient.
      const own = await start(caregiver, { audience: 'selected', subject: 'Shopping' });
      expect(own.participants.map((p) => p.displayName)).toEqual([
        'Mia Messages',
        'Casey Caregiver',
      ]);
      expect((await listOf(doctor)).threads.map((t) => t.id)).not.toContain(own.id);
    });

    it('hides every thread at once when the patient withdraws the messages consent', async () => {
      const withdrawn = { ...CONSENT_DEFAULTS.physical_therapist, messages: false };
      const url = `${base}/care-team/${therapistLink}/consent`;
      expect((await patient.put(url, { consent: withdrawn })).statusCode).toBe(200);
      await notFound(therapist.get(`${base}/threads`));
      await notFound(therapist.get(`${base}/threads/${team.id}`));
      expect(await unread(therapist)).toEqual({ unread: 0, patients: [] });
      // Nor is the therapist listed as someone a thread reaches.
      const names = (await listOf(doctor)).team.map((p) => p.displayName);
      expect(names).not.toContain('Pat Therapist');
      const restored = await patient.put(url, { consent: CONSENT_DEFAULTS.physical_therapist });
      expect(restored.statusCode).toBe(200);
      expect((await listOf(therapist)).threads.map((t) => t.id)).toContain(team.id);
    });
  });

  describe('unread counts', () => {
    let thread: Thread;
    let reply: Message;

    beforeAll(async () => {
      minute();
      thread = await start(patient, { subject: 'Counting', body: 'First' });
    });

    it('counts messages by others the reader has not read, never their own', async () => {
      const forDoctor = (await listOf(doctor)).threads.find((t) => t.id === thread.id);
      expect(forDoctor).toMatchObject({ unread: 1, lastReadAt: null });
      expect((await listOf(patient)).threads.find((t) => t.id === thread.id)?.unread).toBe(0);
      minute();
      reply = await post(doctor, thread.id, 'Second, from the doctor');
      const forPatient = (await listOf(patient)).threads.find((t) => t.id === thread.id);
      expect(forPatient).toMatchObject({
        unread: 1,
        lastMessage: { authorId: doctor.userId, preview: 'Second, from the doctor' },
      });
      // The doctor's own post marks the thread read for them.
      expect((await listOf(doctor)).threads.find((t) => t.id === thread.id)?.unread).toBe(0);
      expect((await listOf(caregiver)).threads.find((t) => t.id === thread.id)?.unread).toBe(2);
    });

    it('sums the global counter over visible threads, and clears it on reading', async () => {
      const before = await unread(caregiver);
      expect(before.patients).toEqual([{ patientId: patient.userId, unread: before.unread }]);
      const { messages } = await threadOf(caregiver, thread.id);
      expect(messages.map((m) => m.body)).toEqual(['First', 'Second, from the doctor']);
      // Reading up to the first message leaves the second unread.
      const half = await markRead(caregiver, thread.id, messages[0]?.createdAt ?? '');
      expect(half.unread).toBe(1);
      expect((await unread(caregiver)).unread).toBe(before.unread - 1);
      const done = await markRead(caregiver, thread.id, reply.createdAt);
      expect(done).toMatchObject({ unread: 0, lastReadAt: reply.createdAt });
      expect((await unread(caregiver)).unread).toBe(before.unread - 2);
      // A mark never moves back, nor past the present.
      const back = await markRead(caregiver, thread.id, '2020-01-01T00:00:00.000Z');
      expect(back.lastReadAt).toBe(reply.createdAt);
      const future = await markRead(caregiver, thread.id, '2099-01-01T00:00:00.000Z');
      expect(future.lastReadAt).toBe(h.clock.now().toISOString());
    });

    it("counts the patient's own threads for the patient", async () => {
      const own = await unread(patient);
      const threads = (await listOf(patient)).threads;
      const sum = threads.reduce((n, t) => n + t.unread, 0);
      expect(own.unread).toBe(sum);
      expect(own.unread).toBeGreaterThan(0);
      for (const t of threads.filter((x) => x.unread > 0)) {
        const { messages } = await threadOf(patient, t.id);
        await markRead(patient, t.id, messages.at(-1)?.createdAt ?? '');
      }
      expect(await unread(patient)).toEqual({ unread: 0, patients: [] });
    });

    it('never counts what the caller may not see', async () => {
      // The doctor's selected thread with the patient: nothing for the therapist or caregiver.
      minute();
      const secret = await start(patient, {
        audience: 'selected',
        participantIds: [doctor.userId],
        body: 'Only for the doctor',
      });
      const therapistBefore = (await unread(therapist)).unread;
      const caregiverBefore = (await unread(caregiver)).unread;
      minute();
      await post(patient, secret.id, 'Still only for the doctor');
      expect((await unread(therapist)).unread).toBe(therapistBefore);
      expect((await unread(caregiver)).unread).toBe(caregiverBefore);
      expect((await unread(doctor)).unread).toBeGreaterThan(0);
      // No consent, no link, another role: nothing at all.
      for (const caller of [pharmacist, other, clinic.admin]) {
        expect(await unread(caller)).toEqual({ unread: 0, patients: [] });
      }
      const anonymous = await h.app.inject({ method: 'GET', url: '/api/messages/unread' });
      expectError(anonymous, 401, 'STEADY_ERR_UNAUTHENTICATED');
    });
  });

  describe('idempotency and context', () => {
    it('answers a retried post with the same message, a reused key with 409', async () => {
      const thread = await start(patient, { subject: 'Retry' });
      const key = randomUUID();
      const url = `${base}/threads/${thread.id}/messages`;
      const first = await caregiver.post(url, { idempotencyKey: key, body: 'Once' });
      expect(first.statusCode).toBe(201);
      const again = await caregiver.post(url, { idempotencyKey: key, body: 'Once' });
      expect(again.statusCode).toBe(200);
      expect(again.json<{ message: Message }>().message.id).toBe(
        first.json<{ message: Message }>().message.id,
      );
      expectError(
        await caregiver.post(url, { idempotencyKey: key, body: 'Twice' }),
        409,
        'STEADY_ERR_IDEMPOTENCY_CONFLICT',
      );
      expectError(
        await doctor.post(url, { idempotencyKey: key, body: 'Once' }),
        409,
        'STEADY_ERR_IDEMPOTENCY_CONFLICT',
      );
      const { messages } = await threadOf(patient, thread.id);
      expect(messages.filter((m) => m.body === 'Once')).toHaveLength(1);
    });

    it('answers a retried new thread with the same thread', async () => {
      const body = {
        idempotencyKey: randomUUID(),
        subject: 'Retried',
        body: 'Only once please',
        audience: 'team',
      };
      const first = await patient.post(`${base}/threads`, body);
      const again = await patient.post(`${base}/threads`, body);
      expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
      const id = first.json<{ thread: Thread }>().thread.id;
      expect(id).toBe(threadIdFor(patient.userId, patient.userId, body.idempotencyKey));
      expect(again.json<{ thread: Thread }>().thread.id).toBe(id);
      expectError(
        await patient.post(`${base}/threads`, { ...body, subject: 'Something else' }),
        409,
        'STEADY_ERR_IDEMPOTENCY_CONFLICT',
      );
      expect((await threadOf(patient, id)).messages).toHaveLength(1);
      // The same key from another author is another thread.
      const theirs = await doctor.post(`${base}/threads`, body);
      expect(theirs.statusCode).toBe(201);
      expect(theirs.json<{ thread: Thread }>().thread.id).not.toBe(id);
    });

    it("attaches only this patient's records, of the kind named", async () => {
      const checkIn = (await patient.post(`${base}/checkins`, checkInBody())).json<{
        checkIn: { id: string };
      }>().checkIn.id;
      const otherCheckIn = (
        await other.post(`/api/patients/${other.userId}/checkins`, checkInBody())
      ).json<{ checkIn: { id: string } }>().checkIn.id;
      const context = (kind: string, refId: string | null) => ({
        context: { kind, refId, summary: 'Attached' },
      });
      const refused = async (body: object) => {
        const res = await patient.post(`${base}/threads`, {
          subject: 'Context',
          body: 'See attached',
          audience: 'team',
          ...body,
        });
        const error = expectError(res, 400, 'STEADY_ERR_VALIDATION');
        expect(error.details).toEqual([expect.objectContaining({ path: '/body/context/refId' })]);
      };
      await refused(context('check-in', otherCheckIn));
      await refused(context('check-in', randomUUID()));
      await refused(context('dose', checkIn));
      await refused(context('alert', checkIn));
      await refused(context('check-in', null));
      await refused(context('questionnaire', randomUUID()));
      const sideEffect = await start(patient, context('side-effect', checkIn));
      expect(sideEffect.context).toEqual({
        kind: 'side-effect',
        refId: checkIn,
        summary: 'Attached',
      });
      const named = await start(patient, context('side-effect', null));
      expect(named.context?.refId).toBeNull();
      // Members write without a context: "tell my care team" is the patient's.
      expectError(
        await doctor.post(`${base}/threads`, {
          subject: 'Context',
          body: 'From the doctor',
          audience: 'team',
          ...context('check-in', checkIn),
        }),
        403,
        'STEADY_ERR_FORBIDDEN',
      );
    });

    it('attaches an alert the patient was shown, never a clinician-only one', async () => {
      await patient.post(
        `${base}/checkins`,
        checkInBody({
          sideEffects: {
            drowsiness: 'severe',
            dizziness: 'none',
            unsteadiness: 'none',
            confusion: 'none',
          },
        }),
      );
      await patient.put(`${base}/profile`, { dateOfBirth: '1950-01-01', sleepApnea: true });
      expect((await patient.get(`${base}/alerts`)).statusCode).toBe(200);
      const rows = await h.database.db
        .select({ id: alerts.id, audience: alerts.audience })
        .from(alerts)
        .where(eq(alerts.patientId, patient.userId));
      const shown = rows.find((r) => r.audience !== 'clinician');
      const hidden = rows.find((r) => r.audience === 'clinician');
      if (shown === undefined || hidden === undefined) throw new Error('expected both alerts');
      const body = (refId: string) => ({
        subject: 'About an alert',
        body: 'Should I worry?',
        audience: 'team',
        context: { kind: 'alert', refId, summary: 'Alert' },
      });
      expect((await patient.post(`${base}/threads`, body(shown.id))).statusCode).toBe(201);
      expectError(
        await patient.post(`${base}/threads`, body(hidden.id)),
        400,
        'STEADY_ERR_VALIDATION',
      );
    });

    it('checks who a thread is addressed to', async () => {
      const send = (body: object) =>
        patient.post(`${base}/threads`, { subject: 'To', body: 'Hi', ...body });
      const paths = async (body: object) =>
        (
          expectError(await send(body), 400, 'STEADY_ERR_VALIDATION').details as { path: string }[]
        ).map((d) => d.path);
      expect(await paths({ audience: 'selected', participantIds: [pharmacist.userId] })).toEqual([
        '/body/participantIds/0',
      ]);
      expect(
        await paths({ audience: 'selected', participantIds: [doctor.userId, randomUUID()] }),
      ).toEqual(['/body/participantIds/1']);
      expect(await paths({ audience: 'selected', participantIds: [] })).toEqual([
        '/body/participantIds',
      ]);
      expect(await paths({ audience: 'team', participantIds: [doctor.userId] })).toEqual([
        '/body/participantIds',
      ]);
      expect(await paths({ audience: 'selected', participantIds: [other.userId] })).toEqual([
        '/body/participantIds/0',
      ]);
      const empty = await send({ audience: 'team', body: '   ' });
      expectError(empty, 400, 'STEADY_ERR_VALIDATION');
      const long = await send({ audience: 'team', body: 'x'.repeat(4001) });
      expectError(long, 400, 'STEADY_ERR_VALIDATION');
    });
  });

  describe('revocation and the record', () => {
    it("keeps a revoked member's messages for the patient, and shuts the member out", async () => {
      const thread = await start(patient, { subject: 'Before leaving' });
      minute();
      await post(caregiver, thread.id, 'Message from the caregiver');
      await revoke(patient, caregiverLink);
      await notFound(caregiver.get(`${base}/threads`));
      await notFound(caregiver.get(`${base}/threads/${thread.id}`));
      await notFound(
        caregiver.post(`${base}/threads/${thread.id}/messages`, {
          idempotencyKey: randomUUID(),
          body: 'After leaving',
        }),
      );
      expect(await unread(caregiver)).toEqual({ unread: 0, patients: [] });
      const { messages, thread: seen } = await threadOf(patient, thread.id);
      expect(messages.map((m) => [m.author.displayName, m.body])).toContainEqual([
        'Casey Caregiver',
        'Message from the caregiver',
      ]);
      // No longer someone the thread reaches.
      expect(seen.participants.map((p) => p.displayName)).not.toContain('Casey Caregiver');
      expect((await threadOf(doctor, thread.id)).messages).toHaveLength(2);
    });

    it('audits every write with ids only, and logs member reads in the access log', async () => {
      const rows = await h.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.patientId, patient.userId), like(auditLog.action, 'message%')));
      const actions = new Set(rows.map((r) => r.action));
      expect(actions).toEqual(new Set(['message-thread.create', 'message.post']));
      const text = JSON.stringify(rows.map((r) => r.details));
      expect(text).not.toContain('Dizzy');
      expect(text).not.toContain('from the caregiver');
      const log = await patient.get(`${base}/access-log?limit=500`);
      const entries = log.json<{ entries: { action: string; category: string | null }[] }>()
        .entries;
      expect(entries).toContainEqual(
        expect.objectContaining({ action: 'threads.read', category: 'messages' }),
      );
    });
  });
});
