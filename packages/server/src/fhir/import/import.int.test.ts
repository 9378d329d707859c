/**
 * FHIR import of other medications: good, mixed and malformed bundles; the whole bundle or
 * nothing; interaction flags on what was added; who may import.
 */
import type { Bundle, BundleEntry, OperationOutcome } from '@medplum/fhirtypes';
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { CONSENT_DEFAULTS } from '../../careteam/consent.js';
import { auditLog } from '../../db/schema.js';
import { addClinician, caregiverOf, createClinicFixture, link } from '../../testing/careteam.js';
import { registerPatient, type Client, type Harness } from '../../testing/harness.js';
import { describeOnDatabases } from '../../testing/suites.js';
import { RXNORM } from '../codes.js';
import { sampleImportBundle } from '../samples.test-helpers.js';

interface Added {
  id: string | null;
  name: string;
  dose: string | null;
  frequency: string | null;
  flags: { classId: string; severity: string | null }[];
}
interface ImportAnswer {
  saved: boolean;
  added: Added[];
  skipped: { index: number; name: string | null; reason: string }[];
}

const url = (p: Client) => `/api/patients/${p.userId}/medications/fhir-import`;
const statement = (name: string, extra: Record<string, unknown> = {}): BundleEntry => ({
  resource: {
    resourceType: 'MedicationStatement',
    status: 'active',
    subject: { reference: 'Patient/x' },
    medicationCodeableConcept: { text: name },
    ...extra,
  } as never,
});
const bundle = (entry: unknown[]): Bundle =>
  ({ resourceType: 'Bundle', type: 'collection', entry }) as Bundle;

describeOnDatabases('FHIR medication import', (harness) => {
  let h: Harness;
  let p: Client;
  beforeAll(() => {
    h = harness();
  });
  beforeEach(async () => {
    p = await registerPatient(h.app);
  });

  const names = async (patient: Client) =>
    (await patient.get(`/api/patients/${patient.userId}/medications`)).json<{
      medications: { name: string; dose: string | null; frequency: string | null }[];
    }>().medications;

  it('adds the medications of a good bundle, with the list’s interaction flags', async () => {
    const res = await p.post(url(p), sampleImportBundle(['Oxycodone', 'Omeprazole']));
    expect(res.statusCode, res.body).toBe(201);
    const answer = res.json<ImportAnswer>();
    expect(answer.saved).toBe(true);
    expect(answer.added.map((a) => [a.name, a.dose, a.frequency])).toEqual([
      ['Oxycodone', '400 mg', '2 times a day'],
      ['Omeprazole', '20 mg once a day', null],
    ]);
    expect(answer.added[0]?.flags.map((f) => f.classId)).toContain('opioids');
    expect(answer.added.every((a) => a.id !== null)).toBe(true);
    expect((await names(p)).map((m) => m.name)).toEqual(['Oxycodone', 'Omeprazole']);
    const audits = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, p.userId), eq(auditLog.action, 'medication.fhir-import')));
    expect(audits.map((a) => a.details)).toEqual([{ added: 2, skipped: 0 }]);
  });

  it('previews without saving', async () => {
    const res = await p.post(`${url(p)}/preview`, sampleImportBundle(['Sertraline']));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ImportAnswer>()).toMatchObject({
      saved: false,
      added: [{ name: 'Sertraline', id: null }],
    });
    expect(await names(p)).toEqual([]);
  });

  it('imports a mixed bundle: skips diazepam, stopped, duplicate and listed entries, resolves references', async () => {
    await p.post(`/api/patients/${p.userId}/medications`, { name: 'Ibuprofen' });
    const res = await p.request({
      method: 'POST',
      url: url(p),
      headers: { 'content-type': 'application/fhir+json' },
      payload: JSON.stringify(
        bundle([
          { resource: { resourceType: 'Patient', id: 'x' } },
          {
            fullUrl: 'urn:uuid:med-1',
            resource: {
              resourceType: 'Medication',
              code: { coding: [{ system: RXNORM, code: '617314', display: 'Gabapentin 300 MG' }] },
            },
          },
          statement('', {
            medicationCodeableConcept: undefined,
            medicationReference: { reference: 'urn:uuid:med-1' },
          }),
          statement('', {
            medicationCodeableConcept: undefined,
            contained: [{ resourceType: 'Medication', id: 'm', code: { text: 'Baclofen' } }],
            medicationReference: { reference: '#m' },
          }),
          statement('Valium', {
            medicationCodeableConcept: {
              coding: [{ system: RXNORM, code: '197591', display: 'diazepam 5 MG Oral Tablet' }],
            },
          }),
          statement('Tramadol', { status: 'stopped' }),
          statement('ibuprofen'),
          statement('Baclofen'),
        ]),
      ),
    });
    expect(res.statusCode, res.body).toBe(201);
    const answer = res.json<ImportAnswer>();
    expect(answer.added.map((a) => a.name)).toEqual(['Gabapentin 300 MG', 'Baclofen']);
    expect(answer.skipped).toEqual([
      { index: 0, name: null, reason: 'other-type' },
      { index: 1, name: null, reason: 'other-type' },
      { index: 4, name: 'diazepam 5 MG Oral Tablet', reason: 'diazepam' },
      { index: 5, name: 'Tramadol', reason: 'not-current' },
      { index: 6, name: 'ibuprofen', reason: 'already-listed' },
      { index: 7, name: 'Baclofen', reason: 'duplicate' },
    ]);
    expect((await names(p)).map((m) => m.name)).toEqual([
      'Ibuprofen',
      'Gabapentin 300 MG',
      'Baclofen',
    ]);
  });

  it('refuses a malformed bundle with every problem and its path, and saves nothing', async () => {
    const good = statement('Paracetamol');
    const res = await p.post(
      url(p),
      bundle([
        good,
        'not an entry',
        { fullUrl: 'x' },
        statement('Naproxen', { status: undefined }),
        statement('Naproxen', { status: 'finished' }),
        {
          resource: {
            resourceType: 'MedicationRequest',
            status: 'active',
            medicationCodeableConcept: { text: 'X' },
          },
        },
        statement('', { medicationCodeableConcept: {} }),
        { resource: { resourceType: 'Observation', status: 'final' } },
      ]),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const outcome = res.json<OperationOutcome>();
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue.map((i) => [i.code, i.expression?.[0]])).toEqual([
      ['structure', 'Bundle.entry[1]'],
      ['required', 'Bundle.entry[2].resource'],
      ['required', 'Bundle.entry[3].resource.status'],
      ['code-invalid', 'Bundle.entry[4].resource.status'],
      ['required', 'Bundle.entry[5].resource.intent'],
      ['required', 'Bundle.entry[5].resource.subject'],
      ['required', 'Bundle.entry[6].resource.medication[x]'],
      ['not-supported', 'Bundle.entry[7].resource.resourceType'],
    ]);
    for (const i of outcome.issue) {
      expect(i.severity).toBe('error');
      expect(i.diagnostics?.length).toBeGreaterThan(0);
    }
    expect(await names(p)).toEqual([]);
  });

  it('refuses an empty bundle, and a body that is not a Bundle with the usual error', async () => {
    const empty = await p.post(url(p), bundle([]));
    expect(empty.statusCode).toBe(400);
    expect(empty.json<OperationOutcome>().issue[0]?.expression).toEqual(['Bundle.entry']);
    const notBundle = await p.post(url(p), { resourceType: 'Patient' });
    expect(notBundle.statusCode).toBe(400);
    expect(notBundle.json()).toMatchObject({ error: { code: 'STEADY_ERR_VALIDATION' } });
  });

  it('lets a pharmacist with medications consent import; not a caregiver or a prescriber', async () => {
    const clinic = await createClinicFixture(h, 'Import clinic');
    const pharmacist = await addClinician(h, clinic, 'pharmacist');
    await link(p, pharmacist, CONSENT_DEFAULTS.pharmacist);
    const prescriber = await addClinician(h, clinic, 'prescriber');
    await link(p, prescriber);
    const { caregiver } = await caregiverOf(h, p);
    const res = await pharmacist.post(url(p), sampleImportBundle(['Citalopram']));
    expect(res.statusCode, res.body).toBe(201);
    for (const member of [caregiver, prescriber]) {
      const refused = await member.post(url(p), sampleImportBundle(['Zolpidem']));
      expect(refused.statusCode).toBe(404);
    }
    expect((await names(p)).map((m) => m.name)).toEqual(['Citalopram']);
  });
});
