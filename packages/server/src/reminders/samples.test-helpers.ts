/** Route-suite fixtures of the reminder routes (see http/features.test-helpers.ts). */
import { randomUUID } from 'node:crypto';
import { notifications } from '../db/schema.js';
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

/**
 * One dose reminder for the seeded patient, written straight to the database (the scheduler
 * makes them, not a route). Its id and the marker in its data are the patient's only: no other
 * caller may ever see them in their own notification centre.
 */
export const seed: FeatureSeeder = async ({ h, client, marker }) => {
  const now = h.clock.now();
  const notificationId = randomUUID();
  const patientId = client.userId;
  await h.database.db.insert(notifications).values({
    id: notificationId,
    recipientId: patientId,
    patientId,
    kind: 'dose',
    dedupeKey: `dose:${patientId}:2026-03-10T14:00`,
    slotKey: '2026-03-10T14:00',
    data: { localTime: '14:00', amountMg: 5, patientName: `Patient ${marker}` },
    dueAt: now,
    createdAt: now,
    silent: false,
    pushStatus: 'none',
  });
  return { ids: { notificationId }, secrets: [notificationId] };
};

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {
  'PUT /api/patients/:patientId/reminder-settings': () => ({
    enabled: true,
    remindAgainMinutes: 30,
    quietHours: { start: '22:00', end: '07:00' },
    caregiverNotice: false,
    caregiverAfterMinutes: 120,
  }),
  'POST /api/me/notifications/read': (ids) => ({ ids: [ids.notificationId ?? randomUUID()] }),
};

export const queries: Readonly<Record<string, string>> = {};
