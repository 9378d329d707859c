/**
 * Care-team fixtures for integration tests: clinics with an administrator, clinicians added
 * through the admin API, and links made through real invitations.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll } from 'vitest';
import type { ConsentMap, Discipline } from '../careteam/consent.js';
import { createClinicWithAdmin } from '../clinics/service.js';
import type { AppContext } from '../context.js';
import { registerCaregiver, signIn, type Client, type Harness } from './harness.js';

export const PASSWORD = 'a long enough password';

export function contextOf(h: Harness): AppContext {
  return { db: h.database.db, config: h.config, now: h.clock.now };
}

export interface ClinicFixture {
  readonly clinicId: string;
  readonly name: string;
  readonly admin: Client;
}

function expectStatus(res: { statusCode: number; body: string }, status: number, what: string) {
  if (res.statusCode !== status) {
    throw new Error(`${what}: ${String(res.statusCode)} ${res.body}`);
  }
}

/** A clinic and its signed-in administrator. */
export async function createClinicFixture(h: Harness, name: string): Promise<ClinicFixture> {
  const email = `admin-${randomUUID().slice(0, 8)}@example.org`;
  const created = await createClinicWithAdmin(contextOf(h), name, {
    email,
    password: PASSWORD,
    displayName: `Admin of ${name}`,
    timeZone: 'Europe/Paris',
  });
  if (created === null) throw new Error('clinic admin email taken');
  return { clinicId: created.clinic.id, name, admin: await signIn(h.app, email, PASSWORD) };
}

/** A suite's clinicians, each by the name the suite knows them by: discipline and display name. */
export type TeamSpec = Readonly<Record<string, readonly [Discipline, string]>>;

export type Team<S extends TeamSpec> = {
  readonly h: Harness;
  readonly clinic: ClinicFixture;
} & { readonly [K in keyof S]: Client };

/**
 * A suite's clinic: before all its tests, the harness, a clinic named `clinicName` and the
 * clinicians of `spec`, added in that order. Read the fields in tests and hooks, not before.
 */
export function clinicTeam<const S extends TeamSpec>(
  harness: () => Harness,
  clinicName: string,
  spec: S,
): Team<S> {
  const team: Record<string, unknown> = {};
  beforeAll(async () => {
    const h = harness();
    const clinic = await createClinicFixture(h, clinicName);
    Object.assign(team, { h, clinic });
    for (const [key, [discipline, name]] of Object.entries(spec)) {
      team[key] = await addClinician(h, clinic, discipline, name);
    }
  });
  return team as Team<S>;
}

/** The pharmacy suites' team: a pharmacist and a prescriber. */
export const PHARMACY_TEAM = {
  pharmacist: ['pharmacist', 'Pat Pharmacist'],
  prescriber: ['prescriber', 'Dr. Prescriber'],
} as const satisfies TeamSpec;

/** A clinician added by the clinic's administrator, signed in with the temporary password. */
export async function addClinician(
  h: Harness,
  clinic: ClinicFixture,
  discipline: Discipline,
  displayName = `Clinician ${discipline}`,
): Promise<Client & { readonly email: string; readonly password: string }> {
  const email = `${discipline}-${randomUUID().slice(0, 8)}@example.org`;
  const res = await clinic.admin.post(`/api/clinics/${clinic.clinicId}/clinicians`, {
    email,
    displayName,
    discipline,
  });
  expectStatus(res, 201, 'add clinician');
  const { temporaryPassword } = res.json<{ temporaryPassword: string }>();
  const client = await signIn(h.app, email, temporaryPassword);
  return Object.assign(client, { email, password: temporaryPassword });
}

/** The patient invites a clinician (with this consent, or the defaults); the clinician accepts. */
export async function link(patient: Client, member: Client, consent?: ConsentMap): Promise<string> {
  const invite = await patient.post(`/api/patients/${patient.userId}/invitations`, {
    memberKind: 'clinician',
    ...(consent === undefined ? {} : { consent }),
  });
  expectStatus(invite, 201, 'invite clinician');
  const { code } = invite.json<{ invitation: { code: string } }>().invitation;
  const accepted = await member.post(`/api/invitations/${code}/accept`, {});
  expectStatus(accepted, 201, 'accept invitation');
  return accepted.json<{ link: { linkId: string } }>().link.linkId;
}

/** The patient invites a caregiver, who registers with the code: linked at once. */
export async function caregiverOf(
  h: Harness,
  patient: Client,
  consent?: ConsentMap,
): Promise<{ caregiver: Client; linkId: string }> {
  const invite = await patient.post(`/api/patients/${patient.userId}/invitations`, {
    memberKind: 'caregiver',
    ...(consent === undefined ? {} : { consent }),
  });
  expectStatus(invite, 201, 'invite caregiver');
  const { code } = invite.json<{ invitation: { code: string } }>().invitation;
  const caregiver = await registerCaregiver(h.app, code);
  const team = await caregiver.get(`/api/patients/${patient.userId}/care-team`);
  expectStatus(team, 200, 'caregiver care team');
  const [own] = team.json<{ members: { linkId: string }[] }>().members;
  if (own === undefined) throw new Error('caregiver not linked');
  return { caregiver, linkId: own.linkId };
}

/** Revoke a link as the patient. */
export async function revoke(patient: Client, linkId: string): Promise<void> {
  const res = await patient.delete(`/api/patients/${patient.userId}/care-team/${linkId}`);
  expectStatus(res, 204, 'revoke');
}
