import { DEFAULT_REMINDER_SETTINGS } from '@steady/core';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { CONSENT_DEFAULTS, FULL_CONSENT, NO_CONSENT } from '../careteam/consent.js';
import { auditLog } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import {
  addClinician,
  caregiverOf,
  createClinicFixture,
  link,
  revoke,
} from '../testing/careteam.js';
import { registerPatient, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { loadReminderSettings } from './settingsRepo.js';

interface SettingsBody {
  enabled: boolean;
  remindAgainMinutes: number | null;
  quietHours: { start: string; end: string } | null;
  caregiverNotice: boolean;
  caregiverAfterMinutes: number;
}

interface SettingsResponse {
  settings: SettingsBody;
  caregivers: { id: string; displayName: string; told: boolean }[];
}

const VALID: SettingsBody = {
  enabled: true,
  remindAgainMinutes: 15,
  quietHours: { start: '22:00', end: '07:00' },
  caregiverNotice: true,
  caregiverAfterMinutes: 60,
};

describeOnDatabases('reminder settings', (harness) => {
  let h: Harness;
  let patient: Client;
  let other: Client;
  let doctor: Client;
  let told: Client;
  let notTold: Client;
  let url: string;

  beforeAll(async () => {
    h = harness();
    patient = await registerPatient(h.app, { displayName: 'Rita Reminders' });
    other = await registerPatient(h.app, { displayName: 'Other Patient' });
    url = `/api/patients/${patient.userId}/reminder-settings`;
    const clinic = await createClinicFixture(h, 'Reminders Clinic');
    doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Reminders');
    await link(patient, doctor, FULL_CONSENT);
    ({ caregiver: told } = await caregiverOf(h, patient, CONSENT_DEFAULTS.caregiver));
    ({ caregiver: notTold } = await caregiverOf(h, patient, NO_CONSENT));
  });

  const read = async (as: Client = patient) => {
    const res = await as.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SettingsResponse>();
  };

  it('starts with the core defaults and lists the active caregivers, told or not', async () => {
    const body = await read();
    expect(body.settings).toEqual({
      enabled: DEFAULT_REMINDER_SETTINGS.enabled,
      remindAgainMinutes: DEFAULT_REMINDER_SETTINGS.remindAgainMinutes,
      quietHours: null,
      caregiverNotice: DEFAULT_REMINDER_SETTINGS.caregiverNotice,
      caregiverAfterMinutes: DEFAULT_REMINDER_SETTINGS.caregiverAfterMinutes,
    });
    // Caregivers only (not the linked prescriber); `told` = medication consent.
    expect(body.caregivers).toHaveLength(2);
    expect(body.caregivers).toEqual(
      expect.arrayContaining([
        { id: told.userId, displayName: 'Casey Caregiver', told: true },
        { id: notTold.userId, displayName: 'Casey Caregiver', told: false },
      ]),
    );
  });

  it('saves the settings, answers with them, audits the change and feeds the scheduler', async () => {
    const res = await patient.put(url, VALID);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SettingsResponse>().settings).toEqual(VALID);
    expect((await read()).settings).toEqual(VALID);
    const stored = await loadReminderSettings(h.database.db, [patient.userId]);
    expect(stored.get(patient.userId)).toEqual(VALID);

    // A second save replaces the row (upsert), quiet hours off, reminders again off.
    const second = { ...VALID, remindAgainMinutes: null, quietHours: null, enabled: false };
    expect((await patient.put(url, second)).json<SettingsResponse>().settings).toEqual(second);
    expect((await read()).settings).toEqual(second);

    const entries = await h.database.db
      .select({ details: auditLog.details, actorId: auditLog.actorId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.patientId, patient.userId),
          eq(auditLog.action, 'reminders.settings.update'),
        ),
      );
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => e.actorId === patient.userId)).toBe(true);
    // Ids, counts and codes only: the quiet-hours times are not copied into the audit log.
    expect(JSON.stringify(entries)).not.toContain('22:00');
  });

  it('refuses values out of the core bounds, bad times and equal quiet-hour ends (400)', async () => {
    const bad: [string, Record<string, unknown>, string][] = [
      ['again too soon', { remindAgainMinutes: 4 }, '/body/remindAgainMinutes'],
      ['again too late', { remindAgainMinutes: 241 }, '/body/remindAgainMinutes'],
      ['again not whole', { remindAgainMinutes: 30.5 }, '/body/remindAgainMinutes'],
      ['caregiver too soon', { caregiverAfterMinutes: 14 }, '/body/caregiverAfterMinutes'],
      ['caregiver too late', { caregiverAfterMinutes: 721 }, '/body/caregiverAfterMinutes'],
      ['caregiver null', { caregiverAfterMinutes: null }, '/body/caregiverAfterMinutes'],
      ['bad start', { quietHours: { start: '24:00', end: '07:00' } }, '/body/quietHours/start'],
      ['bad end', { quietHours: { start: '22:00', end: '7:00' } }, '/body/quietHours/end'],
      ['start = end', { quietHours: { start: '22:00', end: '22:00' } }, '/body/quietHours/end'],
      [
        'extra field',
        { quietHours: { start: '22:00', end: '07:00', days: 1 } },
        '/body/quietHours',
      ],
      ['unknown field', { snooze: 5 }, '/body'],
    ];
    const before = await read();
    for (const [name, change, path] of bad) {
      const error = expectError(
        await patient.put(url, { ...VALID, ...change }),
        400,
        'STEADY_ERR_VALIDATION',
        name,
      );
      expect(error.details, name).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: expect.stringMatching(`^${path}`) as string }),
        ]),
      );
    }
    expect(await read()).toEqual(before);
  });

  it('accepts the bounds themselves', async () => {
    const edges = { ...VALID, remindAgainMinutes: 5, caregiverAfterMinutes: 720 };
    expect((await patient.put(url, edges)).statusCode).toBe(200);
    const other = { ...VALID, remindAgainMinutes: 240, caregiverAfterMinutes: 15 };
    expect((await patient.put(url, other)).statusCode).toBe(200);
  });

  it('answers 404 to care-team members (even with full consent) and other patients', async () => {
    for (const [who, client] of [
      ['prescriber', doctor],
      ['caregiver', told],
      ['other patient', other],
    ] as const) {
      expectError(await client.get(url), 404, 'STEADY_ERR_NOT_FOUND', `GET as ${who}`);
      expectError(await client.put(url, VALID), 404, 'STEADY_ERR_NOT_FOUND', `PUT as ${who}`);
    }
  });

  it('keeps one patient’s settings apart from another’s', async () => {
    await patient.put(url, { ...VALID, enabled: false });
    const own = await other.get(`/api/patients/${other.userId}/reminder-settings`);
    expect(own.json<SettingsResponse>()).toEqual({
      settings: expect.objectContaining({ enabled: true, quietHours: null }) as unknown,
      caregivers: [],
    });
  });

  it('drops a caregiver whose link was revoked from the list', async () => {
    const p = await registerPatient(h.app);
    const { caregiver, linkId } = await caregiverOf(h, p);
    const path = `/api/patients/${p.userId}/reminder-settings`;
    const listed = (await p.get(path)).json<SettingsResponse>().caregivers;
    expect(listed.map((c) => c.id)).toEqual([caregiver.userId]);
    await revoke(p, linkId);
    expect((await p.get(path)).json<SettingsResponse>().caregivers).toEqual([]);
  });
});
