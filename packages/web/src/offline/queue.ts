/**
 * The offline queue, as pure functions over its entries (IndexedDB keeps them, sync.ts sends
 * them). An entry is one dose or check-in the patient logged when the server could not be
 * reached. Its idempotency key is its identity: sending it twice stores it once (the server
 * answers a replay with the first answer), so an entry is only removed once the server has
 * answered it, and an answer refusing it is kept until the patient dismisses it.
 */

export type QueuedKind = 'dose' | 'checkin';

/** The server's refusal of an entry, shown to the patient until dismissed. */
export interface QueuedError {
  readonly status: number;
  readonly code: string;
  /** The server's user-facing message; '' when it gave none. */
  readonly message: string;
}

export interface QueuedRequest {
  /** The request's idempotency key; also the IndexedDB key. */
  readonly key: string;
  /** The signed-in user who logged it: only their session sends it. */
  readonly userId: string;
  readonly kind: QueuedKind;
  /** API path the body is POSTed to. */
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>>;
  /** When the patient logged it (UTC instant). */
  readonly queuedAt: string;
  /** Order of logging: entries are sent in this order. */
  readonly seq: number;
  readonly attempts: number;
  /** Set once the server refused it: it is not sent again. */
  readonly error: QueuedError | null;
}

/** What one attempt to send an entry came to. */
export type SendOutcome =
  /** The server stored it (201) or had stored it already (200, a replay of the same key). */
  | { readonly type: 'saved' }
  /** No answer (offline, connection dropped): keep it and stop this run. */
  | { readonly type: 'network' }
  /** The server is busy or failing (5xx, 408, 429): keep it and try again later. */
  | { readonly type: 'later' }
  /** The session ended (401, or a stale CSRF token): keep it until the patient signs in. */
  | { readonly type: 'signed-out' }
  /** Any other refusal (4xx): keep it as failed for the patient to read and dismiss. */
  | { readonly type: 'refused'; readonly error: QueuedError };

/** Classify an HTTP answer (status 0: no answer at all) to a queued request. */
export function outcomeOf(status: number, code = '', message = ''): SendOutcome {
  if (status === 0) return { type: 'network' };
  if (status >= 200 && status < 300) return { type: 'saved' };
  if (status === 401 || (status === 403 && code === 'STEADY_ERR_CSRF')) {
    return { type: 'signed-out' };
  }
  if (status >= 500 || status === 408 || status === 429) return { type: 'later' };
  return { type: 'refused', error: { status, code, message } };
}

/** Whether the outcome ends the current run (later entries would meet the same fate). */
export function stopsRun(outcome: SendOutcome): boolean {
  return outcome.type === 'network' || outcome.type === 'later' || outcome.type === 'signed-out';
}

/** The entry after an attempt, or null when it is done and leaves the queue. */
export function afterAttempt(item: QueuedRequest, outcome: SendOutcome): QueuedRequest | null {
  switch (outcome.type) {
    case 'saved':
      return null;
    case 'refused':
      return { ...item, attempts: item.attempts + 1, error: outcome.error };
    case 'network':
    case 'later':
    case 'signed-out':
      return { ...item, attempts: item.attempts + 1 };
  }
}

/** A user's entries in logging order. */
export function entriesOf(items: readonly QueuedRequest[], userId: string): QueuedRequest[] {
  return items.filter((i) => i.userId === userId).sort((a, b) => a.seq - b.seq);
}

/** The entries still to send for a user, in order (refused ones wait for the patient). */
export function toSend(items: readonly QueuedRequest[], userId: string): QueuedRequest[] {
  return entriesOf(items, userId).filter((i) => i.error === null);
}

export interface NewEntry {
  readonly userId: string;
  readonly kind: QueuedKind;
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>> & { readonly idempotencyKey: string };
  readonly now: string;
}

/**
 * A new entry after the existing ones. The same idempotency key again (the patient retried)
 * returns the entry already there: one action, one entry.
 */
export function enqueue(
  items: readonly QueuedRequest[],
  entry: NewEntry,
): { items: QueuedRequest[]; item: QueuedRequest } {
  const existing = items.find((i) => i.key === entry.body.idempotencyKey);
  if (existing !== undefined) return { items: [...items], item: existing };
  const seq = items.reduce((max, i) => Math.max(max, i.seq), 0) + 1;
  const item: QueuedRequest = {
    key: entry.body.idempotencyKey,
    userId: entry.userId,
    kind: entry.kind,
    path: entry.path,
    body: entry.body,
    queuedAt: entry.now,
    seq,
    attempts: 0,
    error: null,
  };
  return { items: [...items, item], item };
}

/**
 * A dose logged now but sent later must keep the time it was logged: without a `takenAt` the
 * server would record the time it arrives.
 */
export function withTakenAt(body: NewEntry['body'], now: string): NewEntry['body'] {
  return body['takenAt'] === undefined ? { ...body, takenAt: now } : body;
}

/** The same for a check-in: `at` is when the patient answered (the server accepts 14 days back). */
export function withAnsweredAt(body: NewEntry['body'], now: string): NewEntry['body'] {
  return body['at'] === undefined ? { ...body, at: now } : body;
}

/** The slot a queued dose answers, or null (check-ins, extra doses). */
export function slotKeyOf(item: QueuedRequest): string | null {
  const slotKey = item.body['slotKey'];
  return item.kind === 'dose' && typeof slotKey === 'string' ? slotKey : null;
}

/** Delay before the next automatic retry: 15 s, doubling with each failed run, at most 5 min. */
export function retryDelayMs(failedRuns: number): number {
  return Math.min(15_000 * 2 ** Math.max(0, failedRuns), 5 * 60_000);
}

/** What a queued entry is, for its line on Today, and the time to show with it. */
export function describe(item: QueuedRequest): {
  readonly what: 'dose' | 'extraDose' | 'checkin';
  readonly at: string;
} {
  if (item.kind === 'checkin') return { what: 'checkin', at: item.queuedAt };
  const takenAt = item.body['takenAt'];
  const at = typeof takenAt === 'string' ? takenAt : item.queuedAt;
  return { what: item.body['kind'] === 'extra' ? 'extraDose' : 'dose', at };
}
