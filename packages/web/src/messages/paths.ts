/** Where the Messages pages live: the patient's own, and a linked patient's in the workspace. */
import type { SessionUser } from '../shared/api/types';

/** The thread list of a patient, as the signed-in user reaches it. */
export function threadsPath(user: Pick<SessionUser, 'id' | 'role'>, patientId: string): string {
  return user.role === 'patient' && user.id === patientId
    ? '/messages'
    : `/patients/${encodeURIComponent(patientId)}/messages`;
}

/** One thread of a patient, as the signed-in user reaches it. */
export function threadPath(
  user: Pick<SessionUser, 'id' | 'role'>,
  patientId: string,
  threadId: string,
): string {
  return `${threadsPath(user, patientId)}/${encodeURIComponent(threadId)}`;
}
