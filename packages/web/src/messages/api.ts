/**
 * Messages API (docs/care-team/messages.md): types, query keys and hooks. Lists and threads
 * are polled every 20 s while shown (no websockets).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { MemberKind, Role } from '../shared/api/types';

export const POLL_MS = 20_000;

export type ContextKind = 'check-in' | 'side-effect' | 'alert' | 'dose' | 'questionnaire';

/** What a "tell my care team" message is about. */
export interface ThreadContext {
  readonly kind: ContextKind;
  readonly refId: string | null;
  readonly summary: string;
}

export interface Person {
  readonly id: string;
  readonly displayName: string;
  readonly role: Role;
  readonly discipline: string | null;
}

export interface Participant extends Person {
  readonly memberKind: 'patient' | MemberKind;
}

export interface Thread {
  readonly id: string;
  readonly audience: 'team' | 'selected';
  readonly subject: string;
  readonly context: ThreadContext | null;
  readonly createdAt: string;
  readonly createdBy: Person;
  readonly lastMessageAt: string;
  readonly participants: readonly Participant[];
  readonly lastMessage: {
    readonly authorId: string;
    readonly authorName: string;
    readonly preview: string;
    readonly createdAt: string;
  } | null;
  readonly unread: number;
  readonly lastReadAt: string | null;
}

export interface Message {
  readonly id: string;
  readonly body: string;
  readonly createdAt: string;
  readonly author: Person;
}

export interface ThreadsResponse {
  readonly threads: readonly Thread[];
  /** Who a team thread reaches now (the patient first). */
  readonly team: readonly Participant[];
}

export interface ThreadResponse {
  readonly thread: Thread;
  readonly messages: readonly Message[];
}

export interface UnreadResponse {
  readonly unread: number;
  readonly patients: readonly { readonly patientId: string; readonly unread: number }[];
}

export interface NewThreadInput {
  readonly idempotencyKey: string;
  readonly subject: string;
  readonly body: string;
  readonly audience: 'team' | 'selected';
  readonly participantIds?: readonly string[];
  readonly context?: ThreadContext;
}

export const messageKeys = {
  all: ['messages'] as const,
  unread: ['messages', 'unread'] as const,
  threads: (patientId: string) => ['messages', 'threads', patientId] as const,
  thread: (patientId: string, threadId: string) =>
    ['messages', 'thread', patientId, threadId] as const,
};

/** The signed-in user's unread messages (the navigation's counter). */
export function useUnreadQuery(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: messageKeys.unread,
    queryFn: () => api.get<UnreadResponse>('/api/messages/unread'),
    refetchInterval: POLL_MS,
    enabled,
  });
}

export function useThreadsQuery(patientId: string) {
  const api = useApi();
  return useQuery({
    queryKey: messageKeys.threads(patientId),
    queryFn: () => api.get<ThreadsResponse>(apiPath`/api/patients/${patientId}/threads`),
    refetchInterval: POLL_MS,
    retry: false,
  });
}

export function useThreadQuery(patientId: string, threadId: string) {
  const api = useApi();
  return useQuery({
    queryKey: messageKeys.thread(patientId, threadId),
    queryFn: () => api.get<ThreadResponse>(apiPath`/api/patients/${patientId}/threads/${threadId}`),
    refetchInterval: POLL_MS,
    retry: false,
  });
}

export function useStartThread(patientId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewThreadInput) =>
      api.post<{ thread: Thread }>(apiPath`/api/patients/${patientId}/threads`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: messageKeys.threads(patientId) }),
  });
}

export function usePostMessage(patientId: string, threadId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { idempotencyKey: string; body: string }) =>
      api.post<{ message: Message }>(
        apiPath`/api/patients/${patientId}/threads/${threadId}/messages`,
        input,
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: messageKeys.thread(patientId, threadId) });
      await client.invalidateQueries({ queryKey: messageKeys.threads(patientId) });
    },
  });
}

/** Mark the thread read up to the newest message shown; refreshes the counters. */
export function useMarkRead(patientId: string, threadId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (upTo: string) =>
      api.post<{ thread: Thread }>(apiPath`/api/patients/${patientId}/threads/${threadId}/read`, {
        upTo,
      }),
    onSuccess: async ({ thread }) => {
      client.setQueryData<ThreadResponse>(messageKeys.thread(patientId, threadId), (old) =>
        old === undefined ? old : { ...old, thread },
      );
      await client.invalidateQueries({ queryKey: messageKeys.unread });
      await client.invalidateQueries({ queryKey: messageKeys.threads(patientId) });
    },
  });
}
