import type { TFunction } from 'i18next';
import type { Exercise } from './api';

/** "2 sets × 10 reps · 5 minutes", or '' when the assignment names no amount. */
export function amountText(t: TFunction, e: Pick<Exercise, 'sets' | 'reps' | 'minutes'>): string {
  const parts: string[] = [];
  if (e.sets !== null && e.reps !== null)
    parts.push(t('exercises.setsReps', { sets: e.sets, reps: e.reps }));
  else if (e.sets !== null) parts.push(t('exercises.sets', { count: e.sets }));
  else if (e.reps !== null) parts.push(t('exercises.reps', { count: e.reps }));
  if (e.minutes !== null) parts.push(t('exercises.minutes', { count: e.minutes }));
  return parts.join(' · ');
}
