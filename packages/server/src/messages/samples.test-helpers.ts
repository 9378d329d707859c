/** Route-suite fixtures of this feature (see http/features.test-helpers.ts). */
import { randomUUID } from 'node:crypto';
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

/**
 * A `team` thread (readable by every member the `messages` policy admits, so the route suites'
 * allowed readers get 200) started by the patient about a side effect, with the caregiver's
 * reply. The patient's own unread count is 1 and stays so: the suites never mark it read.
 */
export const seed: FeatureSeeder = async ({ client, caregiver, marker }) => {
  const base = `/api/patients/${client.userId}/threads`;
  const created = await client.post(base, {
    idempotencyKey: randomUUID(),
    subject: `Subject ${marker}`,
    body: `Message ${marker}`,
    audience: 'team',
    context: { kind: 'side-effect', refId: null, summary: `Drowsiness ${marker}` },
  });
  if (created.statusCode !== 201) throw new Error(`thread: ${created.body}`);
  const threadId = created.json<{ thread: { id: string } }>().thread.id;
  const reply = await caregiver.post(`${base}/${threadId}/messages`, {
    idempotencyKey: randomUUID(),
    body: `Reply ${marker}`,
  });
  if (reply.statusCode !== 201) throw new Error(`reply: ${reply.body}`);
  const messageId = reply.json<{ message: { id: string } }>().message.id;
  return { ids: { threadId }, secrets: [threadId, messageId] };
};

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {
  'POST /api/patients/:patientId/threads': () => ({
    idempotencyKey: randomUUID(),
    subject: 'Injected subject',
    body: 'Injected message',
    audience: 'team',
  }),
  'POST /api/patients/:patientId/threads/:threadId/messages': () => ({
    idempotencyKey: randomUUID(),
    body: 'Injected message',
  }),
  'POST /api/patients/:patientId/threads/:threadId/read': () => ({
    upTo: '2026-03-10T12:00:00.000Z',
  }),
};

export const queries: Readonly<Record<string, string>> = {};
