/**
 * Reminder settings in the database: one row per patient who changed them; no row means the
 * core defaults. Read in bulk by the scheduler, one patient at a time by the settings routes.
 */
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '@steady/core';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { reminderSettings } from '../db/schema.js';

type Row = typeof reminderSettings.$inferSelect;

export function settingsFromRow(row: Row | undefined): ReminderSettings {
  if (row === undefined) return DEFAULT_REMINDER_SETTINGS;
  return {
    enabled: row.enabled,
    remindAgainMinutes: row.remindAgainMinutes,
    quietHours:
      row.quietStart !== null && row.quietEnd !== null
        ? { start: row.quietStart, end: row.quietEnd }
        : null,
    caregiverNotice: row.caregiverNotice,
    caregiverAfterMinutes: row.caregiverAfterMinutes,
  };
}

/** The settings of each patient (defaults for those without a row). */
export async function loadReminderSettings(
  db: Db,
  patientIds: readonly string[],
): Promise<Map<string, ReminderSettings>> {
  const rows =
    patientIds.length === 0
      ? []
      : await db
          .select()
          .from(reminderSettings)
          .where(inArray(reminderSettings.patientId, [...patientIds]));
  const byId = new Map(rows.map((r) => [r.patientId, r]));
  return new Map(patientIds.map((id) => [id, settingsFromRow(byId.get(id))]));
}
