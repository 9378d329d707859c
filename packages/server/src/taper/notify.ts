/**
 * A patient's taper request must reach the prescriber: besides the Taper tab, it is posted as
 * a message thread addressed to the patient's prescribers who read their messages (consent),
 * through the messages feature. Without such a prescriber, the Taper tab is the only place.
 */
import { careTeamOf } from '../careteam/service.js';
import type { AppContext } from '../context.js';
import type { PatientAccess } from '../http/policy.js';
import { createThread } from '../messages/service.js';
import type { TaperRequestView } from './requests.js';

const SUBJECTS: Readonly<Record<TaperRequestView['kind'], string>> = {
  pause: 'Taper: I would like to pause',
  slower: 'Taper: I would like to go slower',
};

/** Post the request to the prescribers' messages; returns how many prescribers it reached. */
export async function notifyPrescribers(
  ctx: AppContext,
  access: PatientAccess,
  request: TaperRequestView,
): Promise<number> {
  const prescribers = (await careTeamOf(ctx, access)).filter(
    (l) =>
      l.status === 'active' &&
      l.memberKind === 'prescriber' &&
      l.member.active &&
      l.consent.messages &&
      l.consent.medications,
  );
  if (prescribers.length === 0) return 0;
  await createThread(ctx, access, {
    idempotencyKey: `taper-request-${request.id}`,
    subject: SUBJECTS[request.kind],
    body: request.reason,
    audience: 'selected',
    participantIds: prescribers.map((l) => l.member.id),
  });
  return prescribers.length;
}
