/**
 * The patient's reminder settings (issue 7 item 1; docs/reminders.md): dose reminders on or off,
 * remind again, quiet hours, and whether to tell their caregivers about a dose not logged.
 * Only the patient reads or writes them (`members: []`, category `notes`, as the display
 * preferences): the timings are the patient's choice. The reply also lists the patient's active
 * caregivers and whether each would be told (an active link with medication consent) — the same
 * rule the scheduler uses (load.ts).
 */
import {
  CAREGIVER_AFTER_MINUTES,
  REMIND_AGAIN_MINUTES,
  isLocalTime,
  type ReminderSettings,
} from '@steady/core';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import { listLinks } from '../careteam/repo.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { careLinks, reminderSettings } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { ownSettingsPolicy, patientOf } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import { loadReminderSettings } from './settingsRepo.js';

const READ = ownSettingsPolicy('read');
const WRITE = ownSettingsPolicy('write');

const localTime = z.string().refine(isLocalTime, { message: 'HH:mm' });

export const reminderSettingsBody = z.object({
  enabled: z.boolean(),
  remindAgainMinutes: z
    .number()
    .int()
    .min(REMIND_AGAIN_MINUTES.min)
    .max(REMIND_AGAIN_MINUTES.max)
    .nullable(),
  quietHours: z.object({ start: localTime, end: localTime }).strict().nullable(),
  caregiverNotice: z.boolean(),
  caregiverAfterMinutes: z
    .number()
    .int()
    .min(CAREGIVER_AFTER_MINUTES.min)
    .max(CAREGIVER_AFTER_MINUTES.max),
});

const caregiverView = z.object({
  id: z.string(),
  displayName: z.string(),
  /** An active link with medication consent: this caregiver would be told. */
  told: z.boolean(),
});

const settingsResponse = z.object({
  settings: reminderSettingsBody,
  caregivers: z.array(caregiverView),
});

type SettingsResponse = z.infer<typeof settingsResponse>;

/** The patient's active caregivers (active accounts), by name. */
async function caregiversOf(db: Db, patientId: string): Promise<SettingsResponse['caregivers']> {
  const links = await listLinks(
    db,
    and(
      eq(careLinks.patientId, patientId),
      eq(careLinks.memberKind, 'caregiver'),
      eq(careLinks.status, 'active'),
    ),
  );
  return links
    .filter((l) => l.member.active)
    .map((l) => ({
      id: l.member.id,
      displayName: l.member.displayName,
      told: l.consent.medications,
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
}

const view = (s: ReminderSettings): SettingsResponse['settings'] => ({
  enabled: s.enabled,
  remindAgainMinutes: s.remindAgainMinutes,
  quietHours: s.quietHours === null ? null : { start: s.quietHours.start, end: s.quietHours.end },
  caregiverNotice: s.caregiverNotice,
  caregiverAfterMinutes: s.caregiverAfterMinutes,
});

async function load(db: Db, patientId: string): Promise<SettingsResponse> {
  const settings = (await loadReminderSettings(db, [patientId])).get(patientId);
  if (settings === undefined) throw new AppError('STEADY_ERR_INTERNAL');
  return { settings: view(settings), caregivers: await caregiversOf(db, patientId) };
}

export function reminderSettingsRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/patients/:patientId/reminder-settings',
    {
      config: { policy: READ },
      schema: {
        tags: ['reminders'],
        summary:
          "The patient's dose-reminder settings and the caregivers who would be told (the patient only)",
        params: patientParams,
        response: { 200: settingsResponse },
      },
    },
    async (request) => load(ctx.db, patientOf(request).patientId),
  );

  app.put(
    '/api/patients/:patientId/reminder-settings',
    {
      config: { policy: WRITE },
      schema: {
        tags: ['reminders'],
        summary: "Replace the patient's dose-reminder settings (the patient only)",
        params: patientParams,
        body: reminderSettingsBody.strict(),
        response: { 200: settingsResponse },
      },
    },
    async (request) => {
      const { user, patientId } = patientOf(request);
      const body = request.body;
      if (body.quietHours !== null && body.quietHours.start === body.quietHours.end) {
        throw new AppError('STEADY_ERR_VALIDATION', [
          { path: '/body/quietHours/end', message: 'must differ from start' },
        ]);
      }
      const now = ctx.now();
      const values = {
        enabled: body.enabled,
        remindAgainMinutes: body.remindAgainMinutes,
        quietStart: body.quietHours?.start ?? null,
        quietEnd: body.quietHours?.end ?? null,
        caregiverNotice: body.caregiverNotice,
        caregiverAfterMinutes: body.caregiverAfterMinutes,
        updatedAt: now,
      };
      await ctx.db.transaction(async (tx) => {
        await tx
          .insert(reminderSettings)
          .values({ patientId, ...values })
          .onConflictDoUpdate({ target: reminderSettings.patientId, set: values });
        await audit(
          tx,
          {
            actorId: user.id,
            patientId,
            action: 'reminders.settings.update',
            details: {
              enabled: body.enabled,
              remindAgainMinutes: body.remindAgainMinutes,
              quietHours: body.quietHours !== null,
              caregiverNotice: body.caregiverNotice,
              caregiverAfterMinutes: body.caregiverAfterMinutes,
            },
          },
          now,
        );
      });
      return load(ctx.db, patientId);
    },
  );
}
