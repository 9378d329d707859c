/** The My data page's calls: exports (file downloads), the calendar feed, account deletion. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import { fetchFile, saveFile } from '../shared/api/files';
import { useSessionQuery, useUser } from '../shared/session';

export const EXPORT_KINDS = [
  'doses',
  'checkins',
  'questionnaires',
  'techniques',
  'account',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface CalendarFeed {
  readonly id: string;
  readonly createdAt: string;
  readonly lastFetchedAt: string | null;
}

export interface CreatedFeed {
  readonly feed: CalendarFeed;
  /** Shown once: only its hash is kept on the server. */
  readonly url: string;
  readonly webcalUrl: string;
}

export interface PendingDeletion {
  readonly id: string;
  readonly requestedAt: string;
  readonly purgeAfter: string;
}

const keys = {
  feed: (patientId: string) => ['calendarFeed', patientId] as const,
  deletion: (patientId: string) => ['accountDeletion', patientId] as const,
};

/** The file name the server gave in Content-Disposition, or a fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

/**
 * Download an export. The API answers with the file itself, so this uses fetch directly (the
 * JSON client reads JSON only), with the session's CSRF token as every write does.
 */
export function useDownload() {
  const { id } = useUser();
  const csrfToken = useSessionQuery().data?.csrfToken ?? '';
  return useMutation({
    mutationFn: async (kind: ExportKind) => {
      const response = await fetchFile(apiPath`/api/patients/${id}/exports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ kind }),
      });
      saveFile(await response.blob(), fileNameOf(response, `steady-${kind}`));
      return kind;
    },
  });
}

export function useCalendarFeed() {
  const api = useApi();
  const { id } = useUser();
  return useQuery({
    queryKey: keys.feed(id),
    queryFn: () =>
      api.get<{ feed: CalendarFeed | null; weeks: number }>(
        apiPath`/api/patients/${id}/calendar-feed`,
      ),
  });
}

export function useCreateFeed() {
  const api = useApi();
  const { id } = useUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CreatedFeed>(apiPath`/api/patients/${id}/calendar-feed`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.feed(id) }),
  });
}

export function useRevokeFeed() {
  const api = useApi();
  const { id } = useUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(apiPath`/api/patients/${id}/calendar-feed`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.feed(id) }),
  });
}

export function useDeletion() {
  const api = useApi();
  const { id } = useUser();
  return useQuery({
    queryKey: keys.deletion(id),
    queryFn: () =>
      api.get<{ deletion: PendingDeletion | null; graceDays: number }>(
        apiPath`/api/patients/${id}/account-deletion`,
      ),
  });
}

export function useRequestDeletion() {
  const api = useApi();
  const { id } = useUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) =>
      api.post<{ deletion: PendingDeletion }>(apiPath`/api/patients/${id}/account-deletion`, {
        password,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.deletion(id) }),
  });
}

export function useCancelDeletion() {
  const api = useApi();
  const { id } = useUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(apiPath`/api/patients/${id}/account-deletion`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.deletion(id) }),
  });
}
