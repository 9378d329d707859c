import type { TodayResponse } from '../shared/api/types';

/** Whether any dose (taken or skipped, scheduled or extra) is logged today. */
export function loggedToday(today: Pick<TodayResponse, 'slots' | 'extras'>): boolean {
  return today.extras.length > 0 || today.slots.some((s) => s.event !== null);
}
