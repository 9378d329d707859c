import { checkInGuidance } from '@steady/core';
import type { CheckInInput, CheckInResponse } from '../shared/api/types';

/**
 * The answer to a check-in kept on this device while offline: the same safety guidance the
 * server would give (computed by @steady/core's checkInGuidance, which cites its sources), so an
 * emergency is never hidden behind a missing connection.
 */
export function localCheckInResponse(input: CheckInInput, now: string): CheckInResponse {
  const { idempotencyKey, ...answers } = input;
  const checkIn = { id: idempotencyKey, at: now, ...answers };
  const guidance = checkInGuidance(checkIn).map(({ level, code }) => ({ level, code }));
  return { checkIn, guidance };
}
