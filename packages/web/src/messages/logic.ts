/** Pure helpers of the Messages pages (unit-tested in logic.test.ts). */
import type { SideEffectKey } from '@steady/core';
import type { CheckInView } from '../shared/api/types';
import type { Message, Participant, Thread } from './api';

/** The server's limits (docs/care-team/messages.md). */
export const LIMITS = { subject: 200, body: 4000, summary: 300 } as const;

/** The user-perceived characters of a text (an emoji with a skin tone is one). */
export function graphemes(text: string): string[] {
  const segments = new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text);
  return Array.from(segments, (s) => s.segment);
}

/** Shorten to `max` characters, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = graphemes(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Up to when to mark a thread read, or null when nothing new is shown: the newest message of
 * the list when the reader has unread messages in it.
 */
export function markReadUpTo(thread: Thread, messages: readonly Message[]): string | null {
  const newest = messages.at(-1);
  if (newest === undefined || thread.unread === 0) return null;
  if (thread.lastReadAt !== null && newest.createdAt <= thread.lastReadAt) return null;
  return newest.createdAt;
}

/** Messages by others that were not in the previous list (to announce them). */
export function arrivals(
  previous: ReadonlySet<string> | null,
  messages: readonly Message[],
  userId: string,
): Message[] {
  if (previous === null) return [];
  return messages.filter((m) => !previous.has(m.id) && m.author.id !== userId);
}

/** Whom a `selected` thread may name: the team without the patient and the writer. */
export function choosable(team: readonly Participant[], userId: string): Participant[] {
  return team.filter((p) => p.memberKind !== 'patient' && p.id !== userId);
}

/** Threads with something unread first, then by latest activity (the server's order). */
export function unreadFirst(threads: readonly Thread[]): Thread[] {
  return [...threads].sort((a, b) => Number(b.unread > 0) - Number(a.unread > 0));
}

/** Patients with unread messages first, then by name. */
export function sortByUnread<T extends { readonly displayName: string }>(
  rows: readonly T[],
  unreadOf: (row: T) => number,
): T[] {
  return [...rows].sort(
    (a, b) =>
      Number(unreadOf(b) > 0) - Number(unreadOf(a) > 0) ||
      a.displayName.localeCompare(b.displayName),
  );
}

export interface ReportedSideEffect {
  /** A rated side effect, or `other` for the one the patient described. */
  readonly key: SideEffectKey | 'other';
  readonly severity: 'mild' | 'moderate' | 'severe';
  /** The patient's words, for `other`. */
  readonly text: string | null;
}

/** The side effects a check-in reports (rated above "none"), most severe first. */
export function reportedSideEffects(checkIn: CheckInView): ReportedSideEffect[] {
  const rank = { mild: 1, moderate: 2, severe: 3 } as const;
  const rated: ReportedSideEffect[] = [];
  for (const [key, severity] of Object.entries(checkIn.sideEffects) as [
    SideEffectKey,
    CheckInView['sideEffects'][SideEffectKey],
  ][]) {
    if (severity !== 'none') rated.push({ key, severity, text: null });
  }
  const other = checkIn.otherSideEffect;
  if (other !== null && other.severity !== 'none') {
    rated.push({ key: 'other', severity: other.severity, text: other.text });
  }
  return rated.sort((a, b) => rank[b.severity] - rank[a.severity]);
}
