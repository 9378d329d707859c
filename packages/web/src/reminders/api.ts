/**
 * The notification centre and reminder settings as the web app sees them (docs/reminders.md):
 * types, query keys and hooks. Every notification query sits under `['notifications']`, so
 * anything that stores one (a test push) refreshes the centre and the bell with one key.
 */
import type { NotificationKind, ReminderSettings } from '@steady/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import { queryKeys } from '../shared/queryKeys';
import { usePostOrQueue } from '../offline/usePostOrQueue';

/** The bell polls this often (and on window focus). */
export const BELL_POLL_MS = 60_000;

export type { NotificationKind } from '@steady/core';
export type DoseStatus = 'pending' | 'taken' | 'skipped';

export interface NotificationView {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly patientId: string;
  /** On a caregiver's notices only. */
  readonly patientName: string | null;
  readonly slotKey: string | null;
  readonly localTime: string | null;
  readonly amountMg: number | null;
  readonly dueAt: string;
  readonly createdAt: string;
  readonly readAt: string | null;
  /** Stored in quiet hours: listed here, never pushed. */
  readonly silent: boolean;
  readonly pushStatus: 'none' | 'pending' | 'sent' | 'failed';
  /** The slot's state, on the patient's own dose reminders only. */
  readonly dose: { readonly status: DoseStatus } | null;
}

export interface NotificationsResponse {
  readonly notifications: readonly NotificationView[];
  readonly unread: number;
}

/** The settings and their quiet hours are the engine's own types (one definition, in core). */
export type { QuietHours, ReminderSettings } from '@steady/core';

export interface ReminderCaregiver {
  readonly id: string;
  readonly displayName: string;
  /** An active link with medication consent: would be told. */
  readonly told: boolean;
}

export interface ReminderSettingsResponse {
  readonly settings: ReminderSettings;
  readonly caregivers: readonly ReminderCaregiver[];
}

export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  bell: ['notifications', 'bell'] as const,
  settings: (patientId: string) => ['reminderSettings', patientId] as const,
};

/** The newest page of the caller's notifications (the centre). */
export function useNotificationsQuery() {
  const api = useApi();
  return useQuery({
    queryKey: notificationKeys.list,
    queryFn: () => api.get<NotificationsResponse>('/api/me/notifications?limit=100'),
    refetchInterval: BELL_POLL_MS,
  });
}

/** Only the unread count, for the bell: one row is the smallest page. */
export function useUnreadNotificationsQuery() {
  const api = useApi();
  return useQuery({
    queryKey: notificationKeys.bell,
    queryFn: () => api.get<NotificationsResponse>('/api/me/notifications?limit=1'),
    select: (data) => data.unread,
    refetchInterval: BELL_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** Mark the notifications read (the ones the centre shows); refreshes the bell. */
export function useMarkNotificationsRead() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: readonly string[]) =>
      api.post<{ unread: number }>('/api/me/notifications/read', { ids }),
    onSuccess: ({ unread }) => {
      client.setQueryData<NotificationsResponse>(notificationKeys.bell, (old) =>
        old === undefined ? old : { ...old, unread },
      );
      return client.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}

/** The idempotency key of "Taken" from a reminder: the same in the centre and in the push action. */
export const takenKey = (slotKey: string): string => `reminder-taken:${slotKey}`;

export type TakenOutcome = 'taken' | 'queued' | 'already';

/**
 * "Taken" from a reminder: logs the slot's dose with the reminder's key (so a second tap, or
 * the push action, never logs twice), through the offline queue in the patient's app. A 409
 * "already logged" means it is done.
 */
export function useTakenFromReminder(patientId: string) {
  const postOrQueue = usePostOrQueue();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (slotKey: string): Promise<TakenOutcome> => {
      try {
        const body = { idempotencyKey: takenKey(slotKey), kind: 'taken', slotKey } as const;
        const result = await postOrQueue('dose', apiPath`/api/patients/${patientId}/doses`, body);
        return result.queued ? 'queued' : 'taken';
      } catch (error) {
        if (isAlreadyLogged(error)) return 'already';
        throw error;
      }
    },
    onSuccess: async (outcome) => {
      if (outcome === 'queued') return;
      await Promise.all([
        client.invalidateQueries({ queryKey: notificationKeys.all }),
        client.invalidateQueries({ queryKey: queryKeys.today(patientId) }),
        client.invalidateQueries({ queryKey: queryKeys.history(patientId) }),
      ]);
    },
  });
}

function isAlreadyLogged(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'STEADY_ERR_ALREADY_LOGGED'
  );
}

export function useReminderSettingsQuery(patientId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: notificationKeys.settings(patientId),
    queryFn: () =>
      api.get<ReminderSettingsResponse>(apiPath`/api/patients/${patientId}/reminder-settings`),
    enabled,
  });
}

export function useSaveReminderSettings(patientId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: ReminderSettings) =>
      api.put<ReminderSettingsResponse>(
        apiPath`/api/patients/${patientId}/reminder-settings`,
        settings,
      ),
    onSuccess: (data) => {
      client.setQueryData(notificationKeys.settings(patientId), data);
    },
  });
}
