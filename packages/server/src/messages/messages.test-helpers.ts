/** Shared shapes and request helpers of the messages suite. */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { expectError } from '../http/routes.test-helpers.js';
import type { Client, Harness } from '../testing/harness.js';

export interface Person {
  id: string;
  displayName: string;
  memberKind?: string;
}
export interface Thread {
  id: string;
  audience: 'team' | 'selected';
  subject: string;
  context: { kind: string; refId: string | null; summary: string } | null;
  createdBy: Person;
  participants: Person[];
  lastMessage: { authorId: string; preview: string } | null;
  unread: number;
  lastReadAt: string | null;
}
export interface Message {
  id: string;
  body: string;
  createdAt: string;
  author: Person;
}

/** Requests on the patient at `base` of the suite, read when each helper runs. */
export function messageRequests(suite: () => { h: Harness; base: string }) {
  const minute = () => {
    suite().h.clock.advance(60_000);
  };
  const listOf = async (as: Client) => {
    const res = await as.get(`${suite().base}/threads`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ threads: Thread[]; team: Person[] }>();
  };
  const threadOf = async (as: Client, id: string) => {
    const res = await as.get(`${suite().base}/threads/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ thread: Thread; messages: Message[] }>();
  };
  const unread = async (as: Client) => {
    const res = await as.get('/api/messages/unread');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ unread: number; patients: { patientId: string; unread: number }[] }>();
  };
  const start = async (as: Client, body: Record<string, unknown>) => {
    const res = await as.post(`${suite().base}/threads`, {
      idempotencyKey: randomUUID(),
      subject: 'A question',
      body: 'Hello',
      audience: 'team',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ thread: Thread }>().thread;
  };
  const post = async (as: Client, threadId: string, body: string) => {
    const res = await as.post(`${suite().base}/threads/${threadId}/messages`, {
      idempotencyKey: randomUUID(),
      body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ message: Message }>().message;
  };
  const markRead = async (as: Client, threadId: string, upTo: string) => {
    const res = await as.post(`${suite().base}/threads/${threadId}/read`, { upTo });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ thread: Thread }>().thread;
  };
  const notFound = async (pending: Promise<LightMyRequestResponse>) => {
    expectError(await pending, 404, 'STEADY_ERR_NOT_FOUND');
  };
  return { minute, listOf, threadOf, unread, start, post, markRead, notFound };
}
