/** Pure logic of logging a session: the body sent to the server and the change shown after. */
import type { SessionBody, SessionKind } from './api';

/** What the patient answered around a session (every rating optional). */
export interface SessionDraft {
  readonly techniqueId: string;
  readonly kind: SessionKind;
  readonly assignmentId?: string | null;
  readonly startedAt: string;
  readonly durationMinutes: number | null;
  readonly painBefore: number | null;
  readonly painAfter: number | null;
  readonly tensionBefore: number | null;
  readonly tensionAfter: number | null;
  readonly provider?: string | null;
  readonly note?: string | null;
}

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** The request body: blank text left out as null; a provider only for therapies elsewhere. */
export function sessionBody(draft: SessionDraft, idempotencyKey: string): SessionBody {
  return {
    idempotencyKey,
    techniqueId: draft.techniqueId,
    kind: draft.kind,
    assignmentId: draft.kind === 'assignment' ? (draft.assignmentId ?? null) : null,
    startedAt: draft.startedAt,
    durationMinutes: draft.durationMinutes,
    painBefore: draft.painBefore,
    painAfter: draft.painAfter,
    tensionBefore: draft.tensionBefore,
    tensionAfter: draft.tensionAfter,
    provider: draft.kind === 'elsewhere' ? text(draft.provider) : null,
    note: text(draft.note),
  };
}

/** Minutes of a guided session from the time it ran: at least 1, or null under half a minute. */
export function minutesFromElapsed(elapsedMs: number): number | null {
  if (elapsedMs < 30_000) return null;
  return Math.min(600, Math.max(1, Math.round(elapsedMs / 60_000)));
}

export type Change =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'same'; readonly before: number; readonly after: number }
  | {
      readonly kind: 'lower' | 'higher';
      readonly before: number;
      readonly after: number;
      readonly by: number;
    };

/** Before → after in plain terms; unknown when either rating was skipped. */
export function describeChange(before: number | null, after: number | null): Change {
  if (before === null || after === null) return { kind: 'unknown' };
  if (before === after) return { kind: 'same', before, after };
  return after < before
    ? { kind: 'lower', before, after, by: before - after }
    : { kind: 'higher', before, after, by: after - before };
}

/** A `datetime-local` value ("2026-03-10T09:30") in the device's zone → ISO instant, or null. */
export function instantFromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The `datetime-local` value of an instant in the device's zone. */
export function localInputOf(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(instant.getFullYear())}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}T${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
}
