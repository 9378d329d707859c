/**
 * `$everything` and reads by id follow the patient's consent: a member gets only the
 * categories the patient shares (the others are named in an outcome entry), single reads of
 * hidden records are 404, and every error under /fhir is an OperationOutcome.
 */
import { randomUUID } from 'node:crypto';
import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import { beforeAll, expect, it } from 'vitest';
import { CONSENT_DEFAULTS, NO_CONSENT } from '../careteam/consent.js';
import type { SeededPatient } from '../http/routes.test-helpers.js';
import { addClinician, createClinicFixture, link } from '../testing/careteam.js';
import { registerPatient, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import {
  everythingOf,
  expectOutcome,
  resourcesOf,
  seedFhirPatient,
  typesOf,
} from './fhir.test-helpers.js';
import { bundleErrors } from './validate.test-helpers.js';

describeOnDatabases('FHIR consent and errors', (harness) => {
  let h: Harness;
  let p: SeededPatient;
  let pharmacist: Client;
  let unconsented: Client;
  let other: Client;
  let own: Bundle;

  beforeAll(async () => {
    h = harness();
    p = await seedFhirPatient(h, 'consentsecret');
    const clinic = await createClinicFixture(h, 'Consent clinic');
    pharmacist = await addClinician(h, clinic, 'pharmacist', 'Pharmacist Default');
    await link(p.client, pharmacist, CONSENT_DEFAULTS.pharmacist);
    unconsented = await addClinician(h, clinic, 'prescriber', 'Dr. Nothing Shared');
    await link(p.client, unconsented, NO_CONSENT);
    other = await registerPatient(h.app);
    const mine = await everythingOf(p.client, p.client.userId);
    if (mine.bundle === null) throw new Error(mine.res.body);
    own = mine.bundle;
  });

  const idOf = (bundle: Bundle, type: string) =>
    resourcesOf(bundle).find((r) => r.resourceType === type)?.id ?? '';

  it('gives a pharmacist (medications and messages shared) only those, and names the rest', async () => {
    const { res, bundle } = await everythingOf(pharmacist, p.client.userId);
    expect(res.statusCode, res.body).toBe(200);
    expect(bundleErrors(bundle as Bundle)).toEqual([]);
    const types = typesOf(bundle);
    expect(types).toEqual(
      expect.arrayContaining([
        'Patient',
        'MedicationRequest',
        'MedicationAdministration',
        'Communication',
      ]),
    );
    for (const hidden of ['QuestionnaireResponse', 'Questionnaire', 'Observation']) {
      expect(types).not.toContain(hidden);
    }
    // Techniques are not shared: the exercise care plan is left out, the taper kept.
    const plans = resourcesOf(bundle).filter((r) => r.resourceType === 'CarePlan');
    expect(plans.map((c) => c.id?.split('-')[0])).toEqual(['taper']);
    const outcome = bundle?.entry?.find((e) => e.search?.mode === 'outcome')
      ?.resource as OperationOutcome;
    expect(outcome.issue.map((i) => i.diagnostics)).toEqual([
      expect.stringContaining('checkins'),
      expect.stringContaining('questionnaires'),
      expect.stringContaining('techniques'),
    ]);
    expect(res.body).not.toContain('Note consentsecret');
  });

  it('refuses the pharmacist a single read of what is not shared (404), allows the rest', async () => {
    for (const type of ['QuestionnaireResponse', 'Observation']) {
      const res = await pharmacist.get(`/fhir/${type}/${idOf(own, type)}`);
      expectOutcome(res, 404, 'not-found');
    }
    const request = await pharmacist.get(
      `/fhir/MedicationRequest/${idOf(own, 'MedicationRequest')}`,
    );
    expect(request.statusCode).toBe(200);
  });

  it('hides everything when consent is withdrawn, at once', async () => {
    const team = await p.client.get(`/api/patients/${p.client.userId}/care-team`);
    const link = team
      .json<{ members: { linkId: string; member: { id: string } }[] }>()
      .members.find((m) => m.member.id === pharmacist.userId);
    const res = await p.client.put(
      `/api/patients/${p.client.userId}/care-team/${link?.linkId ?? ''}/consent`,
      { consent: { ...CONSENT_DEFAULTS.pharmacist, medications: false } },
    );
    expect(res.statusCode, res.body).toBe(200);
    const { bundle } = await everythingOf(pharmacist, p.client.userId);
    expect(typesOf(bundle)).not.toContain('MedicationRequest');
    const read = await pharmacist.get(`/fhir/MedicationRequest/${idOf(own, 'MedicationRequest')}`);
    expectOutcome(read, 404, 'not-found');
  });

  it('answers 404 OperationOutcome to a member with nothing shared and to another patient', async () => {
    for (const caller of [unconsented, other]) {
      expectOutcome((await everythingOf(caller, p.client.userId)).res, 404, 'not-found');
      const read = await caller.get(`/fhir/MedicationRequest/${idOf(own, 'MedicationRequest')}`);
      expectOutcome(read, 404, 'not-found');
      expect(read.body).not.toContain('consentsecret');
    }
    // The linked member sees who the patient is; another patient does not.
    const patient = await unconsented.get(`/fhir/Patient/${p.client.userId}`);
    expect(patient.statusCode).toBe(200);
    expect(patient.json()).not.toHaveProperty('birthDate');
    expectOutcome(await other.get(`/fhir/Patient/${p.client.userId}`), 404, 'not-found');
  });

  it('answers 401 OperationOutcome to anonymous callers, but serves metadata', async () => {
    for (const url of [
      `/fhir/Patient/${p.client.userId}/$everything`,
      `/fhir/MedicationRequest/${idOf(own, 'MedicationRequest')}`,
    ]) {
      expectOutcome(await h.app.inject({ method: 'GET', url }), 401, 'login');
    }
    expect((await h.app.inject({ method: 'GET', url: '/fhir/metadata' })).statusCode).toBe(200);
  });

  it('answers 404 to unknown ids, types and paths, and 400 naming a malformed id', async () => {
    for (const url of [
      `/fhir/MedicationRequest/regimen-${randomUUID()}`,
      `/fhir/MedicationRequest/dose-${randomUUID()}`,
      `/fhir/Observation/checkin-${randomUUID()}-nothing`,
      `/fhir/Questionnaire/steady-bpi`,
      `/fhir/Encounter/${randomUUID()}`,
      `/fhir/Patient/me/$everything`,
      '/fhir/nothing/here/at/all',
    ]) {
      expectOutcome(await p.client.get(url), 404, 'not-found');
    }
    const bad = await p.client.get('/fhir/Observation/has%20spaces');
    expectOutcome(bad, 400, 'invalid');
    const outcome = bad.json<OperationOutcome>();
    expect(outcome.issue[0]?.expression).toEqual(['/params/id']);
    expect(outcome.issue[0]?.details?.coding?.[0]?.code).toBe('STEADY_ERR_VALIDATION');
  });
});
