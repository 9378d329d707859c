import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { CONSENT_DEFAULTS, FULL_CONSENT } from '../careteam/consent.js';
import { auditLog } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { addClinician, caregiverOf, clinicTeam, link, PHARMACY_TEAM } from '../testing/careteam.js';
import { regimenBody, registerPatient, type Client } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface Mark {
  reviewId: string;
  decision: string;
  note: string | null;
  classIds: string[];
  by: { id: string };
}

interface Flag {
  classId: string;
  name: string;
  severity: string | null;
  advice: string;
  matched: string[];
  sources: { id: string; status: string }[];
}

interface FlaggedMedication {
  id: string;
  name: string;
  flags: Flag[];
  lastReconciliation: Mark | null;
  lastInteractionReview: Mark | null;
  interactionReviewCurrent: boolean;
}

interface ReviewList {
  medications: FlaggedMedication[];
  highestSeverity: string | null;
  regimen: { name: string | null; lastReconciliation: Mark | null };
  lastReview: { id: string } | null;
}

interface Review {
  id: string;
  kind: string;
  items: {
    medicationId: string | null;
    name: string;
    decision: string;
    classIds: string[];
    note: string | null;
  }[];
  note: string | null;
  reviewedAt: string;
  reviewedBy: { id: string; displayName: string };
}

/** The harness clock's start. */
const NOW = '2026-03-10T12:00:00.000Z';

describeOnDatabases('pharmacy: interaction flags and medication reviews', (harness) => {
  const team = clinicTeam(harness, 'Review Clinic', PHARMACY_TEAM);

  /** A patient with a regimen, an opioid and a vitamin on the list, and the team linked. */
  async function setup() {
    const patient = await registerPatient(team.h.app, { displayName: 'Rae Review' });
    const base = `/api/patients/${patient.userId}`;
    expect((await patient.post(`${base}/regimen`, regimenBody('2026-03-01'))).statusCode).toBe(201);
    // Entered a few minutes apart, so the list has a stable order.
    team.h.clock.set('2026-03-10T11:50:00.000Z');
    const add = async (name: string) => {
      team.h.clock.advance(1000);
      const res = await patient.post(`${base}/medications`, { name, dose: '5 mg' });
      expect(res.statusCode).toBe(201);
      return res.json<{ medication: { id: string } }>().medication.id;
    };
    const oxycodone = await add('Oxycodone 5 mg tablets');
    const vitamin = await add('Vitamin D 1000 IU');
    team.h.clock.set(NOW);
    await link(patient, team.pharmacist);
    await link(patient, team.prescriber, FULL_CONSENT);
    return { patient, base, oxycodone, vitamin };
  }

  const reviewList = async (as: Client, base: string) => {
    const res = await as.get(`${base}/medications/review`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ReviewList>();
  };
  const post = async (as: Client, base: string, body: object) => {
    const res = await as.post(`${base}/medication-reviews`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ review: Review }>().review;
  };

  it('flags an opioid (critical, with sources) and leaves a vitamin unflagged', async () => {
    const { patient, base, oxycodone, vitamin } = await setup();
    const list = await reviewList(team.pharmacist, base);
    expect(list.highestSeverity).toBe('critical');
    expect(list.regimen).toEqual({
      name: 'Diazepam 5 mg tablet (regimen)',
      lastReconciliation: null,
    });
    expect(list.lastReview).toBeNull();
    const [opioid, plain] = list.medications;
    expect(opioid).toMatchObject({ id: oxycodone, lastInteractionReview: null });
    expect(opioid?.interactionReviewCurrent).toBe(false);
    expect(opioid?.flags.map((f) => [f.classId, f.severity])).toEqual([['opioids', 'critical']]);
    expect(opioid?.flags[0]?.matched).toEqual(['Oxycodone']);
    expect(opioid?.flags[0]?.sources.map((s) => s.id)).toEqual(
      expect.arrayContaining(['LABEL-TAB', 'FDA-DSC-2016']),
    );
    // Clinicians read the clinician wording; the patient (and a caregiver) the patient's.
    expect(opioid?.flags[0]?.advice).toMatch(/^Boxed warning/);
    expect(plain).toMatchObject({ id: vitamin, flags: [] });

    const own = await reviewList(patient, base);
    expect(own.medications[0]?.flags[0]?.advice).toMatch(/Tell your prescriber and pharmacist/);
    const { caregiver } = await caregiverOf(team.h, patient);
    const theirs = await reviewList(caregiver, base);
    expect(theirs.medications[0]?.flags[0]?.advice).toBe(own.medications[0]?.flags[0]?.advice);

    // The existing list keeps its contract.
    const plainList = await team.pharmacist.get(`${base}/medications`);
    expect(Object.keys(plainList.json<{ medications: object[] }>().medications[0] ?? {})).toEqual([
      'id',
      'name',
      'dose',
      'frequency',
      'active',
      'createdAt',
    ]);
  });

  it('records an interaction review, filling the flagged classes from the data', async () => {
    const { patient, base, oxycodone } = await setup();
    const review = await post(team.pharmacist, base, {
      kind: 'interaction',
      items: [{ medicationId: oxycodone, decision: 'refer', note: 'Naloxone offered?' }],
      note: 'Opioid with diazepam',
    });
    expect(review).toMatchObject({
      kind: 'interaction',
      items: [
        {
          medicationId: oxycodone,
          name: 'Oxycodone 5 mg tablets',
          decision: 'refer',
          classIds: ['opioids'],
          note: 'Naloxone offered?',
        },
      ],
      note: 'Opioid with diazepam',
      reviewedAt: '2026-03-10T12:00:00.000Z',
      reviewedBy: { id: team.pharmacist.userId, displayName: 'Pat Pharmacist' },
    });
    const list = await reviewList(team.prescriber, base);
    expect(list.medications[0]?.lastInteractionReview).toMatchObject({
      reviewId: review.id,
      decision: 'refer',
      classIds: ['opioids'],
      by: { id: team.pharmacist.userId },
    });
    expect(list.medications[0]?.interactionReviewCurrent).toBe(true);
    expect(list.lastReview?.id).toBe(review.id);
    const all = await patient.get(`${base}/medication-reviews`);
    expect(all.json<{ reviews: Review[] }>().reviews.map((r) => r.id)).toEqual([review.id]);
  });

  it('applies a reconciliation through the medication list: stop, add, change, confirm', async () => {
    const { patient, base, oxycodone, vitamin } = await setup();
    const review = await post(team.pharmacist, base, {
      kind: 'reconciliation',
      items: [
        { medicationId: null, decision: 'confirmed' },
        { medicationId: vitamin, decision: 'stopped', note: 'Finished the course' },
        {
          medicationId: oxycodone,
          decision: 'changed',
          medication: { name: 'Oxycodone 10 mg tablets', dose: '10 mg', frequency: 'twice a day' },
        },
        {
          medicationId: null,
          decision: 'added',
          medication: { name: 'Gabapentin 300 mg', frequency: 'at night' },
          note: 'From the GP letter',
        },
      ],
    });
    const [regimen, stopped, changed, added] = review.items;
    expect(regimen).toEqual({
      medicationId: null,
      name: 'Diazepam 5 mg tablet (regimen)',
      decision: 'confirmed',
      classIds: [],
      note: null,
    });
    expect(stopped).toMatchObject({
      medicationId: vitamin,
      name: 'Vitamin D 1000 IU',
      classIds: [],
    });
    expect(changed).toMatchObject({
      medicationId: oxycodone,
      name: 'Oxycodone 10 mg tablets',
      classIds: ['opioids'],
    });
    expect(added).toMatchObject({ name: 'Gabapentin 300 mg', classIds: ['gabapentinoids'] });
    expect(added?.medicationId).toEqual(expect.any(String));

    // The list now reads as reconciled: the vitamin is inactive, gabapentin added.
    const meds = (await patient.get(`${base}/medications`)).json<{
      medications: { id: string; name: string; dose: string | null; active: boolean }[];
    }>().medications;
    expect(meds.map((m) => [m.name, m.dose, m.active])).toEqual([
      ['Oxycodone 10 mg tablets', '10 mg', true],
      ['Vitamin D 1000 IU', '5 mg', false],
      ['Gabapentin 300 mg', null, true],
    ]);
    const list = await reviewList(team.pharmacist, base);
    expect(list.medications.map((m) => m.name)).toEqual([
      'Oxycodone 10 mg tablets',
      'Gabapentin 300 mg',
    ]);
    expect(list.regimen.lastReconciliation).toMatchObject({
      reviewId: review.id,
      decision: 'confirmed',
    });
    expect(list.medications[1]?.lastReconciliation?.decision).toBe('added');

    const actions = (
      await team.h.database.db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.patientId, patient.userId), eq(auditLog.actorId, team.pharmacist.userId)),
        )
    ).map((a) => a.action);
    expect(actions.filter((a) => a.startsWith('medication')).sort()).toEqual([
      'medication-review.create',
      'medication.create',
      'medication.update',
      'medication.update',
    ]);
  });

  it('refuses items that do not fit the kind, and medications not on the patient’s list', async () => {
    const { patient, base, oxycodone, vitamin } = await setup();
    const other = await setup();
    const bad: [object, string][] = [
      [
        { kind: 'interaction', items: [{ medicationId: oxycodone, decision: 'stopped' }] },
        '/body/items/0/decision',
      ],
      [
        { kind: 'interaction', items: [{ medicationId: null, decision: 'acknowledged' }] },
        '/body/items/0/medicationId',
      ],
      [
        { kind: 'interaction', items: [{ medicationId: oxycodone, decision: 'refer' }] },
        '/body/items/0/note',
      ],
      [
        { kind: 'reconciliation', items: [{ medicationId: vitamin, decision: 'refer' }] },
        '/body/items/0/decision',
      ],
      [
        { kind: 'reconciliation', items: [{ medicationId: null, decision: 'added' }] },
        '/body/items/0/medication',
      ],
      [
        {
          kind: 'reconciliation',
          items: [{ medicationId: vitamin, decision: 'added', medication: { name: 'X' } }],
        },
        '/body/items/0/medicationId',
      ],
      [
        { kind: 'reconciliation', items: [{ medicationId: null, decision: 'stopped' }] },
        '/body/items/0/decision',
      ],
      [
        { kind: 'reconciliation', items: [{ medicationId: null, decision: 'changed' }] },
        '/body/items/0/note',
      ],
      [
        { kind: 'reconciliation', items: [{ medicationId: vitamin, decision: 'changed' }] },
        '/body/items/0/note',
      ],
      [
        {
          kind: 'reconciliation',
          items: [{ medicationId: vitamin, decision: 'confirmed', medication: { name: 'Y' } }],
        },
        '/body/items/0/medication',
      ],
      [
        {
          kind: 'reconciliation',
          items: [
            { medicationId: vitamin, decision: 'confirmed' },
            { medicationId: vitamin, decision: 'stopped' },
          ],
        },
        '/body/items/1/medicationId',
      ],
      [
        {
          kind: 'reconciliation',
          items: [
            { medicationId: null, decision: 'confirmed' },
            { medicationId: null, decision: 'confirmed' },
          ],
        },
        '/body/items/1/medicationId',
      ],
      [{ kind: 'reconciliation', items: [] }, '/body/items'],
      [{ kind: 'audit', items: [{ medicationId: vitamin, decision: 'confirmed' }] }, '/body/kind'],
    ];
    for (const [body, path] of bad) {
      const error = expectError(
        await team.pharmacist.post(`${base}/medication-reviews`, body),
        400,
        'STEADY_ERR_VALIDATION',
        JSON.stringify(body),
      );
      expect(error.details, JSON.stringify(body)).toEqual(
        expect.arrayContaining([expect.objectContaining({ path })]),
      );
    }
    // Unknown ids, another patient's medication and a removed one: 404, nothing stored.
    const removed = await patient.delete(`${base}/medications/${vitamin}`);
    expect(removed.statusCode).toBe(204);
    for (const medicationId of [randomUUID(), other.oxycodone, vitamin]) {
      expectError(
        await team.pharmacist.post(`${base}/medication-reviews`, {
          kind: 'reconciliation',
          items: [
            { medicationId: oxycodone, decision: 'stopped' },
            { medicationId, decision: 'confirmed' },
          ],
        }),
        404,
        'STEADY_ERR_NOT_FOUND',
      );
    }
    const reviews = (await team.pharmacist.get(`${base}/medication-reviews`)).json<{
      reviews: [];
    }>();
    expect(reviews.reviews).toEqual([]);
    expect((await reviewList(team.pharmacist, base)).medications.map((m) => m.id)).toEqual([
      oxycodone,
    ]);
  });

  it('lets only pharmacists and prescribers with the consent record reviews', async () => {
    const { patient, base, oxycodone } = await setup();
    const body = {
      kind: 'interaction',
      items: [{ medicationId: oxycodone, decision: 'acknowledged' }],
    };
    expectError(
      await patient.post(`${base}/medication-reviews`, body),
      403,
      'STEADY_ERR_FORBIDDEN',
    );
    const withoutMeds = await addClinician(team.h, team.clinic, 'pharmacist', 'No Meds Pharmacist');
    await link(patient, withoutMeds, { ...CONSENT_DEFAULTS.pharmacist, medications: false });
    const psychologist = await addClinician(team.h, team.clinic, 'psychologist', 'Psy Reader');
    await link(patient, psychologist, { ...CONSENT_DEFAULTS.psychologist, medications: true });
    const { caregiver } = await caregiverOf(team.h, patient);

    for (const path of ['medications/review', 'medication-reviews']) {
      expectError(await withoutMeds.get(`${base}/${path}`), 404, 'STEADY_ERR_NOT_FOUND');
      expect((await psychologist.get(`${base}/${path}`)).statusCode).toBe(200);
      expect((await caregiver.get(`${base}/${path}`)).statusCode).toBe(200);
    }
    for (const member of [withoutMeds, psychologist, caregiver]) {
      expectError(
        await member.post(`${base}/medication-reviews`, body),
        404,
        'STEADY_ERR_NOT_FOUND',
      );
    }
    await post(team.prescriber, base, body);
    const reviews = (await patient.get(`${base}/medication-reviews`)).json<{ reviews: Review[] }>();
    expect(reviews.reviews.map((r) => r.reviewedBy.id)).toEqual([team.prescriber.userId]);
  });
});
